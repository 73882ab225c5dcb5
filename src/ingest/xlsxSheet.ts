import type { CellValue } from '../schemas/table.ts';
import { clippedColumnsNote, fillMerges, MAX_COLUMNS, type Grid, type GridRow, type MergeRange } from './grid.ts';
import { detachString, forEachAttr, type XmlSink } from './xmlScan.ts';

/**
 * Reads one worksheet's XML, fed in chunks, into a {@link Grid} that is the same, cell for cell,
 * as exceljs 4.4's whole-file reader gives through `sheetToGrid` (`xlsx.ts`), without building
 * exceljs's model: one pass over `<sheetData>`, then merges and hyperlinks.
 *
 * Cell values, as exceljs reads them: `t="s"` the shared string; `str` the text (exceljs decodes
 * entities a second time); `inlineStr` the inline text or its rich-text runs; `b` a boolean; `e`
 * `{ error }`; anything else a number, a date when the cell's style has a date format (1900 or
 * 1904 system). A formula cell gives its cached result (none → null). A cell with an external
 * hyperlink gives its text (a number or boolean under a link gives null, as in exceljs). Every
 * cell of a merged range takes the top-left cell's value (even null), then `fillMerges` cuts the
 * ranges to the sheet's content as for every reader. Cells right of {@link MAX_COLUMNS} are left
 * out and counted in a note.
 */

/** Limits checked while reading, so a huge sheet stops early. */
export interface SheetLimits {
  /** Most rows (Excel row numbers) a sheet may have. */
  maxRows: number;
  /** Non-empty cells the workbook may still have; shared by its sheets, counted down. */
  budget: { cells: number };
}

/** The sheet has more rows, or the workbook more cells, than {@link SheetLimits} allow. */
export class SheetTooLarge extends Error {
  readonly reason: 'rows' | 'cells';
  constructor(reason: 'rows' | 'cells') {
    super(reason === 'rows' ? '工作表行数超过上限' : '工作簿单元格数超过上限');
    this.reason = reason;
  }
}

type Merge = MergeRange;

/** Cells right of {@link MAX_COLUMNS} are remembered (for an exact note) up to this many. */
const CLIPPED_KEPT = 100_000;
const at = (row: number, col: number) => row * 16_385 + col;

/** What the sheet reader needs from the rest of the workbook. */
export interface SheetContext {
  name: string;
  hidden: boolean;
  sharedStrings: readonly (string | null)[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Relationship ids of the sheet that are external hyperlinks with a target. */
  hyperlinkRels: ReadonlySet<string>;
  limits: SheetLimits;
}

/** What text the reader is collecting. */
const CAPTURE = { none: 0, v: 1, t: 2, f: 3, runT: 4 } as const;

/** The sheet reader; push the XML through an `XmlScanner`, then call {@link SheetSink.grid}. */
export class SheetSink implements XmlSink {
  wantsText = false;
  private readonly ctx: SheetContext;
  private rows: GridRow[] = [];
  /** Rows that hold no value but are hidden (a merge may fill them). */
  private hiddenEmpty = new Set<number>();
  private merges: Merge[] = [];
  private hyperlinks: string[] = [];
  private colDefs: { min: number; max: number; hidden: boolean }[] = [];
  private columnCount = 0;
  /** Values right of {@link MAX_COLUMNS}, by position (while few), and how many there were. */
  private clipped = new Map<number, CellValue>();
  private clippedCount = 0;
  /** Cells the merged ranges cover, as written, and the largest range (for `checkXlsxContent`'s limit). */
  mergedCells = 0;
  largestMerge = { ref: '', cells: 0 };

  // Current row.
  private inSheetData = false;
  private rowNumber = 0;
  private rowHidden = false;
  private cells: CellValue[] = [];
  private rowMaxCol = 0;
  private rowHasValues = false;

  // Current cell.
  private col = 0;
  private style = 0;
  private type = '';
  private value: string | undefined;
  private formula = false;
  private runs: string[] | null = null;
  private runText: string | undefined;
  private capture: number = CAPTURE.none;
  private inRun = false;
  private inPhonetic = false;
  private pieces: string[] = [];

  constructor(ctx: SheetContext) {
    this.ctx = ctx;
  }

  open(name: string, attrs: string): void {
    if (this.inSheetData) {
      switch (name) {
        case 'c':
          return this.openCell(attrs);
        case 'v':
          this.startCapture(CAPTURE.v);
          return;
        case 'f':
          this.formula = this.formula || /\bt\s*=\s*["'][^"']/.test(attrs);
          this.startCapture(CAPTURE.f);
          return;
        case 't':
          if (this.inPhonetic) return;
          this.startCapture(this.inRun ? CAPTURE.runT : CAPTURE.t);
          return;
        case 'r':
          this.inRun = true;
          this.runText = undefined;
          return;
        case 'rPh':
          this.inPhonetic = true;
          return;
        case 'row':
          return this.openRow(attrs);
      }
      return;
    }
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'col':
        return this.openCol(attrs);
      case 'mergeCell':
        return this.openMerge(attrs);
      case 'hyperlink':
        return this.openHyperlink(attrs);
    }
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'v':
      case 't':
      case 'f':
        if (this.capture !== CAPTURE.none) this.endCapture();
        return;
      case 'r':
        this.inRun = false;
        (this.runs ??= []).push(this.runText ?? '');
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'c':
        return this.closeCell();
      case 'row':
        return this.closeRow();
      case 'sheetData':
        this.inSheetData = false;
        return;
    }
  }

  text(text: string): void {
    this.pieces.push(text);
  }

  private startCapture(what: number): void {
    this.capture = what;
    this.pieces.length = 0;
    this.wantsText = true;
  }

  private endCapture(): void {
    const text = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    const what = this.capture;
    this.capture = CAPTURE.none;
    this.wantsText = false;
    if (what === CAPTURE.f) {
      if (text !== '') this.formula = true;
    } else if (what === CAPTURE.runT) {
      this.runText = unescapeX(text);
    } else if (text !== '') {
      this.value = this.value === undefined ? text : this.value + text;
    }
  }

  private openRow(attrs: string): void {
    let r = NaN;
    let hidden = false;
    forEachAttr(attrs, (k, v) => {
      if (k === 'r') r = parseInt(v, 10);
      else if (k === 'hidden') hidden = v === '1' || v === 'true';
    });
    this.rowNumber = Number.isFinite(r) && r > 0 ? r : this.rowNumber + 1;
    if (this.rowNumber > this.ctx.limits.maxRows) throw new SheetTooLarge('rows');
    this.rowHidden = hidden;
    this.cells = [];
    this.rowMaxCol = 0;
    this.rowHasValues = false;
    this.col = 0;
  }

  private closeRow(): void {
    const cells = this.cells;
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (this.rowHasValues && this.rowMaxCol > this.columnCount) this.columnCount = this.rowMaxCol;
    if (cells.length === 0) {
      if (this.rowHidden) this.hiddenEmpty.add(this.rowNumber);
      return;
    }
    const row: GridRow = { row: this.rowNumber, cells };
    if (this.rowHidden) row.hidden = true;
    this.rows.push(row);
  }

  private openCell(attrs: string): void {
    let col = 0;
    let style = 0;
    let type = '';
    forEachAttr(attrs, (k, v) => {
      if (k === 'r') col = columnOf(v);
      else if (k === 's') style = parseInt(v, 10);
      else if (k === 't') type = v;
    });
    this.col = col > 0 ? col : this.col + 1;
    this.style = style;
    this.type = type;
    this.value = undefined;
    this.formula = false;
    this.runs = null;
    this.inRun = false;
    this.inPhonetic = false;
  }

  private closeCell(): void {
    let v: CellValue = null;
    let present = true;
    const text = this.value;
    const date = this.style ? this.ctx.dateStyles[this.style] === true : false;
    if (this.formula) {
      if (text) {
        switch (this.type) {
          case 'str':
            v = date ? dayOf(excelMs(Number(xmlDecode(text)), this.ctx.date1904)) : str(xmlDecode(text));
            break;
          case 'b':
            v = date ? dayOf(excelMs(parseInt(text, 10) !== 0 ? 1 : 0, this.ctx.date1904)) : parseInt(text, 10) !== 0;
            break;
          case 'e':
            v = date ? null : { error: text };
            break;
          default:
            v = number(parseFloat(text), date, this.ctx.date1904);
        }
      }
    } else if (text !== undefined || this.runs !== null) {
      switch (this.type) {
        case 's':
          v = text === undefined ? null : (this.ctx.sharedStrings[parseInt(text, 10)] ?? null);
          break;
        case 'str':
          v = text === undefined ? null : str(xmlDecode(text));
          break;
        case 'inlineStr':
          v = text !== undefined ? str(text) : str(this.runs!.join(''));
          break;
        case 'b':
          v = text === undefined ? null : parseInt(text, 10) !== 0;
          break;
        case 'e':
          v = text === undefined ? null : { error: text };
          break;
        default:
          v = text === undefined ? null : number(parseFloat(text), date, this.ctx.date1904);
      }
    } else {
      // exceljs: a cell with a style and no value is "null"; one without either is a merge stub.
      present = !this.style;
    }
    const col = this.col;
    if (col > this.rowMaxCol) this.rowMaxCol = col;
    if (present) this.rowHasValues = true;
    const cells = this.cells;
    if (col > MAX_COLUMNS) {
      const k = at(this.rowNumber, col);
      if (v !== null && !this.clipped.has(k)) this.clippedCount++;
      else if (v === null && this.clipped.has(k)) this.clippedCount--;
      if (v !== null && this.clipped.size < CLIPPED_KEPT) this.clipped.set(k, v);
      else this.clipped.delete(k);
    } else if (v !== null) {
      if (--this.ctx.limits.budget.cells < 0) throw new SheetTooLarge('cells');
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = v;
    } else if (col <= cells.length) {
      cells[col - 1] = null;
    }
  }

  private openCol(attrs: string): void {
    let min = NaN;
    let max = NaN;
    let hidden = false;
    forEachAttr(attrs, (k, v) => {
      if (k === 'min') min = parseInt(v, 10);
      else if (k === 'max') max = parseInt(v, 10);
      else if (k === 'hidden') hidden = v === '1' || v === 'true';
    });
    this.colDefs.push({ min, max, hidden });
  }

  private openMerge(attrs: string): void {
    let ref = '';
    forEachAttr(attrs, (k, v) => {
      if (k === 'ref') ref = v;
    });
    const [a, b = a] = ref.split(':');
    const p = cellRef(a ?? '');
    const q = cellRef(b ?? '');
    if (p === null || q === null) return;
    const m = {
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
    this.merges.push(m);
    const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    this.mergedCells += cells;
    if (cells > this.largestMerge.cells) this.largestMerge = { ref, cells };
  }

  private openHyperlink(attrs: string): void {
    let ref = '';
    let rid = '';
    forEachAttr(attrs, (k, v) => {
      if (k === 'ref') ref = v;
      else if (k === 'id' || k.endsWith(':id')) rid = v;
    });
    if (ref !== '' && rid !== '' && this.ctx.hyperlinkRels.has(rid)) this.hyperlinks.push(ref);
  }

  /**
   * The finished grid. Call only after the workbook's merged-cell limit was checked against
   * {@link mergedCells}. Throws when merged ranges overlap (exceljs refuses such a sheet too).
   */
  grid(): Grid {
    const byRow = new Map<number, GridRow>();
    for (const r of this.rows) byRow.set(r.row, r); // a repeated row number: the last one counts
    for (const ref of this.hyperlinks) {
      // exceljs matches a link to a cell by the address exactly as written (`J6`).
      const p = /^[A-Z]{1,3}\d+$/.test(ref) ? cellRef(ref) : null;
      if (p === null) continue;
      const underLink = (v: CellValue | undefined) => typeof v === 'number' || typeof v === 'boolean';
      if (p.col > MAX_COLUMNS) {
        const k = at(p.row, p.col);
        if (underLink(this.clipped.get(k))) {
          this.clipped.delete(k);
          this.clippedCount--;
        }
        continue;
      }
      const cells = byRow.get(p.row)?.cells;
      if (cells !== undefined && underLink(cells[p.col - 1])) cells[p.col - 1] = null;
    }
    const merges = this.spreadMerges(byRow);
    for (const r of byRow.values()) {
      const c = r.cells;
      while (c.length > 0 && c[c.length - 1] === null) c.pop();
    }
    const filled = fillMerges(byRow, merges, Number.MAX_SAFE_INTEGER, (r) => this.hiddenEmpty.has(r));
    if ('message' in filled) throw new Error(filled.message);
    const rows = [...byRow.values()].filter((r) => r.cells.length > 0).sort((a, b) => a.row - b.row);
    const grid: Grid = { name: this.ctx.name, rows, merges: filled.merges };
    const hidden = this.hiddenColumns(merges);
    if (hidden.length > 0) grid.hiddenColumns = hidden;
    if (this.ctx.hidden) grid.hidden = true;
    if (this.clippedCount > 0) grid.notes = [clippedColumnsNote(this.clippedCount)];
    return grid;
  }

  /**
   * exceljs's merge semantics: every cell of a range takes the master's value (null included);
   * rows inside a range are created. Returns the ranges sorted, as `fillMerges` wants them.
   */
  private spreadMerges(byRow: Map<number, GridRow>): Merge[] {
    const merges = [...this.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i]!;
      for (let j = i + 1; j < merges.length && merges[j]!.top <= m.bottom; j++) {
        const o = merges[j]!;
        if (o.left <= m.right && o.right >= m.left) throw new Error('合并单元格互相重叠');
      }
    }
    const exact = this.clipped.size === this.clippedCount;
    for (const m of merges) {
      const master =
        m.left > MAX_COLUMNS
          ? (this.clipped.get(at(m.top, m.left)) ?? null)
          : (byRow.get(m.top)?.cells[m.left - 1] ?? null);
      const right = Math.min(m.right, MAX_COLUMNS);
      for (let r = m.top; r <= m.bottom; r++) {
        // Cells right of the limit: a slave counts in the note when its master has a value.
        if (m.right > MAX_COLUMNS && exact) {
          for (let c = Math.max(m.left, MAX_COLUMNS + 1); c <= m.right; c++) {
            if (r === m.top && c === m.left) continue;
            const had = this.clipped.has(at(r, c));
            if (master !== null && !had) this.clippedCount++;
            else if (master === null && had) this.clippedCount--;
          }
        }
        if (m.left > MAX_COLUMNS) continue;
        let row = byRow.get(r);
        if (row === undefined) {
          if (master === null) continue;
          row = { row: r, cells: [] };
          if (this.hiddenEmpty.has(r)) row.hidden = true;
          byRow.set(r, row);
        }
        const cells = row.cells;
        if (master === null && cells.length < m.left) continue;
        while (cells.length < right) cells.push(null);
        for (let c = m.left; c <= right; c++) cells[c - 1] = master;
      }
    }
    return merges;
  }

  /** exceljs lists hidden columns up to the widest row that has a value (or merge), at most {@link MAX_COLUMNS}. */
  private hiddenColumns(merges: readonly Merge[]): number[] {
    if (!this.colDefs.some((d) => d.hidden)) return [];
    let count = this.columnCount;
    for (const m of merges) if ((m.bottom > m.top || m.right > m.left) && m.right > count) count = m.right;
    count = Math.min(count, MAX_COLUMNS);
    const defs = [...this.colDefs].sort((a, b) => a.min - b.min);
    const hidden: boolean[] = [];
    let next = 1;
    for (const d of defs) {
      while (next < d.min && next <= count) hidden[next++] = false;
      while (next <= d.max && next <= count) hidden[next++] = d.hidden;
      if (next > count) break;
    }
    const out: number[] = [];
    for (let c = 1; c <= count; c++) if (hidden[c] === true) out.push(c - 1);
    return out;
  }
}

function str(s: string): string | null {
  return s.trim() === '' ? null : detachString(s);
}

function number(n: number, date: boolean, date1904: boolean): CellValue {
  if (date) return dayOf(excelMs(n, date1904));
  return Number.isFinite(n) ? n : null;
}

/** exceljs's `excelToDate` in milliseconds. */
function excelMs(serial: number, date1904: boolean): number {
  return Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
}

/** The calendar day (UTC midnight) of an instant, as `xlsx.ts` keeps dates; null if invalid. */
function dayOf(ms: number): Date | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(Math.floor(ms / 86_400_000) * 86_400_000);
}

/** exceljs decodes entities in `t="str"` text once more. */
function xmlDecode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([a-z]*);/g, (c) =>
    c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c,
  );
}

function unescapeX(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}

/** Column number of an A1 reference (`AB12` → 28), 0 if none. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) col = col * 26 + (k - 64);
    else if (k >= 97 && k <= 122) col = col * 26 + (k - 96);
    else break;
  }
  return col;
}

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (m === null) return null;
  return { col: columnOf(m[1]!), row: Number(m[2]) };
}
