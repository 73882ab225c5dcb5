/**
 * Text as the rest of the pipeline sees it: width-folded, trimmed, inner white space collapsed
 * (contract §3 "Text"), plus the header matching key and the "no value" vocabulary.
 */
import { memoize } from './memo.ts';
import { isCellError, type CellValue } from '../schemas/table.ts';
import { parseUnitLabel } from './amountUnit.ts';
import { type AmountUnit } from '../schemas/table.ts';

/**
 * Full-width forms that are ordinary Chinese punctuation and therefore stay full-width in names:
 * `（）` `，` `：` `；` `！` `？`. They live in the U+FF01–FF5E block, but folding them would
 * turn `某某（集团）有限公司` into `某某(集团)有限公司`, which is not how a Chinese name is
 * written. Every other character of that block (digits, Latin letters, `％＋－．／＠＃` …) folds.
 * `、。“”《》` are outside the block and are never touched.
 */
const KEPT_FULL_WIDTH = new Set(['（', '）', '，', '：', '；', '！', '？']);

/** Zero-width characters that sneak in from web pages and WeChat. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060]/g;

/** Excel's escaped carriage return / line feed as exceljs sometimes returns them in strings. */
const XML_NEWLINE = /_x000[DA]_/g;

/**
 * Folds full-width ASCII to half-width (except the Chinese punctuation listed in
 * `KEPT_FULL_WIDTH`), turns the ideographic space U+3000, NBSP and newlines into spaces, removes
 * zero-width characters, trims and collapses inner white space to one space.
 *
 * @example foldText('  ＡＢＣ１２３　有限公司\n') // 'ABC123 有限公司'
 * @example foldText('某某（集团）有限公司') // '某某（集团）有限公司' (brackets kept)
 */
function foldTextUncached(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) =>
      KEPT_FULL_WIDTH.has(ch) ? ch : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .replace(XML_NEWLINE, ' ')
    .replace(ZERO_WIDTH, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `foldText` with every white space removed: the key for comparing headers, unit names and
 * project names, where `项 目 名 称` means `项目名称`.
 *
 * @example compactText('项 目\n名称') // '项目名称'
 */
function compactTextUncached(s: string): string {
  return foldText(s).replace(/\s+/g, '');
}

/** The header matching key and the amount unit its brackets give. */
export interface HeaderKey {
  /** Header without white space, brackets, required markers or colons, e.g. `总投资`. */
  name: string;
  /** Unit named inside a bracket, e.g. `亿元` from `总投资（亿元）`. */
  unit: AmountUnit | null;
}

const OPEN_BRACKETS = new Set(['（', '(', '【', '[', '〔']);
const CLOSE_BRACKETS = new Set(['）', ')', '】', ']', '〕']);
const STRAY_BRACKETS = /[（()）【】[\]〔〕]/g;
/** Required-field markers at either end: `*项目名称`, `项目名称★`. */
const MARKERS = /^[*★☆※]+|[*★☆※]+$/g;

/**
 * Header key for matching against field labels and aliases (`src/schemas/fields.ts`): folded,
 * white space removed, bracketed parts removed (a unit inside them is returned), `*`/`★` markers
 * and colons removed. Colons go so that `其中：一期（亿元）` becomes `其中一期`, a name that never
 * equals a field; `其中` is kept on purpose.
 *
 * @example normalizeHeader('总投资（亿元）') // {name: '总投资', unit: '亿元'}
 * @example normalizeHeader('外资金额(万美元)') // {name: '外资金额', unit: '万美元'}
 * @example normalizeHeader('项目\n名称') // {name: '项目名称', unit: null}
 * @example normalizeHeader('金额【单位：万元】') // {name: '金额', unit: '万元'}
 * @example normalizeHeader('*项目名称（全称）') // {name: '项目名称', unit: null}
 */
function normalizeHeaderUncached(raw: string): HeaderKey {
  const { rest, unit } = removeBracketed(compactText(raw));
  const name = rest.replace(STRAY_BRACKETS, '').replace(MARKERS, '').replace(/[:：]/g, '');
  return { name, unit };
}

/**
 * Removes every bracketed part, innermost first (so `（单位：（万元））` also works; an unclosed
 * bracket runs to the end), and returns the first unit a part names. One pass with a stack of open
 * brackets: linear in the text, whatever a 200 000-character cell holds.
 */
function removeBracketed(s: string): { rest: string; unit: AmountUnit | null } {
  const out: string[] = [];
  const opens: number[] = [];
  let unit: AmountUnit | null = null;
  const close = (): void => {
    const at = opens.pop()!;
    unit ??= parseUnitLabel(out.slice(at + 1).join(''));
    out.length = at;
  };
  for (const ch of s) {
    if (OPEN_BRACKETS.has(ch)) opens.push(out.length);
    else if (CLOSE_BRACKETS.has(ch) && opens.length > 0) {
      close();
      continue;
    }
    out.push(ch);
  }
  while (opens.length > 0) close();
  return { rest: out.join(''), unit };
}

/**
 * Number as Excel shows it in a General cell, without float noise and without exponent
 * notation for integers. Integers at or above 1e15 have already lost digits in Excel (15
 * significant digits), see `hasLostDigits`.
 *
 * @example formatNumber(1200) // '1200'
 * @example formatNumber(0.1 + 0.2) // '0.3'
 * @example formatNumber(1e21) // '1000000000000000000000'
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

/** `YYYY-MM-DD` of a Date cell (UTC midnight of the day shown), or null for an invalid Date. */
export function isoDay(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/**
 * Folded text of any cell, or null when it holds nothing: numbers as Excel shows them
 * (`formatNumber`), Dates as `YYYY-MM-DD`, booleans as `TRUE`/`FALSE`, error values as null.
 *
 * @example cellToText('  某某 公司 ') // '某某 公司'
 * @example cellToText(0.30000000000000004) // '0.3'
 * @example cellToText(new Date(Date.UTC(2025, 9, 8))) // '2025-10-08'
 * @example cellToText({error: '#REF!'}) // null
 */
export function cellToText(v: CellValue): string | null {
  if (v === null || isCellError(v)) return null;
  if (typeof v === 'string') {
    const t = foldText(v);
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? formatNumber(v) : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return isoDay(v);
}

/**
 * True for a number cell whose digits Excel has already cut to 15 significant ones: a
 * 统一社会信用代码 or 项目编号 typed without a text format. The caller of a `code` field should warn
 * and ask for the column to be formatted as text (设置单元格格式 → 文本) and retyped.
 *
 * @example hasLostDigits(123456789012345680) // true
 * @example hasLostDigits(20250001) // false
 */
export function hasLostDigits(v: CellValue): boolean {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) >= 1e15;
}

/**
 * Words that mean "no value" in a cell (after folding, case-insensitive). Extend here.
 * `无` is included: callers that read `无` as a value (yes/no fields) check it first.
 */
export const NO_VALUE_WORDS: ReadonlySet<string> = new Set(['待定', '未定', '暂无', '无', '不详', 'N/A', 'NA', '#N/A']);

/** Only dashes (`-`, `--`, `—`, `——`, `–`, `―`) or only slashes (`/`, `\`). */
const PLACEHOLDER = /^(?:[-‐‑–—―]+|[/\\]+)$/;

/**
 * True when a cell's text means "no value": empty, `待定`, `—`, `-`, `--`, `/`, `无`, `暂无`, `N/A`.
 *
 * @example isNoValue('—') // true
 * @example isNoValue(' 待定 ') // true
 * @example isNoValue('0') // false
 */
export function isNoValue(s: string | null): boolean {
  if (s === null) return true;
  const t = compactText(s);
  return t === '' || PLACEHOLDER.test(t) || NO_VALUE_WORDS.has(t.toUpperCase());
}

/** @see foldTextUncached — memoised (cell texts recur across snapshots). */
export const foldText: (s: string) => string = memoize(foldTextUncached);

/** @see compactTextUncached — memoised. */
export const compactText: (s: string) => string = memoize(compactTextUncached);

/** @see normalizeHeaderUncached — memoised; the returned object is shared, do not mutate it. */
export const normalizeHeader: (raw: string) => HeaderKey = memoize(normalizeHeaderUncached);
