import type { PeriodData } from '../../schemas/siteData.ts';
import { fmtInt, fmtYi } from '../../metrics/format.ts';
import { inMonth } from '../../metrics/period.ts';
import type { Cell, Linker } from './bulletinFormat.ts';

/** 六 to 十 of the monthly bulletin: this month's lists, 到位资金, 外出招商, 超期未开工, 台账变动. */

/** A project row of 本月新签约 / 新开工 / 新投产. */
export interface NewRow {
  name: string;
  unit: string;
  date: string;
  yi: string;
  chain: string;
}

/** A list with its headline figures, e.g. `{count: {text: '14', href}, yi: {text: '35.20', href}}`. */
export interface ProjectList {
  count: Cell;
  yi: Cell;
  rows: NewRow[];
}

export interface SourceRow {
  label: string;
  count: Cell;
  yi: Cell;
  foreign: Cell;
}

export interface TripRow {
  /** e.g. `10-08—10-12`. */
  dates: string;
  unit: string;
  destination: string;
  leader: string;
  visits: string;
}

export interface OverdueRow {
  name: string;
  unit: string;
  signDate: string;
  yi: string;
  days: string;
  over: string;
}

export interface DiffRow {
  name: string;
  /** e.g. `签约`, `12.50 亿元`, `签约 → 开工`, `0.37 → 0.44 亿元`. */
  detail: string;
}

export interface BulletinLists {
  newThisMonth: { signed: ProjectList; started: ProjectList; producing: ProjectList };
  funds: { rows: SourceRow[]; total: SourceRow; month: { yi: Cell; foreign: Cell } };
  trips: { count: Cell; visits: Cell; rows: TripRow[] };
  overdue: { count: Cell; yi: Cell; days: number; rows: OverdueRow[] };
  /** `null` for the first snapshot (nothing to compare with). */
  diff: {
    added: DiffRow[];
    removed: DiffRow[];
    amountChanged: DiffRow[];
    stageChanged: DiffRow[];
    empty: boolean;
  } | null;
}

const yiText = (x: number | null | undefined) => (x === null || x === undefined ? '—' : fmtYi(x));

export function bulletinLists(data: PeriodData, link: Linker, hasPrevSnapshot = true): BulletinLists {
  const { period, metrics: m, records, diff } = data;
  const list = (kind: 'signed' | 'started' | 'producing'): ProjectList => ({
    count: link(`month.${kind}`, fmtInt(m.thisMonth[kind].count)),
    yi: link(`month.${kind}`, fmtYi(m.thisMonth[kind].investmentYi)),
    rows: m.newThisMonth[kind].map((r) => ({
      name: r.name,
      unit: r.unit ?? '未落实单位',
      date: r.date,
      yi: yiText(r.investmentYi),
      chain: r.chain ?? '',
    })),
  });

  const src = (
    label: string,
    f: { count: number; amountYi: number; foreignUsd: number },
    id: string,
    foreignId = id,
  ): SourceRow => ({
    label,
    count: link(id, fmtInt(f.count)),
    yi: link(id, fmtYi(f.amountYi)),
    foreign: link(foreignId, fmtYi(f.foreignUsd)),
  });

  const trips = records.trips
    .filter((t) => inMonth(t.departDate, period))
    .sort((a, b) => (a.departDate === b.departDate ? a.src.row - b.src.row : a.departDate < b.departDate ? -1 : 1))
    .map((t) => ({
      dates:
        t.returnDate && t.returnDate !== t.departDate
          ? `${t.departDate.slice(5)}—${t.returnDate.slice(5)}`
          : t.departDate.slice(5),
      unit: t.unit,
      destination: t.destination ?? '',
      leader: t.leader ?? '',
      visits: t.visits === undefined ? '—' : fmtInt(t.visits),
    }));

  const overdueYi = m.overdue.reduce((a, o) => a + o.investmentYi, 0);
  const amount = (x?: number) => (x === undefined ? '未填' : `${fmtYi(x)} 亿元`);
  const d = diff;
  const hasDiff = hasPrevSnapshot && d !== undefined;
  return {
    newThisMonth: { signed: list('signed'), started: list('started'), producing: list('producing') },
    funds: {
      rows: m.ytd.funds.bySource.map((s, i) => src(s.source ?? '未填来源', s, `ytd.funds.source.${i}`)),
      total: src('合计', m.ytd.funds, 'ytd.funds', 'ytd.funds.foreign'),
      month: {
        yi: link('month.funds', fmtYi(m.thisMonth.funds.amountYi)),
        foreign: link('month.funds.foreign', fmtYi(m.thisMonth.funds.foreignUsd)),
      },
    },
    trips: {
      count: link('month.trips', fmtInt(m.thisMonth.trips.count)),
      visits: link('month.trips', fmtInt(m.thisMonth.trips.visits)),
      rows: trips,
    },
    overdue: {
      count: link('overdue', fmtInt(m.overdue.length)),
      yi: link('overdue', fmtYi(overdueYi)),
      days: m.overdueDays,
      rows: m.overdue.map((o) => ({
        name: o.name,
        unit: o.unit,
        signDate: o.signDate,
        yi: fmtYi(o.investmentYi),
        days: fmtInt(o.daysSinceSigned),
        over: fmtInt(o.daysOverdue),
      })),
    },
    diff: hasDiff
      ? {
          added: d.added.map((r) => ({
            name: r.name,
            detail: `${r.stage}${r.investmentYi === undefined ? '' : `，${amount(r.investmentYi)}`}`,
          })),
          removed: d.removed.map((r) => ({
            name: r.name,
            detail: `${r.stage}${r.investmentYi === undefined ? '' : `，${amount(r.investmentYi)}`}`,
          })),
          amountChanged: d.amountChanged.map((r) => ({ name: r.name, detail: `${amount(r.from)} → ${amount(r.to)}` })),
          stageChanged: d.stageChanged.map((r) => ({ name: r.name, detail: `${r.from} → ${r.to}` })),
          empty: d.added.length + d.removed.length + d.amountChanged.length + d.stageChanged.length === 0,
        }
      : null,
  };
}
