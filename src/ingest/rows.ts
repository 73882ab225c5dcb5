import { compactText, foldText, normalizeHeader } from '../normalize/text.ts';
import { type Grid, type GridRow } from './grid.ts';
import { cellText, type CellValue, type SplitRow } from '../schemas/table.ts';
import type { TableLayout } from '../schemas/table.ts';
import { minOf } from '../schemas/arrays.ts';

/**
 * Row splitting below a located header (contract §2, §8): every non-empty row is data, a
 * 合计/小计 row, a note, or a repeated header; the last three are skipped but accounted for.
 */

/** A 合计/小计 row whose figure differs from the sum of the rows it covers. */
export interface TotalMismatch {
  /** Row number of the 合计/小计 row. */
  row: number;
  /** Field key, e.g. `investment`. */
  field: string;
  /** Figure on the total row, in the column's own unit. */
  stated: number;
  /** Sum of the covered data rows, in the same unit. */
  computed: number;
  /** Number of data rows the total covers. */
  covered: number;
}

const TOTAL_START = /^(合计|小计|总计|共计|总合计|全部合计|累计合计)/;
const TOTAL_END = /(合计|小计|总计)$/;
const TOTAL_COUNT = /^共\d+(个|项|条)/;
const NOTE_START =
  /^(注\d*|备注|说明|填报人|填表人|审核人|审核|制表|制表人|统计人|负责人|单位负责人|分管领导|联系人|联系电话|电话|填报日期|制表日期|填报时间|报送时间)[:：]/;
/** What a text needs to match a total pattern (above) or `NOTE_START` once folded: a cheap test first. */
const MAY_BE_TOTAL = /[计共]/;
const MAY_BE_NOTE = /[:：]/;
const SEQ_HEADERS = new Set(['序号', 'no', 'no.', '序列']);
/** Sentence punctuation: a lone cell with it reads as prose, not as a project name. */
const PROSE = /[，。；：,;:]/;

/**
 * Splits the rows below the header. Rules, in order:
 * - a row whose only values are copies from a vertical merge above, or only a 序号, is empty and
 *   not returned (a template numbered down to row 200 holds no data);
 * - `total`: 合计/小计/总计/共计 (spaces allowed: `合 计`) in the 序号 or name column or the row's first
 *   text cell; also `经开区小计`;
 * - `header`: a repeat of the header (page-break copy) or a column-number row `1 2 3 4 …`;
 * - `note`: first text starts with `注：`, `填报人：`, `审核人：`, `联系电话：`, `制表：`, `说明：` …, or the
 *   row's only value is text merged across columns, or text in a column that is no field (序号), or
 *   prose (with ，。；：) in the first column;
 * - otherwise `data` (an incomplete row is still data: it is rejected later, not hidden).
 *
 * @example splitRows(grid, layout).filter((r) => r.status === 'data').length // 35
 */
export function splitRows(grid: Grid, layout: TableLayout): SplitRow[] {
  return [...eachSplitRow(grid, layout)];
}

/**
 * {@link splitRows} one row at a time, so that a caller that consumes each row at once (the data
 * stage) never holds a second copy of a large sheet. With `release`, each grid row is dropped from
 * `grid.rows` once it has been split (the caller owns the grid and reads it no more).
 */
export function* eachSplitRow(grid: Grid, layout: TableLayout, release = false): Generator<SplitRow> {
  const copies = mergeCopies(grid);
  const seqIndexes = new Set(
    layout.columns
      .filter((c) => c.field === null && SEQ_HEADERS.has(headerKey(c.header).toLowerCase()))
      .map((c) => c.index),
  );
  const fieldColumns = layout.columns.filter((c): c is typeof c & { field: string } => c.field !== null);
  const nameIndex = layout.columns.find((c) => c.field === 'name')?.index;
  const firstIndex = minOf(layout.columns.map((c) => c.index));
  const headerTexts = layout.columns.map((c) => {
    const leaf = headerKey(c.header);
    const group = c.group !== undefined ? headerKey(c.group) : null;
    return { index: c.index, leaf, group, probes: probes(leaf, group) };
  });

  for (let i = layout.dataStartIndex; i < grid.rows.length; i++) {
    const gridRow = grid.rows[i]!;
    if (release) grid.rows[i] = RELEASED;
    const own: Cell[] = [];
    const cells = gridRow.cells;
    for (let index = 0; index < cells.length; index++) {
      const value = cells[index];
      if (value === null || value === undefined) continue;
      if (copies.size === 0 || copies.get(key(gridRow.row, index)) !== 'vertical') own.push({ index, value });
    }
    if (own.every((c) => seqIndexes.has(c.index) && typeof c.value === 'number')) continue;

    const values: Record<string, CellValue> = {};
    for (const c of fieldColumns) values[c.field] = cells[c.index] ?? null;
    const split: SplitRow = { row: gridRow.row, status: 'data', values };
    if (gridRow.hidden === true) split.hidden = true;
    Object.assign(split, classify(cells, own, copies, gridRow.row));
    yield split;
  }

  /** At least half the header's cells (and 2) repeated as text: a page-break copy of the header. */
  function isRepeatedHeader(cells: readonly CellValue[]): boolean {
    const needed = Math.max(2, Math.ceil(headerTexts.length / 2));
    let repeats = 0;
    let left = headerTexts.length;
    for (const { index, leaf, group, probes } of headerTexts) {
      left--;
      const cell = cells[index] ?? null;
      // Header cells are text: a number, date or empty cell never repeats one (and costs nothing);
      // nor does a text without the character each header text must keep (see `probes`).
      if (typeof cell === 'string' && (probes === null || probes.some((ch) => cell.includes(ch)))) {
        const v = headerKey(cell);
        if (v !== '' && (v === leaf || v === group)) repeats++;
      }
      if (repeats >= needed) return true;
      if (repeats + left < needed) return false;
    }
    return false;
  }

  function classify(
    cells: readonly CellValue[],
    own: Cell[],
    copies: Map<number, 'vertical' | 'horizontal'>,
    row: number,
  ): Pick<SplitRow, 'status' | 'reason' | 'total'> {
    // Only the first text cell, the 序号 column and the name column can carry a 合计 label.
    const strings = own.filter((c) => typeof c.value === 'string');
    // Each pattern holds 计 or 共, which folding and compacting never make nor remove.
    const labels = strings
      .filter((c, k) => k === 0 || seqIndexes.has(c.index) || c.index === nameIndex)
      .filter((c) => MAY_BE_TOTAL.test(c.value as string))
      .map((c) => ({ index: c.index, text: compactText(c.value as string) }));
    const label = labels.find((t) => TOTAL_START.test(t.text) || TOTAL_END.test(t.text) || TOTAL_COUNT.test(t.text));
    if (label !== undefined) {
      const sub = label.text.includes('小计');
      return { status: 'total', total: sub ? 'subtotal' : 'grand', reason: sub ? '小计行' : '合计行' };
    }
    if (isRepeatedHeader(cells)) return { status: 'header', reason: '重复的表头行' };
    if (isColumnNumberRow(own)) return { status: 'header', reason: '列编号行' };
    const first = own[0]!;
    if (typeof first.value === 'string' && MAY_BE_NOTE.test(first.value) && NOTE_START.test(compactText(first.value)))
      return { status: 'note', reason: '表尾注释' };
    const masters = own.filter((c) => copies.get(key(row, c.index)) !== 'horizontal');
    if (masters.length === 1 && typeof masters[0]!.value === 'string') {
      const index = masters[0]!.index;
      const text = foldText(masters[0]!.value as string);
      const merged = own.length > 1;
      const noField = (layout.columns.find((c) => c.index === index)?.field ?? null) === null;
      if (merged || noField || (index === firstIndex && (PROSE.test(text) || text.length >= 40)))
        return { status: 'note', reason: '说明或分组标题行' };
    }
    return { status: 'data' };
  }
}

/** What a released grid row is replaced by (see {@link eachSplitRow}). */
const RELEASED: GridRow = Object.freeze({ row: 0, cells: Object.freeze([]) as unknown as CellValue[] });

interface Cell {
  index: number;
  value: CellValue;
}

const key = (row: number, index: number): number => row * 20_000 + index;

/**
 * Cells that hold a copy of a merge master: `vertical` when the merge starts in a row above,
 * `horizontal` when it starts in a column to the left of the same row.
 */
function mergeCopies(grid: Grid): Map<number, 'vertical' | 'horizontal'> {
  const map = new Map<number, 'vertical' | 'horizontal'>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r > m.top) map.set(key(r, c - 1), 'vertical');
        else if (c > m.left) map.set(key(r, c - 1), 'horizontal');
      }
    }
  }
  return map;
}

/**
 * Compares each 合计/小计 row with the data rows it covers: a 小计 the rows since the previous
 * 小计 (or 合计), a 合计/总计 all data rows above it. Values are compared in the column's own unit
 * with a tolerance of 0.01; a total cell that `parse` cannot read is not compared.
 *
 * @param parse reads a cell as a number in the column's unit, e.g. `5亿` → 5 in a 亿元 column
 * @example reconcileTotals(rows, ['investment'], parse) // [{ row: 40, field: 'investment', stated: 120, computed: 118.5, covered: 35 }]
 */
export function reconcileTotals(
  rows: Iterable<SplitRow>,
  numericFields: readonly string[],
  parse: (v: CellValue) => number | null,
): TotalMismatch[] {
  const totals = new TotalsCollector(numericFields);
  for (const row of rows) totals.add(row);
  return totals.mismatches(numericFields, parse);
}

/**
 * What {@link reconcileTotals} needs of the rows, taken one row at a time: the cells of the
 * numeric fields of the data rows (one array per field, the cells themselves, not copies) and the
 * 合计/小计 rows with where they stand among the data rows.
 */
export class TotalsCollector {
  private readonly columns = new Map<string, CellValue[]>();
  private dataRows = 0;
  private readonly totals: { row: SplitRow; since: number; upTo: number }[] = [];
  private since = 0;

  constructor(numericFields: readonly string[]) {
    for (const f of numericFields) this.columns.set(f, []);
  }

  /** True once a 合计/小计 row has been seen (without one there is nothing to compare). */
  get hasTotals(): boolean {
    return this.totals.length > 0;
  }

  add(row: SplitRow): void {
    if (row.status === 'data') {
      for (const [f, column] of this.columns) column.push(row.values[f] ?? null);
      this.dataRows++;
      return;
    }
    if (row.status !== 'total') return;
    this.totals.push({ row, since: this.since, upTo: this.dataRows });
    this.since = this.dataRows;
  }

  /** The mismatches of `fields` (each collected), total row by total row, as `reconcileTotals` gives them. */
  mismatches(fields: readonly string[], parse: (v: CellValue) => number | null): TotalMismatch[] {
    const out: TotalMismatch[] = [];
    for (const { row, since, upTo } of this.totals) {
      const from = row.total === 'subtotal' ? since : 0;
      if (upTo - from === 0) continue;
      for (const field of fields) {
        const stated = parse(row.values[field] ?? null);
        if (stated === null) continue;
        const column = this.columns.get(field) ?? [];
        let computed = 0;
        for (let i = from; i < upTo; i++) computed += parse(column[i] ?? null) ?? 0;
        if (Math.abs(stated - computed) > 0.01 + 1e-9)
          out.push({ row: row.row, field, stated, computed, covered: upTo - from });
      }
    }
    return out;
  }
}

/** A row `1 2 3 4 …` (or `(1) (2) …`) under the header, numbering the columns. */
function isColumnNumberRow(own: readonly Cell[]): boolean {
  if (own.length < 3) return false;
  let previous = 0;
  for (let k = 0; k < own.length; k++) {
    const v = own[k]!.value;
    const n = typeof v === 'number' ? v : Number(cellText(v).replace(/[()（）]/g, ''));
    if (!Number.isInteger(n) || (k === 0 ? n > 2 : n !== previous + 1)) return false;
    previous = n;
  }
  return true;
}

/**
 * Characters a cell must contain for its {@link headerKey} to equal `leaf` or `group`: the first
 * character above ASCII of each (null when one has none: no cheap test then). The key only drops
 * characters and folds full-width forms to ASCII, so any other character of the key is in the
 * cell as written.
 */
function probes(leaf: string, group: string | null): string[] | null {
  const out: string[] = [];
  for (const text of group === null ? [leaf] : [leaf, group]) {
    if (text === '') continue;
    const ch = [...text].find((c) => c.codePointAt(0)! > 0x7e);
    if (ch === undefined) return null;
    out.push(ch);
  }
  return out;
}

/** Normalised header text of a cell, for comparing a row with the header (repeated header rows). */
function headerKey(v: CellValue): string {
  return v === null ? '' : normalizeHeader(cellText(v)).name;
}
