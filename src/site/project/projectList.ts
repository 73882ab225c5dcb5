import { STAGES, type Project, type Stage } from '../../schemas/project.ts';
import { projectPage, unitPage } from '../data.ts';
import { STAGE_ANCHOR } from './pipelineView.ts';
import { projectStatus, removedNote, type StatusLevel } from './projectStatus.ts';
import type { Column } from '../table.ts';

/**
 * The project list (项目 page): one section per stage, most advanced first, then the projects
 * removed from the ledgers. Each row links to the project's page. Pure.
 */

/** One line of the list: display fields only. */
export interface ProjectRow {
  id: string;
  name: string;
  code: string | undefined;
  investor: string | undefined;
  unit: string | undefined;
  /** Output path of the unit's page when the unit is in the units table. */
  unitHref: string | null;
  chain: string | undefined;
  investmentYi: number | undefined;
  stage: Stage;
  lead: string | undefined;
  negotiating: string | undefined;
  signed: string | undefined;
  started: string | undefined;
  producing: string | undefined;
  fundsYi: number;
  /** `红`/`黄`/`绿`/`已投产`/`已移除`. */
  status: string;
  level: StatusLevel;
  /** Months without progress; undefined when not rated. */
  months: number | undefined;
  lastSeen: string;
  /** `已从台账移除（最后出现于 2025-08）` for removed projects, else `''`. */
  note: string;
}

export interface ProjectSection {
  /** `stage-signed` …, or `removed`. */
  anchor: string;
  /** e.g. `签约`, or `已从台账移除`. */
  title: string;
  stage: Stage | null;
  rows: ProjectRow[];
  /** Rows by status level, e.g. `{red: 3, yellow: 1, green: 10}`. */
  levels: Partial<Record<StatusLevel, number>>;
}

export interface ProjectListView {
  latest: string;
  total: number;
  /** Stage sections (投产 → 线索), then `removed` (always present, maybe empty). */
  sections: ProjectSection[];
}

/** Largest 总投资 first, then name. */
function byInvestment(a: ProjectRow, b: ProjectRow): number {
  return (b.investmentYi ?? -1) - (a.investmentYi ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** A list row of a project. `knownUnits`: unit names that have a page. */
export function projectRow(p: Project, latest: string, knownUnits: ReadonlySet<string>): ProjectRow {
  const s = projectStatus(p, latest);
  return {
    id: p.id,
    name: p.name,
    code: p.code,
    investor: p.investor,
    unit: p.unit,
    unitHref: p.unit && knownUnits.has(p.unit) ? unitPage(p.unit) : null,
    chain: p.chain,
    investmentYi: p.investmentYi,
    stage: p.stage,
    lead: p.dates.lead,
    negotiating: p.dates.negotiating,
    signed: p.dates.signed,
    started: p.dates.started,
    producing: p.dates.producing,
    fundsYi: p.fundsYi,
    status: s.label,
    level: s.level,
    months: s.months ?? undefined,
    lastSeen: p.lastSeen,
    note: removedNote(p, latest) ?? '',
  };
}

function section(anchor: string, title: string, stage: Stage | null, rows: ProjectRow[]): ProjectSection {
  const levels: Partial<Record<StatusLevel, number>> = {};
  for (const r of rows) levels[r.level] = (levels[r.level] ?? 0) + 1;
  return { anchor, title, stage, rows: rows.sort(byInvestment), levels };
}

/**
 * Every project, grouped: projects of the latest snapshot by current stage (投产 first), then
 * those removed from the ledgers (`lastSeen` before `latest`).
 */
export function projectListView(
  projects: readonly Project[],
  latest: string,
  knownUnits: ReadonlySet<string>,
): ProjectListView {
  const rows = projects.map((p) => projectRow(p, latest, knownUnits));
  const live = rows.filter((r) => r.level !== 'removed');
  const sections = [...STAGES].reverse().map((stage) =>
    section(
      STAGE_ANCHOR[stage],
      stage,
      stage,
      live.filter((r) => r.stage === stage),
    ),
  );
  sections.push(
    section(
      'removed',
      '已从台账移除',
      null,
      rows.filter((r) => r.level === 'removed'),
    ),
  );
  return { latest, total: projects.length, sections };
}

const name: Column<ProjectRow> = { key: 'name', label: '项目名称', link: (r) => projectPage(r.id) };
const unit: Column<ProjectRow> = { key: 'unit', label: '责任单位', link: (r) => r.unitHref };
const common: Column<ProjectRow>[] = [
  { key: 'investor', label: '投资方' },
  unit,
  { key: 'chain', label: '产业链' },
  { key: 'investmentYi', label: '总投资（亿元）', format: 'yi' },
];
const date = (key: 'lead' | 'negotiating' | 'signed' | 'started' | 'producing', label: string): Column<ProjectRow> => ({
  key,
  label,
  format: 'date',
});
const status: Column<ProjectRow>[] = [
  { key: 'status', label: '红黄绿' },
  { key: 'months', label: '无进展（月）', format: 'int' },
];

/** Columns of a section's table: the stage's own dates, and 红黄绿 unless the stage is 投产. */
export function sectionColumns(stage: Stage | null): Column<ProjectRow>[] {
  switch (stage) {
    case '线索':
      return [name, ...common, date('lead', '报送日期'), ...status];
    case '在谈':
      return [name, ...common, date('negotiating', '首次接触'), ...status];
    case '签约':
      return [
        name,
        ...common,
        date('signed', '签约日期'),
        { key: 'fundsYi', label: '到位资金（亿元）', format: 'yi' },
        ...status,
      ];
    case '开工':
      return [
        name,
        ...common,
        date('signed', '签约日期'),
        date('started', '开工日期'),
        { key: 'fundsYi', label: '到位资金（亿元）', format: 'yi' },
        ...status,
      ];
    case '投产':
      return [
        name,
        ...common,
        date('signed', '签约日期'),
        date('started', '开工日期'),
        date('producing', '投产日期'),
        { key: 'fundsYi', label: '到位资金（亿元）', format: 'yi' },
      ];
    default:
      return [name, ...common, { key: 'stage', label: '最后阶段' }, { key: 'note', label: '状态' }];
  }
}
