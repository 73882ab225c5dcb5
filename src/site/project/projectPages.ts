import { loadMeta, loadPeriod, loadProjects, loadReference, unitPage } from '../data.ts';
import { indexRecordsByKey, projectPageView, type LedgerRowRef, type ProjectPageView } from './projectPage.ts';

/**
 * Wires the loaders to the pure project-page view: every project's view, with each snapshot's
 * records indexed by project key once (the latest for every live project; an earlier one only
 * for projects removed from the ledgers), so ~1,500 pages take one pass over the records.
 */
export function projectPageViews(): ProjectPageView[] {
  const meta = loadMeta();
  const latest = meta.latest;
  if (!latest) return [];
  const knownUnits = new Set(loadReference().units.map((u) => u.name));
  const indexes = new Map<string, Map<string, LedgerRowRef[]>>();
  const rowsOf = (period: string, key: string): readonly LedgerRowRef[] => {
    let index = indexes.get(period);
    if (!index) {
      index = meta.periods.includes(period) ? indexRecordsByKey(loadPeriod(period).records) : new Map();
      indexes.set(period, index);
    }
    return index.get(key) ?? [];
  };
  const nextPeriod = (period: string) => {
    const i = meta.periods.indexOf(period);
    return i >= 0 ? meta.periods[i + 1] : undefined;
  };
  return loadProjects().map((p) => projectPageView(p, { latest, knownUnits, unitHref: unitPage, rowsOf, nextPeriod }));
}
