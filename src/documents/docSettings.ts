import { type DocumentSettings, documentSettings, siteSettingsSchema } from '../schemas/site.ts';
import type { SiteMeta } from '../schemas/siteData.ts';

export { type DocumentSettings, documentSettings } from '../schemas/site.ts';

/** Defaults for a meta.json written before these settings existed. */
export function documentSettingsOf(meta: Pick<SiteMeta, 'zoneName' | 'office' | 'documents'>): DocumentSettings {
  return (
    meta.documents ??
    documentSettings({ ...siteSettingsSchema.parse({}), zoneName: meta.zoneName, office: meta.office ?? undefined })
  );
}

/**
 * The 文号 of a period from the template: `{year}` and `{n}` (the month, i.e. the issue number).
 *
 * @example documentNumber('青开招〔{year}〕{n}号', '2025-10') // '青开招〔2025〕10号'
 */
export function documentNumber(template: string, period: string): string {
  return template.replaceAll('{year}', period.slice(0, 4)).replaceAll('{n}', String(Number(period.slice(5, 7))));
}

/**
 * 成文日期 of a period's documents: day `day` of the following month, ISO and in words.
 *
 * @example issueDate('2025-10', 5) // { iso: '2025-11-05', text: '2025年11月5日' }
 * @example issueDate('2025-12', 5) // { iso: '2026-01-05', text: '2026年1月5日' }
 */
export function issueDate(period: string, day: number): { iso: string; text: string } {
  let y = Number(period.slice(0, 4));
  let m = Number(period.slice(5, 7)) + 1;
  if (m === 13) {
    y += 1;
    m = 1;
  }
  return { iso: `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, text: `${y}年${m}月${day}日` };
}
