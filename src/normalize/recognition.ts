import type { Signed } from '../schemas/records.ts';

/**
 * Whether a 签约 row counts (contract §4): 是否认定 empty, 是, 已认定 or 认定. 否 / 未认定 / 待认定
 * rows are accepted and listed (marked 未认定) but count in no figure and no score.
 *
 * @example isRecognised({ recognition: '待认定' }) // false
 * @example isRecognised({}) // true
 */
export function isRecognised(s: Pick<Signed, 'recognition'>): boolean {
  return (
    s.recognition === undefined || s.recognition === '是' || s.recognition === '已认定' || s.recognition === '认定'
  );
}
