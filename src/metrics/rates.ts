import type { FundRate, OverdueProject, StartRate } from '../schemas/metrics.ts';
import type { SnapshotRecords } from '../schemas/records.ts';
import { factsOf, overdueRows } from './facts.ts';
import { type Period, inRange, periodEnd, yearToDate } from './period.ts';
import { compareText } from './unitOrder.ts';

/** A rate for the zone and for each unit that signed this year. */
export interface RateBreakdown<T> {
  zone: T;
  byUnit: Map<string, T>;
}

const emptyStart = (): StartRate => ({ projects: 0, started: 0, rate: null, startedRefs: [], notStartedRefs: [] });
const emptyFund = (): FundRate => ({ fundsYi: 0, investmentYi: 0, rate: null, refs: [] });

function slot<T>(map: Map<string, T>, unit: string, make: () => T): T {
  let v = map.get(unit);
  if (!v) map.set(unit, (v = make()));
  return v;
}

/**
 * 开工率 (contract §7): of the 签约 rows dated this year up to the period end, the share whose
 * project (same key) has a 开工 row dated on or before the period end — in any year, so a project
 * that started before its signing was recorded still counts. Counted per 签约 row, so `projects`
 * equals 签约项目数; by the 签约 row's unit.
 *
 * @example startRates(records, '2025-10').byUnit.get('商务局') // { projects: 4, started: 3, rate: 0.75, … }
 */
export function startRates(records: SnapshotRecords, period: Period): RateBreakdown<StartRate> {
  const facts = factsOf(records);
  const ytd = yearToDate(period);
  const zone = emptyStart();
  const byUnit = new Map<string, StartRate>();
  for (const f of facts.signed) {
    if (!inRange(f.date, ytd)) continue;
    const first = f.key === null ? undefined : facts.firstStartByKey.get(f.key);
    const started = first !== undefined && first <= ytd.to;
    for (const r of [...(f.zone ? [zone] : []), ...(f.unit === null ? [] : [slot(byUnit, f.unit, emptyStart)])]) {
      r.projects += 1;
      if (started) {
        r.started += 1;
        r.startedRefs.push(f.src);
      } else r.notStartedRefs.push(f.src);
    }
  }
  for (const r of [zone, ...byUnit.values()]) r.rate = r.projects > 0 ? r.started / r.projects : null;
  return { zone, byUnit };
}

/**
 * 资金到位率 (contract §7) = 到位资金 / 签约金额 of the same projects: the projects signed this year
 * (up to the period end), their funds rows dated on or before the period end (any year), over the
 * sum of their 签约 rows' 总投资. A funds row is tied to its project by key (rows without a key
 * cannot be) and counted under the project's 签约 unit.
 *
 * @example fundRates(records, '2025-10').zone // { fundsYi: 3.2, investmentYi: 40, rate: 0.08, refs: [...] }
 */
export function fundRates(records: SnapshotRecords, period: Period): RateBreakdown<FundRate> {
  const facts = factsOf(records);
  const ytd = yearToDate(period);
  const zone = emptyFund();
  const byUnit = new Map<string, FundRate>();
  /** key → the units of its 签约 rows this year (several when claimed twice) */
  const projects = new Map<string, string[]>();
  for (const f of facts.signed) {
    if (!inRange(f.date, ytd)) continue;
    const inv = f.investmentYi ?? 0;
    if (f.zone) zone.investmentYi += inv;
    if (f.unit !== null) slot(byUnit, f.unit, emptyFund).investmentYi += inv;
    if (f.key === null) continue;
    const claimants = projects.get(f.key) ?? [];
    if (f.unit !== null && !claimants.includes(f.unit)) claimants.push(f.unit);
    projects.set(f.key, claimants);
  }
  for (const f of facts.funds) {
    if (f.date > ytd.to || f.key === null || !projects.has(f.key)) continue;
    const claimants = projects.get(f.key) ?? [];
    for (const r of [zone, ...claimants.map((u) => slot(byUnit, u, emptyFund))]) {
      r.fundsYi += f.amountYi;
      r.refs.push(f.src);
    }
  }
  for (const r of [zone, ...byUnit.values()]) r.rate = r.investmentYi !== 0 ? r.fundsYi / r.investmentYi : null;
  return { zone, byUnit };
}

/**
 * 签约超期未开工 projects at the period end (contract §7): signed more than `overdueDays` days
 * before it (exactly `overdueDays` is not yet overdue) and with no 开工 row of the same project
 * dated on or before it; any signing year. Longest overdue first, then by name.
 *
 * @example overdueProjects(records, '2025-10', 180)
 * // [{ name: '某项目', signDate: '2025-04-13', daysSinceSigned: 201, daysOverdue: 21, … }]
 */
export function overdueProjects(
  records: SnapshotRecords,
  period: Period,
  overdueDays: number,
  asOf?: string,
): OverdueProject[] {
  return overdueRows(records, asOf ?? periodEnd(period), overdueDays)
    .filter((o) => o.fact.zone)
    .map((o): OverdueProject => ({
      key: o.signed.key ?? null,
      name: o.signed.name,
      unit: o.signed.unit,
      claimUnits: o.fact.claimUnits === null ? null : [...o.fact.claimUnits],
      signDate: o.signed.signDate,
      investmentYi: o.signed.investmentYi,
      daysSinceSigned: o.daysSinceSigned,
      daysOverdue: o.daysSinceSigned - overdueDays,
      src: o.signed.src,
    }))
    .sort((a, b) => b.daysSinceSigned - a.daysSinceSigned || compareText(a.name, b.name));
}
