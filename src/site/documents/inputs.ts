import { bulletinView } from '../bulletin/bulletin.ts';
import { loadMeta, loadPeriod, loadReference } from '../data.ts';
import { previousPeriod } from '../../metrics/period.ts';
import { rankingPeriods } from '../ranking/ranking.ts';
import type { BulletinDocInput } from './bulletinDoc.ts';
import { documentSettingsOf } from '../../documents/docSettings.ts';
import { type PublicityView, publicityView } from './publicity.ts';

/**
 * The Word documents' inputs from the site data (contract §11), exactly as the bulletin and ranking
 * pages load theirs: `bulletinView` of the period with the month before, `rankingPageView` of the
 * ranking. The endpoints under `src/pages/bulletins/` and `src/pages/rankings/` only write bytes.
 */

/** Input of `bulletins/<period>.docx`, the same view the bulletin page renders. */
export function bulletinDocInput(period: string): BulletinDocInput {
  const meta = loadMeta();
  const data = loadPeriod(period);
  const before = previousPeriod(period);
  const view = bulletinView(data, meta, meta.periods.includes(before) ? loadPeriod(before) : null);
  return { view, metrics: data.metrics, zoneName: meta.zoneName, settings: documentSettingsOf(meta) };
}

/** The 公示 of a ranking key (`2025-10`, `2025-Q3`); `null` for an unknown key. */
export function publicityOf(key: string): PublicityView | null {
  const meta = loadMeta();
  const rp = rankingPeriods(meta.periods).find((r) => r.key === key);
  if (!rp) return null;
  const ref = loadReference();
  return publicityView(rp, loadPeriod(rp.period).metrics, ref.units, ref.targets, documentSettingsOf(meta));
}
