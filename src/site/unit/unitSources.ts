import type { PeriodMetrics } from '../../schemas/metrics.ts';
import { loadMeta, loadPeriod, loadProjects, loadQuality, loadReference } from '../data.ts';
import { type UnitName, allUnits } from './unitList.ts';

/**
 * Reads what the unit pages need from the site data (internal profile): every unit name met
 * anywhere, and the metrics of the latest year. Kept apart from the pure view modules.
 */

/** Every unit that gets a page: the units table, then unknown names from every period's metrics, projects and the quality report. */
export function siteUnits(): UnitName[] {
  const names: (string | undefined)[] = [];
  for (const p of loadMeta().periods) for (const u of loadPeriod(p).metrics.units) names.push(u.unit);
  for (const p of loadProjects()) names.push(p.unit);
  for (const u of loadQuality().unknownUnits) names.push(u.name);
  return allUnits(loadReference().units, names);
}

/** The latest period's metrics and those of every period of its year (oldest first). */
export function latestYearMetrics(): { latest: PeriodMetrics | null; year: PeriodMetrics[] } {
  const meta = loadMeta();
  if (!meta.latest) return { latest: null, year: [] };
  const y = meta.latest.slice(0, 5);
  return {
    latest: loadPeriod(meta.latest).metrics,
    year: meta.periods
      .filter((p) => p.startsWith(y))
      .sort()
      .map((p) => loadPeriod(p).metrics),
  };
}
