import { fmtInt, fmtRate, fmtYi } from '../../metrics/format.ts';
import type { PeriodMetrics, RankingEntry } from '../../schemas/metrics.ts';
import type { Target, Unit } from '../../schemas/records.ts';
import { unitId } from '../data.ts';
import { changeWords, rankText } from '../ranking/ranking.ts';
import { type Drill, type UnitBreakdown, scoreBreakdowns } from '../ranking/rankingBreakdown.ts';
import { targetFinder } from '../ranking/rankingRules.ts';
import { UNKNOWN_UNIT } from './unitList.ts';

/**
 * A unit's page (`units/<unitId>.html`): who it is, this year's figures and targets from the
 * latest snapshot, its score and rank in every period of the year, 开工率 and 资金到位率. Projects
 * and overdue projects are in `unitProjects.ts`.
 */

/** A year-to-date figure of the unit with its drill link. */
export interface UnitFigure {
  label: string;
  text: string;
  unit: string;
  /** Relative href of the rows, `null` when there are none. */
  href: string | null;
}

/** The unit's standing in one period. */
export interface HistoryRow {
  period: string;
  score: number | null;
  maxScore: number | null;
  rank: number | null;
  rankText: string;
  groupRankText: string;
  /** Ranked units that period. */
  total: number;
  changeText: string;
  changeClass: 'up' | 'down' | null;
}

export interface UnitView {
  name: string;
  id: string;
  known: boolean;
  /** `简称：青川、青川镇人民政府 · 类型：乡镇 · 分组：乡镇园区组 · 参与排名`, or the unknown-unit label. */
  facts: { label: string; value: string }[];
  period: string | null;
  figures: UnitFigure[];
  /** Score items of the latest period (with 超进度 / 欠进度). */
  breakdown: UnitBreakdown | null;
  startRate: { text: string; detail: string; href: string | null } | null;
  fundRate: { text: string; detail: string } | null;
  /** Standing in each period of the latest year, oldest first. */
  history: HistoryRow[];
}

/** 累计 figures of the unit: 签约 (count and 亿元), 开工, 投产, 到位资金, 有效信息, 外出招商. */
export function unitFigures(name: string, m: PeriodMetrics, drill: Drill): UnitFigure[] {
  const id = unitId(name);
  const pick = <T extends { unit: string | null }>(list: readonly T[]) => list.find((x) => x.unit === name);
  const link = (kind: string, has: boolean) => (has ? drill(m.period, `ytd.${kind}.unit.${id}`) : null);
  const s = pick(m.ytd.signed.byUnit);
  const st = pick(m.ytd.started.byUnit);
  const pr = pick(m.ytd.producing.byUnit);
  const f = pick(m.ytd.funds.byUnit);
  const l = pick(m.ytd.leads.byUnit);
  const t = pick(m.ytd.trips.byUnit);
  return [
    { label: '签约项目', text: fmtInt(s?.count ?? 0), unit: '个', href: link('signed', !!s?.count) },
    { label: '签约金额', text: fmtYi(s?.investmentYi ?? 0), unit: '亿元', href: link('signed', !!s?.count) },
    { label: '开工项目', text: fmtInt(st?.count ?? 0), unit: '个', href: link('started', !!st?.count) },
    { label: '投产项目', text: fmtInt(pr?.count ?? 0), unit: '个', href: link('producing', !!pr?.count) },
    { label: '到位资金', text: fmtYi(f?.amountYi ?? 0), unit: '亿元', href: link('funds', !!f?.count) },
    { label: '有效招商信息', text: fmtInt(l?.valid ?? 0), unit: '条', href: link('leadsValid', !!l?.valid) },
    { label: '外出招商', text: fmtInt(t?.count ?? 0), unit: '次', href: link('trips', !!t?.count) },
  ];
}

/** The unit's standing in each period given (oldest first). */
export function unitHistory(name: string, periods: readonly PeriodMetrics[]): HistoryRow[] {
  return [...periods]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((m) => {
      const u = m.units.find((x) => x.unit === name);
      const e: RankingEntry | undefined = m.ranking.find((x) => x.unit === name);
      const ranked = m.ranking.filter((x) => x.rank !== null);
      const tied = e?.rank != null && ranked.filter((x) => x.rank === e.rank).length > 1;
      const groupTied =
        e?.groupRank != null && ranked.filter((x) => x.group === e.group && x.groupRank === e.groupRank).length > 1;
      const c = e ? changeWords(e, m.previousPeriod !== null) : { text: '—', cls: null };
      return {
        period: m.period,
        score: u?.score ?? null,
        maxScore: u?.maxScore ?? null,
        rank: e?.rank ?? null,
        rankText: e?.rank ? `${rankText(e.rank, tied)} / ${ranked.length}` : '—',
        groupRankText: e?.groupRank ? rankText(e.groupRank, groupTied) : '—',
        total: ranked.length,
        changeText: c.text,
        changeClass: c.cls,
      };
    });
}

/**
 * Builds the unit page. `latest` is the latest snapshot's metrics (`null` without periods);
 * `year` the metrics of every period of its year.
 */
export function unitView(
  name: string,
  known: boolean,
  units: readonly Unit[],
  targets: readonly Target[],
  latest: PeriodMetrics | null,
  year: readonly PeriodMetrics[],
  drill: Drill,
): UnitView {
  const id = unitId(name);
  const u = units.find((x) => x.name === name);
  const facts = known
    ? [
        { label: '简称/别名', value: u?.aliases.length ? u.aliases.join('、') : '—' },
        { label: '类型', value: u?.type ?? '—' },
        { label: '分组', value: u?.group ?? '—' },
        { label: '是否参与排名', value: u?.ranked === false ? '否（计分不排名）' : '是' },
      ]
    : [{ label: '类型', value: UNKNOWN_UNIT }];
  const m = latest?.units.find((x) => x.unit === name) ?? null;
  const breakdown =
    latest && m && m.items.length > 0
      ? (scoreBreakdowns(latest.units, [name], latest.period, targetFinder(targets), drill)[0] ?? null)
      : null;
  const sr = m?.startRate;
  const fr = m?.fundRate;
  return {
    name,
    id,
    known,
    facts,
    period: latest?.period ?? null,
    figures: latest ? unitFigures(name, latest, drill) : [],
    breakdown,
    startRate:
      sr && latest
        ? {
            text: fmtRate(sr.rate),
            detail: `今年签约 ${fmtInt(sr.projects)} 个项目，已开工 ${fmtInt(sr.started)} 个`,
            href: sr.projects > 0 ? drill(latest.period, `startRate.${id}`) : null,
          }
        : null,
    fundRate: fr
      ? {
          text: fmtRate(fr.rate),
          detail: `今年签约项目到位资金 ${fmtYi(fr.fundsYi)} 亿元 / 签约金额 ${fmtYi(fr.investmentYi)} 亿元`,
        }
      : null,
    history: unitHistory(name, year).filter((h) => h.score !== null || h.rank !== null),
  };
}
