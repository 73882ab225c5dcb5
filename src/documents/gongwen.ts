import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import { fixZipTimes } from './zipTimes.ts';

/**
 * 公文 layout after GB/T 9704-2012 with the `docx` package: a few pure builders (paragraphs and
 * tables in, a `Document` out) and `packGongwen`, which writes reproducible bytes.
 *
 * - Page: A4 (11906 × 16838 twips), margins 37 / 35 / 28 / 26 mm (top / bottom / left / right),
 *   so the 版心 is 156 × 225 mm; 22 lines × 28 characters (exact line pitch 28.95 pt, body text
 *   condensed 0.25 pt; no snapping document grid, which LibreOffice and WPS apply to tables too).
 * - Fonts are named, never embedded. Each has a fallback (`w:altName` in fontTable.xml) that
 *   Word and WPS on a Chinese Windows have: 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体,
 *   方正小标宋简体 → 黑体; 黑体 and 宋体 ship with every Chinese Windows. Digits and Latin
 *   letters use Times New Roman.
 * - Sizes: 标题 二号 (22 pt), body and headings 三号 (16 pt), tables 小四 (12 pt), page number
 *   四号 宋体 "— 1 —" (odd pages right, even pages left, one character in from the edge).
 *
 * @example
 * const doc = gongwenDocument({
 *   head: issuerHead({ issuer: '青川开发区招商局', number: '青开招〔2025〕10号' }),
 *   children: [...title('关于2025年1—10月招商引资工作情况的通报'), heading(1, '一、总体情况'), body('……')],
 * });
 * const bytes = await packGongwen(doc, { title: '…', date: '2025-11-05' });
 */

/** Font names as written into the document, and the fallback each declares. */
export const FONTS = {
  /** Body text. */
  fangsong: '仿宋_GB2312',
  /** Second-level headings （一）. */
  kaiti: '楷体_GB2312',
  /** First-level headings 一、 and table headers. */
  heiti: '黑体',
  /** 标题 and 发文机关标志. */
  xiaobiaosong: '方正小标宋简体',
  /** Page numbers. */
  songti: '宋体',
  /** Digits and Latin letters. */
  latin: 'Times New Roman',
} as const;

/** Fallbacks (fontTable `w:altName`) for the fonts a stock Chinese Windows lacks. */
export const FONT_FALLBACKS: Readonly<Record<string, string>> = {
  [FONTS.fangsong]: '仿宋',
  [FONTS.kaiti]: '楷体',
  [FONTS.xiaobiaosong]: '黑体',
};

/** Page geometry in twips (1 mm = 56.69 twips). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1587,
  right: 1474,
  /** Footer distance from the bottom edge: the page number sits about 7 mm below the 版心. */
  footer: 1247,
  header: 851,
  /** 版心 width: 210 − 28 − 26 = 156 mm = 8844 twips (the rounded page less the rounded margins is 8845). */
  textWidth: 8844,
  /** 225 mm / 22 lines = 28.95 pt per line. */
  linePitch: 579,
  /**
   * 28 characters a line: 156 mm / 28 = 15.79 pt a character, so 三号 (16 pt) text is condensed by
   * 0.25 pt (`w:spacing w:val="-5"`, in twentieths of a point). A character grid
   * (`linesAndChars`) would do the same in Word, but LibreOffice and WPS space it differently.
   */
  condense: -5,
} as const;

/** The section's page: A4 portrait, the GB/T 9704 margins, page numbers from 1. */
export const PAGE_SETUP = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: {
    top: PAGE.top,
    bottom: PAGE.bottom,
    left: PAGE.left,
    right: PAGE.right,
    header: PAGE.header,
    footer: PAGE.footer,
  },
  pageNumbers: { start: 1 },
};

/** Font sizes in half-points, as Word stores them. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;

/** The red of 发文机关标志 and the rule under the 文号. */
export const RED = 'FF0000';

/** Text with optional bold, for mixed runs in one paragraph. */
export type Inline = string | { text: string; bold?: boolean };

/** A run's fonts: `eastAsia` for Chinese, `latin` (Times New Roman) for digits and Latin letters. */
export function fontOf(eastAsia: string, latin: string = FONTS.latin) {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

function runs(
  content: Inline | readonly Inline[],
  font: string,
  size: number,
  extra: { color?: string; characterSpacing?: number } = {},
) {
  const parts = typeof content === 'string' || !Array.isArray(content) ? [content as Inline] : content;
  return parts.map((p) =>
    typeof p === 'string'
      ? new TextRun({ text: p, font: fontOf(font), size, ...extra })
      : new TextRun({ text: p.text, bold: p.bold, font: fontOf(font), size, ...extra }),
  );
}

/** Body text runs: condensed to 28 characters a line. */
const BODY_RUN = { characterSpacing: PAGE.condense } as const;

const EXACT_LINE = { line: PAGE.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
/** Two characters of 三号 (2 × 16 pt) as the first-line indent. */
const INDENT_2 = { firstLine: 640 } as const;

/** An empty body line (one line of the grid). */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: EXACT_LINE, children: [] });
}

/**
 * 版头: the 发文机关标志 (red, 小标宋, centred) and, two lines below, the 文号 with the red rule
 * 4 mm under it across the 版心. `number` omitted: the rule follows the mark directly.
 */
export function issuerHead(o: { issuer: string; number?: string; mark?: string }): Paragraph[] {
  const mark = o.mark ?? `${o.issuer}文件`;
  // The mark is at most 版心 wide: 156 mm ≈ 442 pt; shrink long names, never below 二号.
  const chars = [...mark].length;
  const size = Math.max(SIZE.erhao, Math.min(84, Math.floor((440 / chars) * 2)));
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: Math.round(size * 12), lineRule: LineRuleType.EXACT },
      children: runs(mark, FONTS.xiaobiaosong, size, { color: RED }),
    }),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: EXACT_LINE,
      border: rule,
      children: o.number ? runs(o.number, FONTS.fangsong, SIZE.sanhao) : [],
    }),
    blankLine(),
  ];
}

/**
 * 标题: 二号 小标宋, centred, followed by one blank line. Give a long title as its lines (GB/T 9704:
 * 回行时要做到词意完整，排列对称), e.g. `['关于2025年1—10月', '全区招商引资工作情况的通报']`; a
 * string wraps by itself.
 */
export function title(text: string | readonly string[]): Paragraph[] {
  const lines = typeof text === 'string' ? [text] : text;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: lines.flatMap((l, i) => [
        ...(i > 0 ? [new TextRun({ break: 1 })] : []),
        ...runs(l, FONTS.xiaobiaosong, SIZE.erhao),
      ]),
    }),
    blankLine(),
  ];
}

/** 主送机关, e.g. `各镇（街道）、各有关部门：` — flush left. */
export function addressee(text: string): Paragraph {
  return new Paragraph({ spacing: EXACT_LINE, children: runs(text, FONTS.fangsong, SIZE.sanhao) });
}

/**
 * A heading inside the body: level 1 `一、总体情况` in 黑体, level 2 `（一）…` in 楷体; both 三号,
 * indented two characters and kept with the next paragraph.
 */
export function heading(level: 1 | 2, text: string): Paragraph {
  return new Paragraph({
    spacing: EXACT_LINE,
    indent: INDENT_2,
    keepNext: true,
    children: runs(text, level === 1 ? FONTS.heiti : FONTS.kaiti, SIZE.sanhao, BODY_RUN),
  });
}

/** A body paragraph: 三号 仿宋, first line indented two characters, justified, exact line pitch. */
export function body(content: Inline | readonly Inline[], o: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: EXACT_LINE,
    indent: INDENT_2,
    keepNext: o.keepNext === true,
    children: runs(content, FONTS.fangsong, SIZE.sanhao, BODY_RUN),
  });
}

/**
 * A marked place for the office's own words: `【请填写：…】` highlighted yellow, so it is found
 * at a glance and replaced.
 */
export function placeholder(prompt: string): Paragraph {
  return new Paragraph({
    spacing: EXACT_LINE,
    indent: INDENT_2,
    children: [
      new TextRun({
        text: `【请填写：${prompt}】`,
        font: fontOf(FONTS.fangsong),
        size: SIZE.sanhao,
        highlight: 'yellow',
      }),
    ],
  });
}

/** A table column: header text, width as a share of the 版心 (weights, any scale), alignment. */
export interface GongwenColumn {
  label: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cell(text: string, width: number, align: GongwenColumn['align'], header: boolean, size: number) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 57, right: 57, top: 14, bottom: 14 },
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: header
            ? AlignmentType.CENTER
            : align === 'right'
              ? AlignmentType.RIGHT
              : align === 'center'
                ? AlignmentType.CENTER
                : AlignmentType.LEFT,
          spacing: { line: Math.round(size * 10 * 1.4), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: runs(line, header ? FONTS.heiti : FONTS.fangsong, size),
        }),
    ),
  });
}

/**
 * A real Word table across the 版心: the header row repeats on every page (`w:tblHeader`), rows
 * do not split across pages, header in 黑体, cells in 仿宋 (小四 by default). A cell's `\n`
 * starts a new line.
 */
export function table(
  columns: readonly GongwenColumn[],
  rows: readonly (readonly string[])[],
  o: { size?: number } = {},
): Table {
  const size = o.size ?? SIZE.xiaosi;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const floors = columns.map((c) => Math.floor((c.width / total) * PAGE.textWidth));
  const rest = PAGE.textWidth - floors.reduce((s, w) => s + w, 0);
  const widths = floors.map((w, i) => (i === floors.length - 1 ? w + rest : w));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.label, widths[i] ?? 0, c.align, true, size)),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(r[i] ?? '', widths[i] ?? 0, c.align, false, size)),
      }),
  );
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: [header, ...body],
  });
}

/** A table's caption line above it: 仿宋 三号, centred, kept with the table. */
export function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: EXACT_LINE,
    keepNext: true,
    children: runs(text, FONTS.heiti, SIZE.sanhao),
  });
}

/**
 * 附件说明 after the body: `附件：1．…` with the following items aligned under the first.
 */
export function attachmentNote(titles: readonly string[]): Paragraph[] {
  if (titles.length === 0) return [];
  return titles.map(
    (t, i) =>
      new Paragraph({
        spacing: EXACT_LINE,
        indent: { left: 640 + 960, hanging: titles.length > 1 ? 960 : 960 },
        children: runs(
          titles.length > 1 ? `${i === 0 ? '附件：' : '　　　'}${i + 1}．${t}` : `附件：${t}`,
          FONTS.fangsong,
          SIZE.sanhao,
        ),
      }),
  );
}

/**
 * 落款 and 成文日期: the issuer and the date (e.g. `2025年11月5日`) flush right, four characters
 * in from the right edge for the date as GB/T 9704 places it, after two blank lines.
 */
export function signature(issuer: string, date: string): Paragraph[] {
  const right = (text: string, indent: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: EXACT_LINE,
      indent: { right: indent },
      children: runs(text, FONTS.fangsong, SIZE.sanhao),
    });
  return [blankLine(), blankLine(), right(issuer, 640), right(date, 1280)];
}

/**
 * 版记 (GB/T 9704 §7.3.5): the last lines of the document — 印发机关 one character in from the left
 * and 印发日期 (`2025年11月5日印发`) one character in from the right, in 四号 仿宋, between a thick rule
 * above and below (0.35 mm ≈ 1 pt, `w:sz` 8 eighths of a point) across the 版心. Two blank lines
 * set it apart from what precedes it (the last 附件, or the 落款 when there is none).
 */
export function colophon(issuer: string, date: string): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } as const;
  return [
    blankLine(),
    blankLine(),
    new Paragraph({
      spacing: EXACT_LINE,
      indent: { left: 280, right: 280 },
      border: { top: rule, bottom: rule },
      tabStops: [{ type: TabStopType.RIGHT, position: PAGE.textWidth - 560 }],
      children: [
        new TextRun({ text: issuer, font: fontOf(FONTS.fangsong), size: SIZE.sihao }),
        new TextRun({ children: [new Tab(), `${date}印发`], font: fontOf(FONTS.fangsong), size: SIZE.sihao }),
      ],
    }),
  ];
}

/**
 * The start of an 附件: on a new page, `附件1` top left in 黑体, then its title centred in
 * 小标宋 二号 and a blank line.
 */
export function attachmentStart(n: number | null, heading: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: EXACT_LINE,
      children: runs(n === null ? '附件' : `附件${n}`, FONTS.heiti, SIZE.sanhao),
    }),
    blankLine(),
    ...title(heading),
  ];
}

function pageNumberFooter(odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf(FONTS.songti, FONTS.songti),
            size: SIZE.sihao,
          }),
        ],
      }),
    ],
  });
}

/**
 * The document: one section with the page setup, line grid, default 仿宋 三号 text, and the page
 * number footers. `head` (from `issuerHead`) comes first, then `children`.
 */
export function gongwenDocument(o: {
  head?: readonly FileChild[];
  children: readonly FileChild[];
  title?: string;
  creator?: string;
}): Document {
  return new Document({
    title: o.title ?? '',
    creator: o.creator ?? '',
    lastModifiedBy: o.creator ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(FONTS.fangsong), size: SIZE.sanhao },
          paragraph: { spacing: EXACT_LINE },
        },
      },
    },
    sections: [
      {
        properties: {
          page: PAGE_SETUP,
          // no snapping grid: body lines are exact 28.95 pt (22 a page) by themselves, and a grid would
          // round every table line up to a whole grid line in LibreOffice and WPS
          grid: { type: DocumentGridType.DEFAULT, linePitch: PAGE.linePitch },
        },
        footers: { default: pageNumberFooter(true), even: pageNumberFooter(false) },
        children: [...(o.head ?? []), ...o.children],
      },
    ],
  });
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** fontTable.xml naming every font with its fallback, charset and family (nothing embedded). */
function fontTableXml(): string {
  const entry = (name: string, o: { alt?: string | undefined; charset: string; family: string; pitch: string }) =>
    `<w:font w:name="${xmlText(name)}">${o.alt ? `<w:altName w:val="${xmlText(o.alt)}"/>` : ''}` +
    `<w:charset w:val="${o.charset}"/><w:family w:val="${o.family}"/><w:pitch w:val="${o.pitch}"/></w:font>`;
  const cjk = (name: string, family = 'modern') =>
    entry(name, { alt: FONT_FALLBACKS[name], charset: '86', family, pitch: 'fixed' });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    cjk(FONTS.fangsong) +
    cjk(FONTS.kaiti) +
    cjk(FONTS.heiti) +
    cjk(FONTS.xiaobiaosong, 'script') +
    cjk(FONTS.songti) +
    cjk('仿宋') +
    cjk('楷体') +
    entry(FONTS.latin, { charset: '00', family: 'roman', pitch: 'variable' }) +
    '</w:fonts>'
  );
}

/** docProps/core.xml with fixed dates (the document's own date), so the bytes never depend on the clock. */
function coreXml(o: { title: string; date: string; creator?: string }): string {
  const when = `${o.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(o.title)}</dc:title><dc:creator>${xmlText(o.creator ?? '')}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlText(o.creator ?? '')}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * The .docx bytes of a document, reproducible: core-properties dates fixed to `date`
 * (`YYYY-MM-DD`, e.g. the 成文日期), the font table with fallbacks, zip entry times fixed.
 * Avoid hyperlinks and comments (their ids are random in the docx package).
 */
export async function packGongwen(
  doc: Document,
  o: { title: string; date: string; creator?: string },
): Promise<Uint8Array<ArrayBuffer>> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new Error(`packGongwen(): date must be YYYY-MM-DD, got ${o.date}`);
  const buf = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(o) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return fixZipTimes(new Uint8Array(buf));
}
