import type { Issue } from '../schemas/issue.ts';
import type { Lead, Negotiating, SnapshotRecords } from '../schemas/records.ts';
import type {
  DispatchLead,
  DispatchMilestone,
  DispatchNegotiating,
  DispatchOverdue,
  DispatchSheet,
  DispatchStalled,
} from '../schemas/dispatch.ts';
import { isRecognised } from '../normalize/recognition.ts';
import { daysBetween } from './period.ts';
import { overdueProjects } from './rates.ts';
import { compareText } from './unitOrder.ts';
import { projectNameKey } from '../normalize/names.ts';

/** One dispatch snapshot: a dated folder or a month end, its records linked (`linkProjects`). */
export interface DispatchSnapshot {
  /** `YYYY-MM-DD`. */
  date: string;
  kind: 'dated' | 'month';
  period: string;
  folder: string;
  records: SnapshotRecords;
  /** Errors and warnings of reading it (dated folders only; a month's are on the quality page). */
  issues?: Issue[];
}

/** Days without change from which a 在谈 project is listed as stalled, and the second level. */
export const STALL_DAYS = [30, 60] as const;

/** The rows of one ledger by project key, in ledger order (rows without a key are left out). */
function byKey<R extends { key?: string | undefined }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    if (!r.key) continue;
    const list = out.get(r.key);
    if (list) list.push(r);
    else out.set(r.key, [r]);
  }
  return out;
}

/**
 * Finds a project of one snapshot in another: by project key, else by normalised name — a 在谈 row
 * keyed by its name (`name:戊项目`) becomes `code:E` once a 签约 row with 项目编号 E joins it, and is
 * still the same project.
 */
class Lookup<V> {
  private readonly keys: Map<string, V>;
  private readonly names = new Map<string, V>();
  constructor(entries: Map<string, V>, nameOf: (v: V) => string) {
    this.keys = entries;
    for (const [, v] of entries) {
      const n = projectNameKey(nameOf(v));
      if (!this.names.has(n)) this.names.set(n, v);
    }
  }
  find(key: string, name: string): V | undefined {
    return this.keys.get(key) ?? this.names.get(projectNameKey(name));
  }
  has(key: string, name: string): boolean {
    return this.find(key, name) !== undefined;
  }
}

const lookup = <R extends { key?: string | undefined; name: string }>(rows: readonly R[]): Lookup<R[]> =>
  new Lookup(byKey(rows), (v) => (v[0] as R).name);

/**
 * What a 在谈 project's rows say that a follow-up changes: 洽谈阶段, 最新进展 and 更新日期 of each
 * row with its key. Two snapshots with the same signature saw no change.
 */
function negotiatingSignature(rows: readonly Negotiating[]): string {
  return JSON.stringify(rows.map((r) => [r.stage ?? '', (r.progress ?? '').trim(), r.updatedDate ?? '']));
}

const opt = <K extends string, V>(k: K, v: V | undefined | null) =>
  (v === undefined || v === null || v === '' ? {} : { [k]: v }) as Partial<Record<K, V>>;

function leadItem(r: Lead, change: DispatchLead['change'], fromVerdict?: string): DispatchLead {
  return {
    key: r.key as string,
    name: r.name,
    ...opt('unit', r.unit),
    ...opt('company', r.company),
    ...opt('chain', r.chain),
    ...opt('investmentYi', r.investmentYi),
    reportDate: r.reportDate,
    ...opt('verdict', r.verdict),
    ...opt('fromVerdict', fromVerdict),
    change,
  };
}

function negotiatingItem(
  r: Negotiating,
  change: DispatchNegotiating['change'],
  fromStage?: string,
): DispatchNegotiating {
  return {
    key: r.key as string,
    name: r.name,
    ...opt('unit', r.unit),
    change,
    ...opt('stage', r.stage),
    ...opt('fromStage', fromStage),
    ...opt('progress', r.progress?.trim()),
    ...opt('updatedDate', r.updatedDate),
    ...opt('investmentYi', r.investmentYi),
  };
}

/** Rows of `cur` whose key is absent from `prev` (first row per key), as milestone items. */
function newMilestones<R extends { key?: string | undefined; name: string; unit?: string | undefined }>(
  cur: readonly R[],
  prev: readonly R[],
  dateOf: (r: R) => string,
  amountOf: (r: R) => number | undefined,
): DispatchMilestone[] {
  const before = lookup(prev);
  const out: DispatchMilestone[] = [];
  for (const [key, rows] of byKey(cur)) {
    const r = rows[0] as R;
    if (before.has(key, r.name)) continue;
    out.push({
      key,
      name: r.name,
      ...opt('unit', r.unit),
      date: dateOf(r),
      ...opt('investmentYi', amountOf(r)),
    });
  }
  return out.sort((a, b) => compareText(b.date, a.date) || compareText(a.name, b.name));
}

const NEGOTIATING_ORDER: Record<DispatchNegotiating['change'], number> = {
  新增: 0,
  阶段变化: 1,
  进展更新: 2,
  移出在谈: 3,
};

/**
 * The weekly 调度 sheets (contract §11): for each snapshot in date order, what changed since the one
 * before it, the stalled 在谈 projects and the 督办 list at its date. Definitions (README “周调度”):
 *
 * - 新增线索: a 招商信息 project key absent from the previous snapshot's 招商信息 rows; 研判变化: a key in
 *   both whose 研判结果 (first row with the key) differs.
 * - 在谈: 新增 (key absent from the previous 在谈 rows), 阶段变化 (洽谈阶段 differs), 进展更新 (最新进展
 *   differs, stage the same), 移出在谈 (in the previous 在谈 rows, in neither the 在谈 nor the 签约 rows now).
 * - 新签约 / 新开工 / 新投产: a key in this snapshot's (认定) 签约 / 开工 / 投产 rows and not in the previous
 *   snapshot's.
 * - 停滞: a key still in the 在谈 rows (not signed) whose 洽谈阶段, 最新进展 and 更新日期 are the same in
 *   every snapshot back to the one where they were first seen as they are now; that snapshot's date is
 *   the last change — or, when the run reaches the first snapshot of all, the row's 更新日期 if earlier
 *   (else that first snapshot's date). Listed from 30 days, level 60 from 60 days.
 * - 督办: 签约超期未开工 at the snapshot date (`overdueProjects`, the monthly 督办 list's rule), `isNew`
 *   when not overdue at the previous snapshot.
 *
 * The first snapshot has no previous one: its change lists are empty.
 *
 * `known` holds sheets computed before (by a build with the same snapshots up to each one: a sheet
 * depends only on its snapshot and the earlier ones); only the others are computed, each as it
 * would be with none given.
 *
 * @example dispatchSheets([oct15, oct31], 180)[1].signed // [{ key: 'code:B', name: '乙项目', date: '2025-10-20', … }]
 */
export function dispatchSheets(
  snapshots: readonly DispatchSnapshot[],
  overdueDays: number,
  known: readonly (DispatchSheet | undefined)[] = [],
): DispatchSheet[] {
  // Per snapshot, computed when first needed (a new sheet needs its own and the previous
  // snapshot's, and the 在谈 signatures back to where a project last changed).
  const signatures = lazyEach(snapshots, (s) => {
    const m = new Map<string, { name: string; sig: string }>();
    for (const [key, rows] of byKey(s.records.negotiating))
      m.set(key, { name: (rows[0] as Negotiating).name, sig: negotiatingSignature(rows) });
    return new Lookup(m, (v) => v.name);
  });
  const overdueAt = lazyEach(snapshots, (s) => overdueProjects(s.records, s.period, overdueDays, s.date));
  return snapshots.map((cur, i): DispatchSheet => {
    const given = known[i];
    if (given !== undefined) return given;
    const prev = i > 0 ? (snapshots[i - 1] as DispatchSnapshot) : null;
    const recognised = (r: SnapshotRecords) => r.signed.filter(isRecognised);
    const signedNow = lookup(cur.records.signed);

    // 招商信息
    const leads: DispatchLead[] = [];
    if (prev) {
      const before = lookup(prev.records.leads);
      for (const [key, rows] of byKey(cur.records.leads)) {
        const r = rows[0] as Lead;
        const old = before.find(key, r.name)?.[0];
        if (!old) leads.push(leadItem(r, '新增'));
        else if ((old.verdict ?? '') !== (r.verdict ?? ''))
          leads.push(leadItem(r, '研判变化', old.verdict ?? '未研判'));
      }
      leads.sort(
        (a, b) =>
          (a.change === b.change ? 0 : a.change === '新增' ? -1 : 1) ||
          compareText(b.reportDate, a.reportDate) ||
          compareText(a.name, b.name),
      );
    }

    // 在谈
    const negotiating: DispatchNegotiating[] = [];
    const negNow = byKey(cur.records.negotiating);
    const negNowLookup = new Lookup(negNow, (v) => (v[0] as Negotiating).name);
    if (prev) {
      const before = lookup(prev.records.negotiating);
      for (const [key, rows] of negNow) {
        const r = rows[0] as Negotiating;
        const old = before.find(key, r.name)?.[0];
        if (!old) negotiating.push(negotiatingItem(r, '新增'));
        else if ((old.stage ?? '') !== (r.stage ?? ''))
          negotiating.push(negotiatingItem(r, '阶段变化', old.stage ?? '未填'));
        else if ((old.progress ?? '').trim() !== (r.progress ?? '').trim())
          negotiating.push(negotiatingItem(r, '进展更新'));
      }
      for (const [key, rows] of byKey(prev.records.negotiating)) {
        const r = rows[0] as Negotiating;
        if (negNowLookup.has(key, r.name) || signedNow.has(key, r.name)) continue;
        negotiating.push(negotiatingItem(r, '移出在谈'));
      }
      negotiating.sort(
        (a, b) => NEGOTIATING_ORDER[a.change] - NEGOTIATING_ORDER[b.change] || compareText(a.name, b.name),
      );
    }

    // 停滞
    const stalled: DispatchStalled[] = [];
    for (const [key, rows] of negNow) {
      const r = rows[0] as Negotiating;
      if (signedNow.has(key, r.name)) continue;
      const sig = signatures(i).find(key, r.name)?.sig;
      let start = i;
      while (start > 0 && signatures(start - 1).find(key, r.name)?.sig === sig) start--;
      const first = snapshots[start] as DispatchSnapshot;
      const since =
        start === 0 && r.updatedDate !== undefined && r.updatedDate < first.date ? r.updatedDate : first.date;
      const days = daysBetween(since, cur.date);
      if (days < STALL_DAYS[0]) continue;
      stalled.push({
        key,
        name: r.name,
        ...opt('unit', r.unit),
        ...opt('stage', r.stage),
        ...opt('progress', r.progress?.trim()),
        ...opt('updatedDate', r.updatedDate),
        since,
        days,
        level: days >= STALL_DAYS[1] ? 60 : 30,
      });
    }
    stalled.sort((a, b) => b.days - a.days || compareText(a.name, b.name));

    // 督办
    const overdueBefore = new Set((i > 0 ? overdueAt(i - 1) : []).map((o) => projectNameKey(o.name)));
    const overdueKeys = new Set((i > 0 ? overdueAt(i - 1) : []).map((o) => o.key));
    const overdue: DispatchOverdue[] = overdueAt(i).map((o) => ({
      ...o,
      isNew: prev !== null && !(o.key !== null && overdueKeys.has(o.key)) && !overdueBefore.has(projectNameKey(o.name)),
    }));

    return {
      date: cur.date,
      kind: cur.kind,
      period: cur.period,
      folder: cur.folder,
      previous: prev?.date ?? null,
      leads,
      negotiating,
      signed: prev
        ? newMilestones(
            recognised(cur.records),
            recognised(prev.records),
            (r) => r.signDate,
            (r) => r.investmentYi,
          )
        : [],
      started: prev
        ? newMilestones(
            cur.records.started,
            prev.records.started,
            (r) => r.startDate,
            (r) => r.investmentYi,
          )
        : [],
      producing: prev
        ? newMilestones(
            cur.records.producing,
            prev.records.producing,
            (r) => r.produceDate,
            (r) => r.investmentYi,
          )
        : [],
      stalled,
      overdue,
      overdueDays,
      issues: (cur.issues ?? []).filter((x) => x.severity !== 'info'),
    };
  });
}

/** `f` of each item, computed on first use and kept. */
function lazyEach<T, R>(items: readonly T[], f: (item: T) => R): (i: number) => R {
  const done = new Map<number, R>();
  return (i) => {
    if (!done.has(i)) done.set(i, f(items[i] as T));
    return done.get(i) as R;
  };
}
