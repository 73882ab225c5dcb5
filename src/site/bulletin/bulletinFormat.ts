import { fmtPp } from '../../metrics/format.ts';
import { progressStatus } from '../../metrics/progress.ts';

/** Display pieces shared by the bulletin's sections. */

/** A figure as shown: text and the link to its rows (`drill/…?f=…`). */
export interface Cell {
  text: string;
  href?: string | undefined;
}

/** Maps a figure id to its drill link (anchor on the figure's section). */
export type Linker = (figureId: string, text: string) => Cell;

/** 超进度/欠进度 as shown, e.g. `{word: '欠进度', text: '欠进度 -16.7 个百分点', ahead: false}`. */
export interface Progress {
  word: '超进度' | '欠进度';
  ahead: boolean;
  text: string;
}

/**
 * The progress label of a 完成率 against 序时进度 (month / 12), the gap in 个百分点 with one decimal;
 * `null` when there is no rate. A gap behind by less than 0.05 reads `不足 0.1 个百分点`, never `-0.0`.
 *
 * @example progressOf(8 / 12, '2025-10')?.text // '欠进度 -16.7 个百分点'
 * @example progressOf(0.5, '2025-06')?.text // '超进度 +0.0 个百分点'
 */
export function progressOf(rate: number | null, period: string): Progress | null {
  const s = progressStatus(rate, period);
  if (!s) return null;
  const ahead = s.status === '超进度';
  const pp = fmtPp(s.gapPp);
  const gap = ahead ? (pp.startsWith('+') ? pp : `+${pp}`) : pp === '0.0' ? '不足 0.1' : pp;
  return { word: s.status, ahead, text: `${s.status} ${gap} 个百分点` };
}
