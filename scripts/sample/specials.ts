/**
 * The deliberate oddities of the sample zone, picked deterministically from the scenario: bad
 * rows the build must reject, near-miss names it must only suggest, a 开工 row with no 签约 row.
 * `data/README.md` lists them with file, sheet and row.
 */
import { nearMiss } from './names.ts';
import { stableFloat } from './prng.ts';
import type { Lead, Project, Scenario, Tranche, Trip } from './scenario.ts';
import type { Day, Month } from './calendar.ts';

export interface Orphan {
  name: string;
  unit: string;
  startDate: Day;
  investmentYi: number;
}

export interface Specials {
  /** 签约 row with an empty 项目名称 (2025 sheet). */
  emptyName?: Project;
  /** 签约 row whose 总投资 reads `待定`. */
  pendingAmount?: Project;
  /** A 开工 row dated after the snapshot month, present only in the last snapshot. */
  futureStart?: { project: Project; date: Day; month: Month };
  /** 到位资金 row whose amount reads `若干`. */
  badFund?: Tranche;
  /** 招商信息 row whose date reads `9月下旬`. */
  badLead?: Lead;
  /** 外出招商 row with no 单位. */
  tripNoUnit?: Trip;
  /** 开工 row naming its project one character off, with no 项目编号. */
  nearMissStart?: { project: Project; name: string };
  /** 到位资金 row naming its project one character off, with no 项目编号. */
  nearMissFund?: { tranche: Tranche; name: string };
  /** A 开工 row for a project that has no 签约 row at all. */
  orphan: Orphan;
  /** 2025 签约 rows whose 认定状态 is 待认定 or 未认定 at the last month: listed, counted nowhere. */
  unrecognised: Project[];
  /** A project signed under another unit that 白沙镇's own 签约 file also claims (重复申报), from `from`. */
  claimedTwice?: { project: Project; by: string; from: Month };
}

/** The unit that sends its own 签约 file from 2025-08 on (各单位报送, pooled with the office's). */
export const OWN_FILE_UNIT = '白沙镇';
export const OWN_FILE_FROM: Month = '2025-08';

const isSigned = (p: Project): boolean => p.signDate !== undefined && p.cancelMonth === undefined;

function clearDelivery(p: Project): void {
  delete p.startDate;
  delete p.produceDate;
  delete p.yearPlanYi;
  delete p.inStats;
  p.tranches = [];
}

/** Picks (and adjusts) the special rows. Mutates the scenario: a rejected 签约 row gets no 开工 or 到位 rows. */
export function applySpecials(s: Scenario): Specials {
  const used = new Set<number>();
  const take = (cands: Project[]): Project | undefined => {
    const p = cands.find((q) => !used.has(q.id));
    if (p !== undefined) used.add(p.id);
    return p;
  };
  const signedIn = (from: string, to: string): Project[] =>
    s.projects.filter((p) => isSigned(p) && (p.signDate ?? '') >= from && (p.signDate ?? '') < to);

  const specials: Specials = {
    unrecognised: [],
    orphan: { name: '青川智能仓储物流中心项目', unit: '临港物流园', startDate: '2025-04-18', investmentYi: 3.6 },
  };
  // The office's own 签约 file holds the bad rows: not a project of the unit that files its own from 2025-08.
  const office = (ps: Project[]): Project[] => ps.filter((p) => p.unit !== OWN_FILE_UNIT);
  const emptyName = take(office(signedIn('2025-06', '2025-07'))) ?? take(office(signedIn('2025-03', '2025-10')));
  if (emptyName !== undefined) {
    clearDelivery(emptyName);
    specials.emptyName = emptyName;
  }
  const pending = take(signedIn('2024-03', '2024-04')) ?? take(signedIn('2024-01', '2024-12'));
  if (pending !== undefined) {
    clearDelivery(pending);
    pending.revisions = [];
    specials.pendingAmount = pending;
  }
  const future = take(signedIn('2025-07', '2025-10').filter((p) => p.startDate === undefined));
  if (future !== undefined) specials.futureStart = { project: future, date: '2025-12-03', month: s.last };

  const fundProject = take(s.projects.filter((p) => p.tranches.some((t) => t.date.startsWith('2025-07'))));
  const badFund = fundProject?.tranches.find((t) => t.date.startsWith('2025-07'));
  if (badFund !== undefined) {
    delete badFund.revised;
    specials.badFund = badFund;
  }
  const septLeads = s.leads.filter((l) => l.date.startsWith('2025-09'));
  const badLead = septLeads.find((l) => l.date >= '2025-09-21') ?? septLeads[0];
  if (badLead !== undefined) specials.badLead = badLead;
  const tripNoUnit = s.trips.find((t) => t.depart >= '2024-11');
  if (tripNoUnit !== undefined) specials.tripNoUnit = tripNoUnit;

  // 认定 (contract §4): three September/October signings still 待认定 at the end of October, one July
  // signing 待认定 in the July and August snapshots and 已认定 from September, one April 框架协议 未认定.
  // None has started or been funded (a project not yet 认定 has no 开工 or 到位 rows).
  const mark = (p: Project | undefined, status: '待认定' | '未认定', until?: Month): void => {
    if (p === undefined) return;
    clearDelivery(p);
    p.revisions = [];
    p.recognition = until === undefined ? { status } : { status, until };
    if (status === '未认定') p.remark = '框架协议，未签订正式投资协议';
    specials.unrecognised.push(p);
  };
  for (const p of [
    take(signedIn('2025-09', '2025-10')),
    take(signedIn('2025-10', '2025-11')),
    take(signedIn('2025-10', '2025-11')),
  ])
    mark(p, '待认定');
  const lateJuly = take(signedIn('2025-07', '2025-08'));
  mark(lateJuly, '待认定', '2025-09');
  if (lateJuly !== undefined) specials.unrecognised.pop();
  mark(take(signedIn('2025-04', '2025-05')), '未认定');
  // 重复申报 (contract §6): a 生物医药产业园 project brought in by another unit, which 白沙镇 (the park
  // lies in the town) also lists in its own 签约 file.
  const claimed = take(
    signedIn('2025-03', '2025-08').filter((p) => p.unit !== OWN_FILE_UNIT && p.park === '生物医药产业园'),
  );
  if (claimed !== undefined) specials.claimedTwice = { project: claimed, by: OWN_FILE_UNIT, from: OWN_FILE_FROM };

  // Near misses must not collide with any real project name.
  const names = new Set(s.projects.map((p) => p.name));
  const nearOk = (p: Project): boolean => p.name.length >= 8 && !names.has(nearMiss(p.name));
  const startP = take(
    s.projects.filter((p) => isSigned(p) && p.startDate !== undefined && p.startDate >= '2025' && nearOk(p)),
  );
  if (startP !== undefined) specials.nearMissStart = { project: startP, name: nearMiss(startP.name) };
  const fundP = take(s.projects.filter((p) => isSigned(p) && p.tranches.some((t) => t.date >= '2025') && nearOk(p)));
  const fundT = fundP?.tranches.find((t) => t.date >= '2025');
  if (fundP !== undefined && fundT !== undefined)
    specials.nearMissFund = { tranche: fundT, name: nearMiss(fundP.name) };
  return specials;
}

/**
 * How a 开工/投产/到位 row names its project: mostly by 项目编号, about one in five by name only,
 * half of those without the trailing 项目 (which the contract's name normalisation still matches).
 */
export function referenceStyle(ledger: string, p: Project, rowKey: string): { code?: string; name: string } {
  const byName = stableFloat(`nameonly:${ledger}:${rowKey}`) < 0.2 || signedWithoutCode(p);
  if (!byName && p.code !== undefined) return { code: p.code, name: p.name };
  const drop = stableFloat(`drop:${ledger}:${rowKey}`) < 0.5;
  return { name: drop ? p.name.replace(/项目$/, '') : p.name };
}

/** About one in twenty 2024 签约 rows were entered without a 项目编号; other ledgers then name the project. */
export function signedWithoutCode(p: Project): boolean {
  return p.code === undefined || (p.code.startsWith('360123') && stableFloat(`codeless:${p.id}`) < 0.05);
}
