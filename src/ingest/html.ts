import { clippedColumnsNote, fillMerges, MAX_COLUMNS, type Grid, type GridRow, type MergeRange } from './grid.ts';
import type { CellValue } from '../schemas/table.ts';

/**
 * Reads the tables of a web page saved under an .xls name (what OA systems export, and Excel's
 * "网页" format) into one {@link Grid}, laid out as Excel shows the page when it opens it: every
 * table's rows in document order, one sheet row per `<tr>`, and each run of text outside the
 * tables (a `<h2>` title, a `<p>填报单位：…</p>` line) a row of its own. So row numbers in messages
 * are the ones the clerk sees after opening the file in Excel.
 *
 * - `colspan`/`rowspan` become merged ranges (the value fills every cell, as for .xlsx);
 * - `<br>` and block tags inside a cell are line breaks; entities are decoded; white space
 *   collapses as in a browser;
 * - a row styled `display:none` is a hidden row (still read); `<col style="display:none">` a
 *   hidden column;
 * - cells are text, except where Excel wrote the number itself (`x:num="1200"` on a cell showing
 *   `1,200`): then the number. Text like `2025/10/8` or `00123` stays text for the field parsers;
 * - `<script>`, `<style>` and comments are skipped; a table inside a cell adds its text to that
 *   cell.
 *
 * One pass over the text with no backtracking regular expression: linear time and memory
 * whatever the input (no ReDoS).
 *
 * @returns the grid, or null when the page holds no table at all
 * @example readHtmlTable('<table><tr><td>项目名称</td></tr></table>', '签约项目表')?.rows // [{ row: 1, cells: ['项目名称'] }]
 */
export function readHtmlTable(
  html: string,
  sheetName: string,
  maxMergedCells: number,
): Grid | { message: string } | null {
  const builder = new GridBuilder();
  const tables: TableState[] = [];
  let outside = '';
  let sawTable = false;
  const flushOutside = (): void => {
    const text = collapse(outside);
    outside = '';
    if (text !== '') builder.textRow(text);
  };
  // Text inside a nested table belongs to the outer cell; text between rows is dropped, as browsers do.
  const appendText = (text: string): void => {
    const cell = tables[0]?.cell;
    if (tables.length === 0) outside += text;
    else if (cell !== null && cell !== undefined) cell.text += text;
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) appendText(decodeEntities(html.slice(i, textEnd)));
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === null) {
      appendText('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const { name, closing } = tag;
    if (!closing && (name === 'script' || name === 'style' || name === 'title' || name === 'xml')) {
      i = skipTo(html, i, name);
      continue;
    }
    const nested = tables.length > 1;
    switch (name) {
      case 'table':
        if (closing) {
          const done = tables.pop();
          if (done !== undefined && tables.length === 0) builder.endTable(done);
          else if (done !== undefined) appendText(' ');
        } else {
          if (tables.length === 0) flushOutside();
          sawTable = true;
          tables.push(newTable());
        }
        break;
      case 'tr':
        if (tables.length === 0) break;
        if (nested) appendText('\n');
        else if (!closing) builder.startRow(tables[0]!, hiddenStyle(tag.attrs));
        else builder.endRow(tables[0]!);
        break;
      case 'td':
      case 'th':
        if (tables.length === 0) break;
        if (nested) appendText(' ');
        else if (!closing) builder.startCell(tables[0]!, tag.attrs);
        else builder.endCell(tables[0]!);
        break;
      case 'col':
        if (!closing && tables.length === 1) builder.column(tables[0]!, tag.attrs);
        break;
      case 'br':
        appendText('\n');
        break;
      default:
        if (BLOCK_TAGS.has(name)) {
          if (tables.length === 0) flushOutside();
          else appendText('\n');
        }
    }
  }
  while (tables.length > 1) tables.pop();
  if (tables.length === 1) builder.endTable(tables.pop()!);
  flushOutside();
  if (!sawTable) return null;
  return builder.finish(sheetName, maxMergedCells);
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'center',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'body',
  'form',
]);

interface CellState {
  text: string;
  attrs: Map<string, string>;
  column: number;
}

interface TableState {
  /** The `<tr>` being read, as an Excel row number; 0 outside a row. */
  row: number;
  /** For each column, the last Excel row a rowspan from above covers. */
  spannedUntil: number[];
  nextColumn: number;
  cell: CellState | null;
  /** Merges whose rowspan may run past the table's last row (cut at its end). */
  merges: MergeRange[];
  /** `<col>` elements seen so far (their span counted). */
  colCount: number;
}

function newTable(): TableState {
  return {
    row: 0,
    spannedUntil: [],
    nextColumn: 0,
    cell: null,
    merges: [],
    colCount: 0,
  };
}

/** Accumulates rows, merges and hidden columns in Excel coordinates. */
class GridBuilder {
  nextRow = 1;
  private readonly rows = new Map<number, GridRow>();
  private readonly merges: MergeRange[] = [];
  private readonly hiddenColumns = new Set<number>();
  private clipped = 0;

  textRow(text: string): void {
    this.rows.set(this.nextRow, { row: this.nextRow, cells: [text] });
    this.nextRow++;
  }

  startRow(t: TableState, hidden: boolean): void {
    if (t.row !== 0) this.endRow(t);
    t.row = this.nextRow++;
    t.nextColumn = 0;
    if (hidden) this.rows.set(t.row, { row: t.row, cells: [], hidden: true });
  }

  endRow(t: TableState): void {
    if (t.cell !== null) this.endCell(t);
    t.row = 0;
  }

  startCell(t: TableState, attrs: Map<string, string>): void {
    if (t.row === 0) this.startRow(t, false); // a <td> without <tr>
    if (t.cell !== null) this.endCell(t);
    while ((t.spannedUntil[t.nextColumn] ?? 0) >= t.row) t.nextColumn++;
    t.cell = { text: '', attrs, column: t.nextColumn };
    const colspan = span(attrs.get('colspan'), MAX_COLUMNS);
    const rowspan = span(attrs.get('rowspan'), 65_536);
    if (colspan > 1 || rowspan > 1) {
      t.merges.push({
        top: t.row,
        left: t.nextColumn + 1,
        bottom: t.row + rowspan - 1,
        right: Math.min(t.nextColumn + colspan, MAX_COLUMNS),
      });
    }
    if (rowspan > 1) {
      for (let c = t.nextColumn; c < Math.min(t.nextColumn + colspan, MAX_COLUMNS); c++) {
        t.spannedUntil[c] = t.row + rowspan - 1;
      }
    }
    t.nextColumn += colspan;
  }

  endCell(t: TableState): void {
    const cell = t.cell;
    if (cell === null) return;
    t.cell = null;
    const value = cellValue(cell);
    if (value === null) return;
    if (cell.column >= MAX_COLUMNS) {
      this.clipped++;
      return;
    }
    let gridRow = this.rows.get(t.row);
    if (gridRow === undefined) {
      gridRow = { row: t.row, cells: [] };
      this.rows.set(t.row, gridRow);
    }
    while (gridRow.cells.length < cell.column) gridRow.cells.push(null);
    gridRow.cells[cell.column] = value;
  }

  column(t: TableState, attrs: Map<string, string>): void {
    const n = span(attrs.get('span'), MAX_COLUMNS);
    if (hiddenStyle(attrs))
      for (let c = t.colCount; c < Math.min(t.colCount + n, MAX_COLUMNS); c++) this.hiddenColumns.add(c);
    t.colCount += n;
  }

  endTable(t: TableState): void {
    if (t.row !== 0) this.endRow(t);
    const lastRow = this.nextRow - 1;
    for (const m of t.merges) this.merges.push({ ...m, bottom: Math.min(m.bottom, lastRow) });
  }

  finish(name: string, maxMergedCells: number): Grid | { message: string } {
    const filled = fillMerges(this.rows, this.merges, maxMergedCells);
    if ('message' in filled) return filled;
    const rows = [...this.rows.values()].filter((r) => r.cells.some((c) => c !== null)).sort((a, b) => a.row - b.row);
    const grid: Grid = { name, rows, merges: filled.merges };
    if (this.hiddenColumns.size > 0) grid.hiddenColumns = [...this.hiddenColumns].sort((a, b) => a - b);
    if (this.clipped > 0) grid.notes = [clippedColumnsNote(this.clipped)];
    return grid;
  }
}

function cellValue(cell: CellState): CellValue {
  const text = collapse(cell.text);
  if (text === '') return null;
  const num = cell.attrs.get('x:num');
  if (num !== undefined && /^[-+]?[\d,.]+(?:[eE][-+]?\d+)?%?$/.test(text)) {
    const n = Number(num === '' ? text.replace(/,/g, '') : num);
    if (Number.isFinite(n)) return n;
  }
  return text;
}

/** White space as a browser shows it: runs collapse to one space (a line break when the run holds one), ends trimmed. One pass. */
function collapse(s: string): string {
  let out = '';
  let pending: '' | ' ' | '\n' = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\n') pending = '\n';
    else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\u00a0') {
      if (pending === '') pending = ' ';
    } else {
      if (pending !== '' && out !== '') out += pending;
      pending = '';
      out += ch;
    }
  }
  return out;
}

function span(raw: string | undefined, max: number): number {
  const n = raw === undefined ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function hiddenStyle(attrs: Map<string, string>): boolean {
  return /display\s*:\s*none/i.test(attrs.get('style') ?? '');
}

interface Tag {
  name: string;
  closing: boolean;
  attrs: Map<string, string>;
  /** Index just past the `>`. */
  end: number;
}

/**
 * Reads the tag starting at `html[lt] === '<'`: its lower-case name, whether it closes, and its
 * attributes (quoted, unquoted or bare). Null when `<` does not start a tag (`a < b`).
 */
function readTag(html: string, lt: number): Tag | null {
  let i = lt + 1;
  const closing = html[i] === '/';
  if (closing) i++;
  const nameStart = i;
  while (i < html.length && /[A-Za-z0-9:_-]/.test(html[i]!)) i++;
  if (i === nameStart) {
    if (html[nameStart] === '!' || html[nameStart] === '?') {
      const end = html.indexOf('>', nameStart);
      return { name: '!', closing: false, attrs: new Map(), end: end === -1 ? html.length : end + 1 };
    }
    return null;
  }
  const name = html.slice(nameStart, i).toLowerCase();
  const attrs = new Map<string, string>();
  while (i < html.length) {
    while (i < html.length && /[\s/]/.test(html[i]!)) i++;
    if (i >= html.length) break;
    if (html[i] === '>') return { name, closing, attrs, end: i + 1 };
    const keyStart = i;
    while (i < html.length && !/[\s/>=]/.test(html[i]!)) i++;
    const key = html.slice(keyStart, i).toLowerCase();
    while (i < html.length && /\s/.test(html[i]!)) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && /\s/.test(html[i]!)) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const end = close === -1 ? html.length : close;
        value = html.slice(i + 1, end);
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !/[\s>]/.test(html[i]!)) i++;
        value = html.slice(valueStart, i);
      }
    }
    if (key !== '' && !attrs.has(key)) attrs.set(key, decodeEntities(value));
    if (i === keyStart) i++; // never stall
  }
  return { name, closing, attrs, end: html.length };
}

/** Index just past `</name>` (case-insensitive), or the end of the text. */
function skipTo(html: string, from: number, name: string): number {
  const re = new RegExp(`</${name}\\s*>`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m === null ? html.length : m.index + m[0].length;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  yen: '¥',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  times: '×',
  radic: '√',
  ensp: ' ',
  emsp: ' ',
};

/** `&nbsp;`, `&amp;`, `&#20013;`, `&#x4E2D;` and the named entities above; anything else kept as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});?/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
