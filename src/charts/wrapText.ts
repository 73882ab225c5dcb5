import { appendAll } from '../schemas/arrays.ts';
/**
 * Text measuring and line wrapping for Chinese labels at build time, where no font can be
 * measured: widths are estimated per character in em (a CJK character is 1 em, Latin letters and
 * digits about half), which is what the system CJK fonts do within a few percent.
 */

/** East Asian wide characters: CJK ideographs, kana, hangul, CJK and full-width punctuation. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/** Estimated advance of narrow characters in em (system sans-serif). */
function narrowWidth(c: string): number {
  if (c === ' ') return 0.3;
  if (/[0-9]/.test(c)) return 0.58;
  if (/[.,:;'|!ilj]/.test(c)) return 0.3;
  if (/[%@WM]/.test(c)) return 0.9;
  if (/[A-Z]/.test(c)) return 0.68;
  if (/[a-z]/.test(c)) return 0.55;
  if (c === '·' || c === '•') return 0.4;
  if (c === '–' || c === '-' || c === '−' || c === '+') return 0.6;
  if (c === '…') return 1;
  return 0.62;
}

/**
 * Estimated width of a text in px.
 *
 * @example textWidth('完成 72.3%', 12) // ≈ 63 (2 wide + space + digits, point and %)
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += WIDE.test(c) ? 1 : narrowWidth(c);
  return em * fontSize;
}

/** May not start a line (closing punctuation, 。，、 etc.). */
const NO_START = /^[，。、；：？！）》」』】〕”’%‰,.;:?!)\]}·…–\-]/;
/** May not end a line (opening punctuation). */
const NO_END = /[（《「『【〔“‘(\[{]$/;

/**
 * Splits a text into unbreakable tokens: each wide character alone, a run of Latin letters/digits
 * (`5G`, `72.3%`, `AI`) together, spaces as their own tokens.
 */
function tokens(text: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const c of text) {
    if (WIDE.test(c) || c === ' ') {
      if (run) out.push(run);
      run = '';
      out.push(c);
    } else run += c;
  }
  if (run) out.push(run);
  return out;
}

/** Greedy line breaking of one paragraph. */
function breakLines(paragraph: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const t of tokens(paragraph)) {
    if (line === '' && t === ' ') continue;
    const candidate = line + t;
    if (line !== '' && textWidth(candidate.trimEnd(), fontSize) > maxWidth && !NO_START.test(t)) {
      // keep an opening bracket with the text it opens
      const open = NO_END.exec(line);
      const carry = open && line.length > 1 ? open[0] : '';
      lines.push((carry ? line.slice(0, -carry.length) : line).trimEnd());
      line = t === ' ' ? carry : carry + t;
    } else line = candidate;
    // a Latin run longer than the line (a URL, `<script>…`) is cut by character
    while (textWidth(line, fontSize) > maxWidth && Array.from(line).length > 1 && !WIDE.test(t)) {
      const chars = Array.from(line);
      let n = chars.length - 1;
      while (n > 1 && textWidth(chars.slice(0, n).join(''), fontSize) > maxWidth) n--;
      lines.push(chars.slice(0, n).join(''));
      line = chars.slice(n).join('');
    }
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * Wraps a text into lines no wider than `maxWidth` px, breaking between CJK characters and at
 * spaces, not inside a Latin word or number unless it is longer than a line, and keeping closing
 * punctuation off line starts. Lines are balanced (`驻深圳招商|联络处`, not `驻深圳招商联络|处`).
 * When `maxLines` is exceeded the last line ends with `…`. Existing `\n` are kept as breaks.
 *
 * @example wrapText('新能源汽车动力电池及储能系统', 60, 12) // ['新能源汽车', '动力电池及', '储能系统']
 * @example wrapText('新能源汽车动力电池及储能系统', 60, 12, 2) // ['新能源汽车', '动力电池…']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let best = breakLines(paragraph, maxWidth, fontSize);
    // balance: the narrowest width that still needs no more lines
    if (best.length > 1 && best.length <= maxLines) {
      let lo = 0;
      let hi = maxWidth;
      while (hi - lo > fontSize / 4) {
        const mid = (lo + hi) / 2;
        const trial = breakLines(paragraph, mid, fontSize);
        if (trial.length <= best.length) {
          hi = mid;
          best = trial;
        } else lo = mid;
      }
    }
    appendAll(lines, best);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.length - 1;
  kept[last] = ellipsize(kept[last] + (lines[last + 1] ?? ''), maxWidth, fontSize);
  return kept;
}

/**
 * Shortens a text to fit `maxWidth` px, ending it with `…` when cut.
 *
 * @example ellipsize('经济技术开发区招商服务局', 80, 12) // '经济技术开…'
 */
export function ellipsize(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}
