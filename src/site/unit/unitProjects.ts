import { type Project, STAGES } from '../../schemas/project.ts';
import { compareText } from '../../metrics/unitOrder.ts';
import type { OverdueProject } from '../../schemas/metrics.ts';
import { projectPage } from '../data.ts';

/**
 * A unit's projects and overdue projects for its page: projects from `loadProjects()` whose
 * 责任单位 is the unit, split into those signed (签约, 开工, 投产) and those still 线索 / 在谈.
 */

export interface UnitProjectRow {
  name: string;
  /** Output path of the project page, e.g. `projects/p-3f9a1c2b7d.html`. */
  page: string;
  stage: Project['stage'];
  investmentYi: number | null;
  signed: string | null;
  started: string | null;
  producing: string | null;
  fundsYi: number;
  /** First date of the project (线索 or 在谈 date), for the pipeline list. */
  firstDate: string | null;
}

export interface UnitOverdueRow extends OverdueProject {
  /** Output path of the project page, `null` when the project is not found. */
  page: string | null;
}

const stageRank = (s: Project['stage']) => STAGES.indexOf(s);
const desc = (a: string | null, b: string | null) => compareText(b ?? '', a ?? '');

/**
 * The unit's projects: `signed` (签约 and later stages) by stage (投产 first), then 签约日期 latest
 * first; `pipeline` (线索, 在谈) by their latest date.
 */
export function unitProjects(
  name: string,
  projects: readonly Project[],
): { signed: UnitProjectRow[]; pipeline: UnitProjectRow[] } {
  const rows = projects
    .filter((p) => p.unit === name)
    .map((p): UnitProjectRow => ({
      name: p.name,
      page: projectPage(p.id),
      stage: p.stage,
      investmentYi: p.investmentYi ?? null,
      signed: p.dates.signed ?? null,
      started: p.dates.started ?? null,
      producing: p.dates.producing ?? null,
      fundsYi: p.fundsYi,
      firstDate: p.dates.negotiating ?? p.dates.lead ?? null,
    }));
  const signedStage = stageRank('签约');
  const signed = rows
    .filter((r) => stageRank(r.stage) >= signedStage)
    .sort((a, b) => stageRank(b.stage) - stageRank(a.stage) || desc(a.signed, b.signed) || compareText(a.name, b.name));
  const pipeline = rows
    .filter((r) => stageRank(r.stage) < signedStage)
    .sort(
      (a, b) =>
        stageRank(b.stage) - stageRank(a.stage) || desc(a.firstDate, b.firstDate) || compareText(a.name, b.name),
    );
  return { signed, pipeline };
}

/** The unit's overdue projects (签约超期未开工) at the period end, longest overdue first. */
export function unitOverdue(
  name: string,
  overdue: readonly OverdueProject[],
  projects: readonly Project[],
): UnitOverdueRow[] {
  const byKey = new Map(projects.map((p) => [p.key, p.id]));
  return overdue
    .filter((o) => o.unit === name)
    .map((o) => {
      const id = o.key ? byKey.get(o.key) : undefined;
      return { ...o, page: id ? projectPage(id) : null };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || compareText(a.name, b.name));
}
