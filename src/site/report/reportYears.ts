import { periodLabel } from '../data.ts';
import { PAGES } from '../nav.ts';
import { maxOf } from '../../schemas/arrays.ts';

/**
 * The years that get an annual report (年度报告, `reports/<YYYY>.html`): every year with a
 * snapshot, each from its last snapshot. Pure.
 */

/** Output path of the reports list. */
export const REPORTS_PAGE = PAGES.reports;

/** Output path of a year's report. @example reportPage(2025) // 'reports/2025.html' */
export function reportPage(year: number): string {
  return `reports/${year}.html`;
}

/** One year's report as listed. */
export interface ReportYear {
  year: number;
  /** The year's last snapshot, e.g. `2025-10`. */
  period: string;
  page: string;
  /** The year's last snapshot is December's. */
  complete: boolean;
  /**
   * What the figures cover when the year is not complete, e.g. `（截至2025年10月，年度未结束）`,
   * or `（截至2024年11月，缺12月台账）` for a past year without a December snapshot; `null` when complete.
   */
  note: string | null;
  /** Snapshots of the year, e.g. `10`. */
  months: number;
}

/**
 * Years with a snapshot, latest first. A year counts as complete when it has a December
 * snapshot; an earlier incomplete year is one whose December ledgers are missing.
 *
 * @example reportYears(['2024-11', '2024-12', '2025-01']).map((y) => [y.year, y.period, y.note])
 * // [[2025, '2025-01', '（截至2025年1月，年度未结束）'], [2024, '2024-12', null]]
 */
export function reportYears(periods: readonly string[]): ReportYear[] {
  const sorted = [...periods].sort();
  const last = new Map<number, string>();
  const months = new Map<number, number>();
  for (const p of sorted) {
    const y = Number(p.slice(0, 4));
    last.set(y, p);
    months.set(y, (months.get(y) ?? 0) + 1);
  }
  const latestYear = maxOf(last.keys());
  return [...last]
    .sort((a, b) => b[0] - a[0])
    .map(([year, period]) => {
      const complete = period.endsWith('-12');
      const why = year === latestYear ? '年度未结束' : '缺12月台账';
      return {
        year,
        period,
        page: reportPage(year),
        complete,
        note: complete ? null : `（截至${periodLabel(period)}，${why}）`,
        months: months.get(year) ?? 0,
      };
    });
}

/** `2025年度招商引资工作总结报告（年终结总账）`. */
export function reportTitle(year: number): string {
  return `${year}年度招商引资工作总结报告（年终结总账）`;
}
