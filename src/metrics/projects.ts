import { WeakValueCache } from '../schemas/weakValueCache.ts';
import { createHash } from 'node:crypto';
import type { SnapshotRecords } from '../schemas/records.ts';
import { STAGES, type Project, type ProjectState, type SnapshotDiff, type Stage } from '../schemas/project.ts';

export const projectId = (key: string): string => `p-${createHash('sha1').update(key).digest('hex').slice(0, 10)}`;

type State = ProjectState &
  Omit<Project, 'id' | 'stage' | 'lastSeen' | 'firstSeen' | 'lastChange' | 'history' | 'fundsYi' | 'name'>;

/**
 * Computed once per snapshot while in use (the diff and the project history need it), not kept
 * alive by the cache: the records live for the whole build, and every snapshot's states kept
 * besides them would double a large zone's memory (see `WeakValueCache`).
 */
const statesCache = new WeakValueCache<SnapshotRecords, { period: string; states: Map<string, State> }>();

/** The state of every project in one snapshot, keyed by project key. Do not mutate the result. */
export function projectStates(records: SnapshotRecords, period: string): Map<string, State> {
  const hit = statesCache.get(records);
  if (hit?.period === period) return hit.states;
  const states = computeStates(records, period);
  statesCache.set(records, { period, states });
  return states;
}

function computeStates(records: SnapshotRecords, period: string): Map<string, State> {
  type S = State;
  const out = new Map<string, S>();
  const rank = (s: Stage) => STAGES.indexOf(s);
  const touch = (key: string | undefined, stage: Stage, name: string, date: string, extra: Partial<S>) => {
    if (!key) return;
    let p = out.get(key);
    if (!p) {
      p = { key, period, stage, name, fundsYi: 0, dates: {}, public: false };
      out.set(key, p);
    }
    if (rank(stage) > rank(p.stage)) p.stage = stage;
    const slot = ({ 线索: 'lead', 在谈: 'negotiating', 签约: 'signed', 开工: 'started', 投产: 'producing' } as const)[
      stage
    ];
    if (!p.dates[slot] || date < p.dates[slot]) p.dates[slot] = date;
    const target = p as Record<string, unknown>;
    for (const k in extra) {
      const v = (extra as Record<string, unknown>)[k];
      if (v !== undefined && target[k] === undefined) target[k] = v;
    }
    if (stage === '签约') {
      p.name = name;
      if (extra.investmentYi !== undefined) p.investmentYi = extra.investmentYi;
      if (extra.unit !== undefined) p.unit = extra.unit;
    }
  };
  for (const r of records.signed) {
    touch(r.key, '签约', r.name, r.signDate, {
      code: r.code,
      unit: r.unit,
      chain: r.chain,
      segment: r.segment,
      investor: r.investor,
      investmentYi: r.investmentYi,
      public: r.public,
    });
  }
  for (const r of records.leads)
    touch(r.key, '线索', r.name, r.reportDate, {
      unit: r.unit,
      chain: r.chain,
      investor: r.company,
      investmentYi: r.investmentYi,
    });
  for (const r of records.negotiating) {
    touch(r.key, '在谈', r.name, r.firstContactDate ?? r.updatedDate ?? `${period}-01`, {
      unit: r.unit,
      chain: r.chain,
      investor: r.investor,
      investmentYi: r.investmentYi,
    });
  }
  for (const r of records.started)
    touch(r.key, '开工', r.name, r.startDate, { code: r.code, unit: r.unit, investmentYi: r.investmentYi });
  for (const r of records.producing)
    touch(r.key, '投产', r.name, r.produceDate, { code: r.code, unit: r.unit, investmentYi: r.investmentYi });
  for (const r of records.funds) {
    const p = out.get(r.key ?? '');
    if (p) p.fundsYi += r.amountYi;
  }
  return out;
}

/**
 * Follows every project through the snapshots in period order: when it was first seen, when its
 * stage or amount changed, and its latest state.
 */
export function buildProjects(snapshots: { period: string; records: SnapshotRecords }[]): Project[] {
  const projects = new Map<string, Project>();
  for (const s of snapshots) foldProjects(projects, s);
  return sortProjects(projects);
}

/** The projects of a fold, in id order (what `buildProjects` returns). */
export const sortProjects = (projects: ReadonlyMap<string, Project>): Project[] =>
  [...projects.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * One step of `buildProjects`: the projects after the snapshots before this one (by key, in the
 * order first seen), updated with this snapshot. A fold kept from an earlier build (the cache)
 * goes on from where it stopped.
 */
export function foldProjects(
  projects: Map<string, Project>,
  { period, records }: { period: string; records: SnapshotRecords },
): void {
  // Computed afresh, not cached: one snapshot's states at a time are alive (a large zone's
  // states of every snapshot together would be as large as its records).
  const hit = statesCache.get(records);
  for (const [key, s] of hit?.period === period ? hit.states : computeStates(records, period)) {
    const state: ProjectState = {
      period,
      stage: s.stage,
      name: s.name,
      fundsYi: s.fundsYi,
      ...(s.investmentYi !== undefined ? { investmentYi: s.investmentYi } : {}),
      ...(s.unit ? { unit: s.unit } : {}),
    };
    const { period: _p, fundsYi, ...latest } = s;
    const prev = projects.get(key);
    if (!prev) {
      projects.set(key, {
        ...latest,
        id: projectId(key),
        fundsYi,
        firstSeen: period,
        lastSeen: period,
        lastChange: period,
        history: [state],
      });
      continue;
    }
    const last = prev.history[prev.history.length - 1] as ProjectState;
    const changed = last.stage !== state.stage || last.investmentYi !== state.investmentYi || last.name !== state.name;
    if (changed) prev.history.push(state);
    if (last.stage !== state.stage || last.investmentYi !== state.investmentYi) prev.lastChange = period;
    Object.assign(prev, latest, { fundsYi, lastSeen: period, stage: s.stage });
  }
}

/** Compares two snapshots' signed-or-later projects (leads and negotiations churn too much to list). */
export function diffSnapshots(
  prev: SnapshotRecords | null,
  cur: SnapshotRecords,
  prevPeriod: string,
  period: string,
): SnapshotDiff {
  const a = prev ? projectStates(prev, prevPeriod) : new Map();
  const b = projectStates(cur, period);
  const tracked = (s: { stage: Stage }) => STAGES.indexOf(s.stage) >= 2;
  const diff: SnapshotDiff = { added: [], removed: [], amountChanged: [], stageChanged: [] };
  const brief = (key: string, s: { name: string; stage: Stage; investmentYi?: number | undefined }) => ({
    key,
    name: s.name,
    stage: s.stage,
    ...(s.investmentYi !== undefined ? { investmentYi: s.investmentYi } : {}),
  });
  for (const [key, s] of b) {
    const old = a.get(key);
    if (!tracked(s)) continue;
    if (!old || !tracked(old)) {
      if (prev) diff.added.push(brief(key, s));
      continue;
    }
    if (old.stage !== s.stage) diff.stageChanged.push({ key, name: s.name, from: old.stage, to: s.stage });
    if (old.investmentYi !== s.investmentYi)
      diff.amountChanged.push({
        key,
        name: s.name,
        ...(old.investmentYi !== undefined ? { from: old.investmentYi } : {}),
        ...(s.investmentYi !== undefined ? { to: s.investmentYi } : {}),
      });
  }
  for (const [key, s] of a) if (tracked(s) && !b.has(key)) diff.removed.push(brief(key, s));
  return diff;
}
