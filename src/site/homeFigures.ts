import type { PeriodData } from '../build/siteData.ts';

/** Year-to-date headline figures of a period for the temporary home page. */
export interface YtdFigures {
  signedCount: number;
  signedMonth: number;
  signedYi: number;
  startedCount: number;
  producingCount: number;
  fundsYi: number;
}

/**
 * Counts straight from the snapshot's records (rows dated 1 January to the period end; 本月 =
 * within the month), so the page does not depend on the metrics shape. Contract §7.
 */
export function ytdFigures(data: Pick<PeriodData, 'period' | 'records'>): YtdFigures {
  const year = data.period.slice(0, 4);
  const inYtd = (d: string | undefined) => !!d && d.slice(0, 4) === year && d.slice(0, 7) <= data.period;
  const r = data.records;
  const signed = r.signed.filter((s) => inYtd(s.signDate));
  return {
    signedCount: signed.length,
    signedMonth: signed.filter((s) => s.signDate.startsWith(data.period)).length,
    signedYi: signed.reduce((a, s) => a + s.investmentYi, 0),
    startedCount: r.started.filter((s) => inYtd(s.startDate)).length,
    producingCount: r.producing.filter((s) => inYtd(s.produceDate)).length,
    fundsYi: r.funds.filter((f) => inYtd(f.fundDate)).reduce((a, f) => a + f.amountYi, 0),
  };
}
