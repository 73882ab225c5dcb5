import type { PeriodData } from '../../schemas/siteData.ts';
import { fmtInt, fmtYi } from '../../metrics/format.ts';
import { bulletinPage } from './bulletin.ts';
import type { Cell } from './bulletinFormat.ts';
import { periodLabel } from '../data.ts';
import { drillHref } from '../drill.ts';

/** The list of monthly bulletins (`bulletins.html`): newest first, grouped by year, with headline figures. */

export interface BulletinIndexRow {
  period: string;
  /** e.g. `2025年10月`. */
  label: string;
  /** e.g. `2025年第10期`. */
  issue: string;
  /** Output path of the bulletin. */
  page: string;
  monthSigned: { count: Cell; yi: Cell };
  ytdSigned: { count: Cell; yi: Cell };
  started: Cell;
  producing: Cell;
  funds: Cell;
}

export interface BulletinIndexYear {
  year: string;
  rows: BulletinIndexRow[];
}

/** Groups the periods by year (newest year and month first); figures link to the drill pages. */
export function bulletinIndex(
  page: string,
  periods: readonly Pick<PeriodData, 'period' | 'metrics'>[],
): BulletinIndexYear[] {
  const years = new Map<string, BulletinIndexRow[]>();
  for (const { period, metrics: m } of [...periods].sort((a, b) => (a.period < b.period ? 1 : -1))) {
    const cell = (id: string, text: string): Cell => ({ text, href: drillHref(page, period, id) });
    const row: BulletinIndexRow = {
      period,
      label: periodLabel(period),
      issue: `${m.year}年第${m.month}期`,
      page: bulletinPage(period),
      monthSigned: {
        count: cell('month.signed', fmtInt(m.thisMonth.signed.count)),
        yi: cell('month.signed', fmtYi(m.thisMonth.signed.investmentYi)),
      },
      ytdSigned: {
        count: cell('ytd.signed', fmtInt(m.ytd.signed.count)),
        yi: cell('ytd.signed', fmtYi(m.ytd.signed.investmentYi)),
      },
      started: cell('ytd.started', fmtInt(m.ytd.started.count)),
      producing: cell('ytd.producing', fmtInt(m.ytd.producing.count)),
      funds: cell('ytd.funds', fmtYi(m.ytd.funds.amountYi)),
    };
    const y = period.slice(0, 4);
    years.set(y, [...(years.get(y) ?? []), row]);
  }
  return [...years].map(([year, rows]) => ({ year, rows }));
}
