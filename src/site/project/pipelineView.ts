import { STAGES, type Project, type Stage } from '../../schemas/project.ts';
import type { OverdueProject } from '../../schemas/metrics.ts';
import type { SourceRef } from '../../schemas/records.ts';

/**
 * The project pipeline of the latest snapshot (项目推进漏斗): how many projects reached each stage,
 * the conversion between stages, the median days between stages, and the 签约超期未开工 list.
 * Pure: the page passes the projects and the period's metrics.
 */

/** Anchor of each stage's section on the project list, e.g. `stage-signed`. */
export const STAGE_ANCHOR: Record<Stage, string> = {
  线索: 'stage-lead',
  在谈: 'stage-negotiating',
  签约: 'stage-signed',
  开工: 'stage-started',
  投产: 'stage-producing',
};

export interface StageCount {
  stage: Stage;
  /** Projects whose current stage is this one, e.g. `161`. */
  current: number;
  /** Projects at this stage or a later one (the funnel bar), e.g. `334`. */
  reached: number;
  /** `reached` of the next stage / `reached` of this one; `null` for the last stage or when 0. */
  conversion: number | null;
}

export interface StageDuration {
  /** e.g. `签约→开工`. */
  label: string;
  /** Median whole days, e.g. `45`; `null` when no project has both dates. */
  median: number | null;
  /** Projects measured, e.g. `96`. */
  n: number;
  /** Projects with the later date before the earlier one (left out), e.g. `2`. */
  negative: number;
}

export interface OverdueRow {
  name: string;
  unit: string;
  signDate: string;
  investmentYi: number;
  daysSinceSigned: number;
  daysOverdue: number;
  /** Output path of the project's page, or null when the row has no project key. */
  projectPage: string | null;
  /** The 签约 row behind the figure. */
  src: SourceRef;
  /** `签约项目表.xlsx › 2025年 › 第17行`. */
  where: string;
}

export interface PipelineView {
  period: string;
  /** Projects listed in the period's snapshot, e.g. `1276`. */
  total: number;
  stages: StageCount[];
  durations: StageDuration[];
  overdueDays: number;
  overdue: OverdueRow[];
}

/**
 * Whole days from one `YYYY-MM-DD` date to another (UTC calendar days).
 *
 * @example daysBetween('2025-01-31', '2025-03-01') // 29
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Median of numbers (mean of the two middle values for an even count), `null` when empty.
 *
 * @example median([5, 1, 3]) // 3
 * @example median([1, 2, 3, 10]) // 2.5
 */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * `签约项目表.xlsx › 2025年 › 第17行` — the location a clerk opens in Excel (the file name without
 * its folder; the full path is `src.file`).
 */
export function where(src: SourceRef): string {
  return `${src.file.slice(src.file.lastIndexOf('/') + 1)} › ${src.sheet} › 第${src.row}行`;
}

/** Stage counts of a set of projects: current, reached (cumulative from the end) and conversion. */
export function stageCounts(projects: readonly Pick<Project, 'stage'>[]): StageCount[] {
  const current = STAGES.map((s) => projects.filter((p) => p.stage === s).length);
  const reached = STAGES.map((_, i) => current.slice(i).reduce((a, b) => a + b, 0));
  return STAGES.map((stage, i) => {
    const here = reached[i] as number;
    const next = reached[i + 1];
    return {
      stage,
      current: current[i] as number,
      reached: here,
      conversion: next === undefined || here === 0 ? null : next / here,
    };
  });
}

/** Median days between two stage dates over the projects that have both. */
export function stageDuration(
  projects: readonly Pick<Project, 'dates'>[],
  from: keyof Project['dates'],
  to: keyof Project['dates'],
  label: string,
): StageDuration {
  const days: number[] = [];
  let negative = 0;
  for (const p of projects) {
    const a = p.dates[from];
    const b = p.dates[to];
    if (!a || !b) continue;
    const d = daysBetween(a, b);
    if (d < 0) negative++;
    else days.push(d);
  }
  return { label, median: median(days), n: days.length, negative };
}

/**
 * The pipeline of a period: projects listed in its snapshot (`lastSeen ≥ period`, so removed
 * projects are left out), and the period's overdue list (longest overdue first, as computed).
 *
 * @param pageOf output path of a project's page from its key, or null when there is none.
 */
export function pipelineView(
  projects: readonly Project[],
  metrics: { period: string; overdueDays: number; overdue: readonly OverdueProject[] },
  pageOf: (key: string) => string | null,
): PipelineView {
  const listed = projects.filter((p) => p.lastSeen >= metrics.period && p.firstSeen <= metrics.period);
  return {
    period: metrics.period,
    total: listed.length,
    stages: stageCounts(listed),
    durations: [
      stageDuration(listed, 'signed', 'started', '签约→开工'),
      stageDuration(listed, 'started', 'producing', '开工→投产'),
    ],
    overdueDays: metrics.overdueDays,
    overdue: metrics.overdue.map((o) => ({
      name: o.name,
      unit: o.unit,
      signDate: o.signDate,
      investmentYi: o.investmentYi,
      daysSinceSigned: o.daysSinceSigned,
      daysOverdue: o.daysOverdue,
      projectPage: o.key ? pageOf(o.key) : null,
      src: o.src,
      where: where(o.src),
    })),
  };
}
