import type { Project } from '../../schemas/project.ts';

/**
 * 红黄绿 status of a project (项目推进预警): how long a project that has not reached 投产 has
 * gone without progress. Progress is a change of stage or 总投资 between monthly snapshots
 * (`Project.lastChange`); the months are counted to the latest period of the site.
 */

/** `red` ≥ 3 months without progress, `yellow` 2 months, `green` less; `done` 已投产; `removed` gone from the ledgers. */
export type StatusLevel = 'red' | 'yellow' | 'green' | 'done' | 'removed';

export interface ProjectStatus {
  level: StatusLevel;
  /** `红`, `黄`, `绿`, `已投产`, `已移除`. */
  label: string;
  /** Whole months from `lastChange` to the latest period, e.g. `3`; `null` for `done` and `removed`. */
  months: number | null;
  /** One line beside the badge, e.g. `已 4 个月无进展（最近变化 2025-06）`. */
  text: string;
}

/** Months without progress from which a project is 红 / 黄. */
export const RED_MONTHS = 3;
export const YELLOW_MONTHS = 2;

/** The rule, as printed under every status (one line). */
export const STATUS_LEGEND = `红黄绿：尚未投产的项目，自最近一次阶段或总投资变化（按月度台账）起至最新一期，满 ${RED_MONTHS} 个月无进展为红、满 ${YELLOW_MONTHS} 个月为黄，其余为绿；已投产项目不评。`;

const LABELS: Record<StatusLevel, string> = { red: '红', yellow: '黄', green: '绿', done: '已投产', removed: '已移除' };

/**
 * Whole months between two periods `YYYY-MM` (`to − from`, negative when `to` is earlier).
 *
 * @example monthsBetween('2025-07', '2025-10') // 3
 * @example monthsBetween('2024-11', '2025-01') // 2
 */
export function monthsBetween(from: string, to: string): number {
  const n = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  return n(to) - n(from);
}

/**
 * `已从台账移除（最后出现于 2025-08）` for a project missing from the latest snapshot, else `null`.
 *
 * @example removedNote({ lastSeen: '2025-08' }, '2025-10') // '已从台账移除（最后出现于 2025-08）'
 */
export function removedNote(p: Pick<Project, 'lastSeen'>, latest: string): string | null {
  return p.lastSeen < latest ? `已从台账移除（最后出现于 ${p.lastSeen}）` : null;
}

/**
 * The 红黄绿 status of a project at the latest period.
 *
 * @example projectStatus({ stage: '签约', lastChange: '2025-07', lastSeen: '2025-10' }, '2025-10').label // '红'
 * @example projectStatus({ stage: '签约', lastChange: '2025-08', lastSeen: '2025-10' }, '2025-10').label // '黄'
 */
export function projectStatus(p: Pick<Project, 'stage' | 'lastChange' | 'lastSeen'>, latest: string): ProjectStatus {
  const removed = removedNote(p, latest);
  if (removed) return { level: 'removed', label: LABELS.removed, months: null, text: removed };
  if (p.stage === '投产') return { level: 'done', label: LABELS.done, months: null, text: '不评红黄绿' };
  const months = Math.max(0, monthsBetween(p.lastChange, latest));
  const level: StatusLevel = months >= RED_MONTHS ? 'red' : months >= YELLOW_MONTHS ? 'yellow' : 'green';
  const since = months === 0 ? `本月（${latest}）有进展` : `已 ${months} 个月无进展（最近变化 ${p.lastChange}）`;
  return { level, label: LABELS[level], months, text: since };
}
