/**
 * Fitting lists of enterprise names into a few lines of a chart node, measured with the same
 * width estimate as {@link wrapText}: names are joined with `、`, never broken inside a name (a
 * name longer than a line is cut with `…`), and when they do not all fit the last line ends with
 * `等N家` (N = all the names, shown or not), the way printed 招商图谱 write it.
 */
import { ellipsize, textWidth } from './wrapText.ts';

/** Legal-form suffixes a map leaves out (`华锐新能源科技有限公司` → `华锐新能源科技`). */
const LEGAL_SUFFIX = /(?:股份)?有限(?:责任)?公司$|股份公司$/;

/**
 * The name an enterprise is drawn with: without its legal-form suffix (tooltips keep the full name).
 *
 * @example shortCompanyName('深圳华锐新能源科技股份有限公司') // '深圳华锐新能源科技'
 * @example shortCompanyName('华锐集团有限公司') // '华锐集团'
 * @example shortCompanyName('有限公司') // '有限公司' (nothing would be left)
 */
export function shortCompanyName(name: string): string {
  const short = name.trim().replace(LEGAL_SUFFIX, '');
  return short === '' ? name.trim() : short;
}

/** Result of {@link fitNames}. */
export interface NameRun {
  lines: string[];
  /** How many of the names are shown (the rest are counted in `等N家`). */
  shown: number;
}

/** A name and what follows it on the line (`、`, or `等N家` after the last one shown). */
type Token = readonly [name: string, tail: string];

/** Greedy fill of name tokens into lines; `null` when more than `maxLines` are needed. */
function fill(tokens: readonly Token[], width: number, fontSize: number, maxLines: number): string[] | null {
  const lines: string[] = [];
  let line = '';
  for (const [name, tail] of tokens) {
    let t = name + tail;
    if (line !== '' && textWidth(line + t, fontSize) > width) {
      lines.push(line);
      line = '';
    }
    // a name longer than a whole line is cut, keeping its tail
    if (textWidth(t, fontSize) > width) t = ellipsize(name, width - textWidth(tail, fontSize), fontSize) + tail;
    line += t;
    if (lines.length >= maxLines) return null;
  }
  if (line !== '') lines.push(line);
  return lines.length <= maxLines ? lines : null;
}

/**
 * Lays out `names` in at most `maxLines` lines of `width` px. Shows as many names as fit, in
 * order; when some are left out the run ends with `等N家`.
 *
 * @example fitNames(['星辰新能源', '同芯新能源', '卓越新能源'], 150, 12, 1) // {lines: ['星辰新能源、同芯新能源'…]} — see the test for exact cuts
 * @example fitNames(['甲', '乙'], 300, 12, 1) // {lines: ['甲、乙'], shown: 2}
 */
export function fitNames(names: readonly string[], width: number, fontSize: number, maxLines: number): NameRun {
  const total = names.length;
  if (total === 0 || maxLines < 1) return { lines: [], shown: 0 };
  for (let k = total; k >= 1; k--) {
    const tokens: Token[] = names
      .slice(0, k)
      .map((n, i) => [n, i < k - 1 ? '、' : k < total ? `等${total}家` : ''] as const);
    const lines = fill(tokens, width, fontSize, maxLines);
    if (lines) return { lines, shown: k };
  }
  // not even one name and the count fit: the count alone
  return { lines: [ellipsize(`共${total}家`, width, fontSize)], shown: 0 };
}
