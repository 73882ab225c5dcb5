/**
 * The outcome of reading one cell as a typed value. Every `parse*` function in `src/normalize/`
 * returns one of these, so a caller turns it into an issue the same way everywhere:
 * - `{ok: true, value, note?}` — read; `note` (Chinese) says what was assumed, e.g. an
 *   approximation `约3亿` taken as 3, so the caller may list it as a `value_assumed` warning;
 * - `{ok: false, empty: true}` — no value (empty, `待定`, `—`, `/` …): the caller decides whether
 *   the field is required (`missing_required`) or simply absent;
 * - `{ok: false, empty: false, message}` — unreadable; `message` is Chinese and says how to fix,
 *   e.g. `无法识别“若干”，请填写数字，如 5、5亿、8000万元`.
 */
export type ParseResult<T> = ParseOk<T> | ParseEmpty | ParseFailure;

export interface ParseOk<T> {
  ok: true;
  value: T;
  /** What was assumed while reading, e.g. `“约3亿”是约数，已按 3亿元 计入`. */
  note?: string;
}

export interface ParseEmpty {
  ok: false;
  empty: true;
}

export interface ParseFailure {
  ok: false;
  empty: false;
  /** Chinese, says what is wrong and how to fix it, e.g. `无法识别“若干”，请填写数字`. */
  message: string;
}

/** `ok(3, '“约3”是约数，已按 3 计入')` → `{ok: true, value: 3, note: '…'}`. */
export function ok<T>(value: T, note?: string): ParseOk<T> {
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

/** The one "no value" result. */
export const EMPTY: ParseEmpty = Object.freeze({ ok: false, empty: true });

/** `fail('无法识别“若干”，请填写数字')`. */
export function fail(message: string): ParseFailure {
  return { ok: false, empty: false, message };
}
