/**
 * Cuts the scenario at one month end: the rows each ledger holds in that month's snapshot, with
 * the corrections known by then (a revised amount, a removed 签约 row, a stage reached). Values
 * here are plain; `ledgers/*.ts` decide how a clerk writes them.
 */
import { addDays, monthEnd, type Day, type Month } from './calendar.ts';
import { Rng } from './prng.ts';
import {
  STAGES,
  type Lead,
  type Project,
  type Scenario,
  type Stage,
  type Tranche,
  type Trip,
  type Verdict,
} from './scenario.ts';
import { referenceStyle, type Specials } from './specials.ts';

/** A 签约 row: the project as known at the month end. */
export interface SignedRow {
  p: Project;
  investmentYi: number;
  /** 认定状态 as of this snapshot. */
  recognition: '已认定' | '待认定' | '未认定';
}

/** 认定状态 of a signed project in the snapshot of `period`. */
export function recognitionAt(p: Project, period: Month): SignedRow['recognition'] {
  const r = p.recognition;
  if (r === undefined || (r.until !== undefined && r.until <= period)) return '已认定';
  return r.status;
}

/** A 开工/投产 row. `p` is absent for the orphan start. */
export interface DeliveryRow {
  key: string;
  p?: Project;
  code?: string;
  name: string;
  date: Day;
  investmentYi?: number;
  yearPlanYi?: number;
  unit?: string;
  inStats?: boolean;
}

export interface FundRow {
  key: string;
  p: Project;
  t: Tranche;
  code?: string;
  name: string;
  amountYi: number;
}

export interface LeadRow {
  lead: Lead;
  verdict: Verdict | undefined;
}

export interface NegotiatingRow {
  p: Project;
  stage: Stage;
  updated: Day;
  progress: string;
}

export interface Snapshot {
  period: Month;
  end: Day;
  /** The month's last snapshot (`ledgers/2025-10/`), not a dated one. */
  last: boolean;
  /** A dated snapshot within the month (`ledgers/2025-10-15/`): `end` is its date. */
  dated: boolean;
  signed: SignedRow[];
  started: DeliveryRow[];
  producing: DeliveryRow[];
  funds: FundRow[];
  leads: LeadRow[];
  negotiating: NegotiatingRow[];
  trips: Trip[];
}

function asOfRevision<T>(revs: readonly { month: Month; value: T }[], period: Month): T | undefined {
  let v: T | undefined;
  for (const r of revs) if (r.month <= period) v = r.value;
  return v;
}

const PROGRESS: Record<Stage, string[]> = {
  初步接触: [
    '已完成首次对接，企业有意向在区内布局{p}产能',
    '通过商协会对接，正在了解企业投资需求',
    '已寄送园区资料，等待企业反馈',
  ],
  考察: ['企业高管已来区考察{park}，对配套条件较满意', '已组织企业实地考察两处地块', '企业正在比选周边两个园区'],
  实质性洽谈: [
    '双方就用地、厂房代建等条款进行实质性洽谈',
    '投资协议文本已交换意见，{p}产能规划基本确定',
    '正在对接用地指标和能评手续',
  ],
  评审: [
    '项目已提交管委会项目评审会审议',
    '已完成投资强度和亩均税收评估，待评审',
    '协议条款已基本谈定，待履行决策程序',
  ],
};

function stageAt(p: Project, end: Day): { stage: Stage; index: number } {
  let index = 0;
  p.stageDates.forEach((d, i) => {
    if (d <= end) index = i;
  });
  return { stage: STAGES[index] ?? '初步接触', index };
}

/** Last follow-up on or before `end`: every two to six weeks from first contact. */
function lastFollowUp(p: Project, end: Day): Day {
  const r = new Rng(`follow:${p.id}`);
  let d = p.firstContact;
  for (;;) {
    const next = addDays(d, r.int(14, 42));
    if (next > end) return d;
    d = next;
  }
}

/** The snapshot of `period`, or with `asOf` a dated one within the month (the ledgers as they stood that day). */
export function cutSnapshot(s: Scenario, sp: Specials, period: Month, asOf?: Day): Snapshot {
  const end = asOf ?? monthEnd(period);
  const dated = asOf !== undefined;
  const live = (p: Project): boolean => p.cancelMonth === undefined || p.cancelMonth > period;
  const signedProjects = s.projects.filter((p) => p.signDate !== undefined && p.signDate <= end && live(p));

  const signed = signedProjects.map((p) => ({
    p,
    investmentYi: asOfRevision(p.revisions, period) ?? p.investmentYi,
    recognition: recognitionAt(p, period),
  }));
  const amountOf = new Map(signed.map((r) => [r.p.id, r.investmentYi]));

  const started: DeliveryRow[] = [];
  for (const p of signedProjects) {
    if (p.startDate === undefined || p.startDate > end) continue;
    const key = `S${p.id}`;
    const ref = sp.nearMissStart?.project === p ? { name: sp.nearMissStart.name } : referenceStyle('started', p, key);
    const row: DeliveryRow = {
      key,
      p,
      ...ref,
      date: p.startDate,
      investmentYi: amountOf.get(p.id) ?? p.investmentYi,
      unit: p.unit,
    };
    if (p.yearPlanYi !== undefined) row.yearPlanYi = p.yearPlanYi;
    if (p.inStats !== undefined) row.inStats = p.inStats;
    started.push(row);
  }
  if (sp.orphan.startDate <= end) {
    const o = sp.orphan;
    started.push({
      key: 'S-orphan',
      name: o.name,
      date: o.startDate,
      investmentYi: o.investmentYi,
      yearPlanYi: 1.2,
      unit: o.unit,
      inStats: true,
    });
  }
  if (sp.futureStart !== undefined && sp.futureStart.month === period && !dated) {
    const p = sp.futureStart.project;
    const ref = p.code !== undefined ? { code: p.code, name: p.name } : { name: p.name };
    started.push({
      key: `S${p.id}-future`,
      p,
      ...ref,
      date: sp.futureStart.date,
      investmentYi: amountOf.get(p.id) ?? p.investmentYi,
      unit: p.unit,
      inStats: false,
    });
  }
  started.sort(
    (a, b) =>
      (a.date > end ? 1 : 0) - (b.date > end ? 1 : 0) || a.date.localeCompare(b.date) || a.key.localeCompare(b.key),
  );

  const producing: DeliveryRow[] = [];
  for (const p of signedProjects) {
    if (p.produceDate === undefined || p.produceDate > end) continue;
    const key = `P${p.id}`;
    producing.push({
      key,
      p,
      ...referenceStyle('producing', p, key),
      date: p.produceDate,
      investmentYi: amountOf.get(p.id) ?? p.investmentYi,
      unit: p.unit,
    });
  }
  producing.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));

  const funds: FundRow[] = [];
  for (const p of signedProjects) {
    for (const t of p.tranches) {
      if (t.date > end) continue;
      const key = `F${t.id}`;
      const ref = sp.nearMissFund?.tranche === t ? { name: sp.nearMissFund.name } : referenceStyle('funds', p, key);
      const amountYi = t.revised !== undefined && t.revised.month <= period ? t.revised.value : t.amountYi;
      funds.push({ key, p, t, ...ref, amountYi });
    }
  }
  funds.sort((a, b) => a.t.date.localeCompare(b.t.date) || a.key.localeCompare(b.key, 'en', { numeric: true }));

  const leads = s.leads
    .filter((l) => l.date <= end)
    .map((lead) => ({ lead, verdict: asOfRevision(lead.verdicts, period) }));

  const negotiating: NegotiatingRow[] = [];
  for (const p of s.projects) {
    if (p.firstContact > end) continue;
    if (p.signDate !== undefined && p.signDate <= end) continue;
    if (p.dropDate !== undefined && p.dropDate <= end) continue;
    const { stage, index } = stageAt(p, end);
    const r = new Rng(`progress:${p.id}:${index}`);
    const progress = r.pick(PROGRESS[stage]).replace('{p}', p.product).replace('{park}', p.park);
    negotiating.push({ p, stage, updated: lastFollowUp(p, end), progress });
  }

  // A trip is reported once the team is back, so no 返回日期 lies after the month end.
  const trips = s.trips.filter((t) => t.returnDay <= end);
  return {
    period,
    end,
    last: period === s.last && !dated,
    dated,
    signed,
    started,
    producing,
    funds,
    leads,
    negotiating,
    trips,
  };
}
