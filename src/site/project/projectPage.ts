import { STAGES, type Project, type ProjectState, type Stage } from '../../schemas/project.ts';
import { fmtYi } from '../../metrics/format.ts';
import { TABLE_LABELS } from '../../schemas/fields.ts';
import type { SnapshotRecords, SourceRef } from '../../schemas/records.ts';
import { where } from './pipelineView.ts';
import { projectStatus, type ProjectStatus } from './projectStatus.ts';

/**
 * The page of one project (`projects/<id>.html`): header, 红黄绿 status, its timeline across the
 * ledgers and across the monthly snapshots, and the ledger rows that mention it. Pure; the ledger
 * rows come from an index built once per snapshot (`indexRecordsByKey`).
 */

/** A ledger row that mentions a project: kind, its own date and amount, and where it is. */
export interface LedgerRowRef {
  /** e.g. `签约项目表`. */
  kind: string;
  /** The row's date (报送/签约/开工/投产/到位日期), e.g. `2025-03-18`. */
  date: string | undefined;
  /** e.g. `总投资 12.50 亿元`, `到位 0.30 亿元`; empty when the row has no amount. */
  amount: string;
  /** The unit written on the row. */
  unit: string | undefined;
  src: SourceRef;
  /** `file › sheet › 第N行`. */
  where: string;
}

type Keyed = { key?: string | undefined; src: SourceRef };

/**
 * Indexes a snapshot's records by project key, in ledger order (信息, 在谈, 签约, 开工, 投产, 到位).
 * Build it once per snapshot and look every project up in it.
 */
export function indexRecordsByKey(records: SnapshotRecords): Map<string, LedgerRowRef[]> {
  const index = new Map<string, LedgerRowRef[]>();
  const add = (
    r: Keyed,
    kind: keyof typeof TABLE_LABELS,
    date: string | undefined,
    amount: string,
    unit: string | undefined,
  ) => {
    if (!r.key) return;
    let list = index.get(r.key);
    if (!list) index.set(r.key, (list = []));
    list.push({ kind: TABLE_LABELS[kind], date, amount, unit, src: r.src, where: where(r.src) });
  };
  const yi = (label: string, x: number | undefined) => (x === undefined ? '' : `${label} ${fmtYi(x)} 亿元`);
  for (const r of records.leads) add(r, 'leads', r.reportDate, yi('拟投资', r.investmentYi), r.unit);
  for (const r of records.negotiating)
    add(r, 'negotiating', r.firstContactDate ?? r.updatedDate, yi('计划总投资', r.investmentYi), r.unit);
  for (const r of records.signed) add(r, 'signed', r.signDate, yi('总投资', r.investmentYi), r.unit);
  for (const r of records.started) add(r, 'started', r.startDate, yi('总投资', r.investmentYi), r.unit);
  for (const r of records.producing) add(r, 'producing', r.produceDate, yi('总投资', r.investmentYi), r.unit);
  for (const r of records.funds) add(r, 'funds', r.fundDate, yi('到位', r.amountYi), r.unit);
  return index;
}

/** One step of the ledger timeline: `{stage: '签约', date: '2025-03-18', daysFromPrevious: 40}`. */
export interface TimelineStep {
  stage: Stage;
  date: string | null;
  /** Days since the previous dated step, e.g. `75`; null when either date is missing. */
  days: number | null;
  /** The project's current stage. */
  current: boolean;
}

/** One line of the snapshot history: `{period: '2025-06', text: '阶段：签约 → 开工'}`. */
export interface HistoryEntry {
  period: string;
  text: string;
}

export interface ProjectPageView {
  id: string;
  name: string;
  code: string | undefined;
  investor: string | undefined;
  unit: string | undefined;
  unitHref: string | null;
  chain: string | undefined;
  segment: string | undefined;
  investmentYi: number | undefined;
  stage: Stage;
  fundsYi: number;
  status: ProjectStatus;
  timeline: TimelineStep[];
  history: HistoryEntry[];
  /** The snapshot the ledger rows come from: the latest, or the last one listing a removed project. */
  rowsPeriod: string;
  rows: LedgerRowRef[];
}

const DATE_SLOT: Record<Stage, keyof Project['dates']> = {
  线索: 'lead',
  在谈: 'negotiating',
  签约: 'signed',
  开工: 'started',
  投产: 'producing',
};

const dayDiff = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The five stages with their first dates in the ledgers. */
export function timeline(p: Pick<Project, 'dates' | 'stage'>): TimelineStep[] {
  let prev: string | null = null;
  return STAGES.map((stage) => {
    const date = p.dates[DATE_SLOT[stage]] ?? null;
    const days = date && prev ? dayDiff(prev, date) : null;
    if (date) prev = date;
    return { stage, date, days, current: stage === p.stage };
  });
}

const amount = (x: number | undefined) => (x === undefined ? '未填' : `${fmtYi(x)} 亿元`);

/**
 * The snapshot history as sentences: first sighting, then each change of stage, 总投资 or name,
 * and the removal when the project is gone from the latest snapshot.
 */
export function historyEntries(
  p: Pick<Project, 'history' | 'lastSeen'>,
  latest: string,
  nextPeriod?: (period: string) => string | undefined,
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let prev: ProjectState | undefined;
  for (const h of p.history) {
    if (!prev) {
      out.push({
        period: h.period,
        text: `首次出现于台账：${h.stage}，总投资 ${amount(h.investmentYi)}${h.unit ? `，责任单位 ${h.unit}` : ''}`,
      });
    } else {
      const parts: string[] = [];
      if (h.stage !== prev.stage) parts.push(`阶段 ${prev.stage} → ${h.stage}`);
      if (h.investmentYi !== prev.investmentYi)
        parts.push(`总投资 ${amount(prev.investmentYi)} → ${amount(h.investmentYi)}`);
      if (h.name !== prev.name) parts.push(`名称“${prev.name}”→“${h.name}”`);
      out.push({ period: h.period, text: parts.join('；') || '台账信息更新' });
    }
    prev = h;
  }
  if (p.lastSeen < latest) {
    const gone = nextPeriod?.(p.lastSeen);
    out.push({ period: gone ?? latest, text: `已从台账移除（最后出现于 ${p.lastSeen}）` });
  }
  return out;
}

/**
 * The view of one project page.
 *
 * @param rowsOf the ledger rows of the project in a snapshot (from `indexRecordsByKey`).
 */
export function projectPageView(
  p: Project,
  ctx: {
    latest: string;
    knownUnits: ReadonlySet<string>;
    unitHref: (unit: string) => string;
    rowsOf: (period: string, key: string) => readonly LedgerRowRef[];
    nextPeriod?: (period: string) => string | undefined;
  },
): ProjectPageView {
  const rowsPeriod = p.lastSeen < ctx.latest ? p.lastSeen : ctx.latest;
  return {
    id: p.id,
    name: p.name,
    code: p.code,
    investor: p.investor,
    unit: p.unit,
    unitHref: p.unit && ctx.knownUnits.has(p.unit) ? ctx.unitHref(p.unit) : null,
    chain: p.chain,
    segment: p.segment,
    investmentYi: p.investmentYi,
    stage: p.stage,
    fundsYi: p.fundsYi,
    status: projectStatus(p, ctx.latest),
    timeline: timeline(p),
    history: historyEntries(p, ctx.latest, ctx.nextPeriod),
    rowsPeriod,
    rows: [...ctx.rowsOf(rowsPeriod, p.key)],
  };
}
