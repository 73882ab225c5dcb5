/**
 * Yes/no cells (contract §3 "Yes/no"): 是否外资, 是否公开, 是否列入省台账 ….
 */
import type { CellValue } from '../schemas/table.ts';
import { nonTextCellFailure } from './number.ts';
import { EMPTY, fail, ok, type ParseResult } from './result.ts';
import { compactText, foldText, isNoValue } from './text.ts';

/** Spellings of yes and no, compared after folding and upper-casing. Extend here. */
const YES = new Set(['是', '是的', '有', '对', 'Y', 'YES', 'TRUE', '1', '√', '✓', '✔', '☑']);
const NO = new Set(['否', '不是', '无', '没有', '不', 'N', 'NO', 'FALSE', '0', '×', '✗', '✘', 'X', '☒']);

/** `是（已入库）`: a yes/no with a remark in brackets. */
const WITH_REMARK = /^(.+?)[（(].*[)）]$/;

/**
 * Reads a yes/no. Empty, `/`, `—`, `待定` give `{ok: false, empty: true}`; the caller treats that
 * as 否. `无` is 否 here (not "no value"). A remark in brackets after the answer is allowed.
 *
 * @example parseYesNo('√') // {ok: true, value: true}
 * @example parseYesNo('n') // {ok: true, value: false}
 * @example parseYesNo('是（省重点）') // {ok: true, value: true}
 * @example parseYesNo('可能') // {ok: false, empty: false, message: '无法识别“可能”，请填写“是”或“否”'}
 */
export function parseYesNo(v: CellValue): ParseResult<boolean> {
  if (v === null) return EMPTY;
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') {
    if (v === 1 || v === 0) return ok(v === 1);
    return fail(`无法识别“${v}”，请填写“是”或“否”（也可写 1 或 0）`);
  }
  if (typeof v !== 'string') return nonTextCellFailure(v, '“是”或“否”');
  const s = compactText(v).toUpperCase();
  const answer = YES.has(s) || NO.has(s) ? s : (WITH_REMARK.exec(s)?.[1] ?? s);
  if (YES.has(answer)) return ok(true);
  if (NO.has(answer)) return ok(false);
  if (isNoValue(v)) return EMPTY;
  return fail(`无法识别“${foldText(v)}”，请填写“是”或“否”`);
}
