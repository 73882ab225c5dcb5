import { progressText, roundTo } from '../../metrics/format.ts';
import { progressStatus } from '../../metrics/progress.ts';

/** Display pieces shared by the bulletin's sections. */

/** A figure as shown: text and the link to its rows (`drill/…?f=…`). */
export interface Cell {
  text: string;
  href?: string | undefined;
}

/** Maps a figure id to its drill link (anchor on the figure's section). */
export type Linker = (figureId: string, text: string) => Cell;

/** 超进度/欠进度 as shown, e.g. `{word: '欠进度', text: '低于序时进度16.7个百分点', ahead: false}`. */
export interface Progress {
  word: '超进度' | '欠进度';
  ahead: boolean;
  text: string;
}

/**
 * The progress label of a 完成率 against 序时进度 (month / 12) in words (contract §7), the gap in
 * 个百分点 with one decimal; `null` when there is no rate. A gap behind by less than 0.05 reads
 * `低于序时进度不足0.1个百分点`, never `-0.0`.
 *
 * @example progressOf(8 / 12, '2025-10')?.text // '低于序时进度16.7个百分点'
 * @example progressOf(0.5, '2025-06')?.text // '达到序时进度'
 */
export function progressOf(rate: number | null, period: string): Progress | null {
  const s = progressStatus(rate, period);
  if (!s) return null;
  const ahead = s.status === '超进度';
  // a gap behind by less than 0.05 points still reads as behind, never 达到
  const text = !ahead && roundTo(s.gapPp, 1) === 0 ? '低于序时进度不足0.1个百分点' : progressText(s.gapPp);
  return { word: s.status, ahead, text };
}
