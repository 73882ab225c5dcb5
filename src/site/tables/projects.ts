import type { Project } from '../../schemas/project.ts';
import { loadProjects, loadReference, projectPage, unitPage } from '../data.ts';
import type { Column } from '../table.ts';

/** Known unit names (units table), so only units with a page get a link. */
export function knownUnits(): Set<string> {
  return new Set(loadReference().units.map((u) => u.name));
}

/** Columns of the project list (项目 page and `downloads/projects.*`). Internal only. */
export function projectColumns(known: ReadonlySet<string> = knownUnits()): Column<Project>[] {
  return [
    { key: 'code', label: '项目编号' },
    { key: 'name', label: '项目名称', link: (p) => projectPage(p.id) },
    { key: 'investor', label: '投资方' },
    { key: 'unit', label: '责任单位', link: (p) => (p.unit && known.has(p.unit) ? unitPage(p.unit) : null) },
    { key: 'chain', label: '产业链' },
    { key: 'segment', label: '环节' },
    { key: 'investmentYi', label: '总投资（亿元）', format: 'yi' },
    { key: 'stage', label: '阶段' },
    { key: 'signed', label: '签约日期', format: 'date', value: (p) => p.dates.signed },
    { key: 'started', label: '开工日期', format: 'date', value: (p) => p.dates.started },
    { key: 'producing', label: '投产日期', format: 'date', value: (p) => p.dates.producing },
    { key: 'fundsYi', label: '到位资金（亿元）', format: 'yi' },
    { key: 'public', label: '是否公开' },
    { key: 'lastChange', label: '最近变化' },
  ];
}

/** Projects, largest investment first, then by name. */
export function projectRows(): Project[] {
  return [...loadProjects()].sort(
    (a, b) => (b.investmentYi ?? -1) - (a.investmentYi ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
