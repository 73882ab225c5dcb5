import { FIELDS, type TableKind } from '../schemas/fields.ts';
import type { TableColumn, TableLayout } from '../schemas/table.ts';
import { foldText, normalizeHeader } from '../normalize/text.ts';
import { type Grid, type GridRow } from './grid.ts';
import { cellText } from '../schemas/table.ts';

export { reconcileTotals, splitRows, type TotalMismatch } from './rows.ts';

/**
 * Header detection (contract §2): finds the header row(s) of a table below title rows, 填报单位
 * lines and blank rows, reads a two-row header with merged group cells, and maps each column to a
 * field of the kind (`FIELDS` in `src/schemas/fields.ts`, compared after `normalizeHeader`).
 */

/** How many of the first grid rows are searched for the header (title rows, 填报单位, blank rows). */
export const HEADER_SEARCH_ROWS = 15;

/** Leaf headers under a group that mean "the group's own figure": `总投资` › `合计`. */
const GROUP_TOTAL_LEAVES = new Set(['合计', '小计', '总计', '总额', '金额', '数额', '计']);

type Merge = Grid['merges'][number];

interface Candidate {
  headerIndexes: number[];
  columns: TableColumn[];
  matched: number;
  labelled: number;
  missingRequired: string[];
  requiredFound: number;
}

/**
 * Finds the header of a table of `kind` in the first {@link HEADER_SEARCH_ROWS} rows: the row (or
 * pair of rows) that recognises the most fields. A header is accepted when it has at least two known
 * fields and either all required fields, or at least one required field with known fields making up
 * half of its labelled columns (so that a sheet of another kind is not taken for this one, while a
 * sheet that lacks one required column is still located and reported by `missingRequired`).
 *
 * Two-row headers: when the row above has group cells merged across columns (`投资额` over
 * `总投资（亿元）` and `其中：一期（亿元）`) or cells merged down over both rows, the lower cell is
 * each column's leaf header; a cell merged over both rows keeps its name. A field matched by two
 * columns goes to the first; `其中：…` never matches a field.
 *
 * @param extraAliases more headers per field key, from site.json, e.g. `{ investment: ['协议总投资'] }`
 * @example locateTable(grid, 'signed')?.columns[2] // { index: 2, header: '项目名称', field: 'name', unit: null }
 */
export function locateTable(grid: Grid, kind: TableKind, extraAliases?: Record<string, string[]>): TableLayout | null {
  const aliases = aliasMap(kind, extraAliases);
  const required = FIELDS[kind].filter((f) => f.required);
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  let best: Candidate | null = null;
  for (let i = 0; i < limit; i++) {
    const options = [single(grid, i, aliases, required)];
    const upper = grid.rows[i]!;
    const lower = grid.rows[i + 1];
    if (lower !== undefined && lower.row === upper.row + 1 && isGroupRow(grid, upper, lower)) {
      options.push(pair(grid, i, aliases, required));
    }
    for (const c of options) if (accepted(c) && (best === null || better(c, best))) best = c;
  }
  if (best === null) return null;
  return {
    headerRows: best.headerIndexes.map((i) => grid.rows[i]!.row),
    dataStartIndex: best.headerIndexes[best.headerIndexes.length - 1]! + 1,
    columns: best.columns,
    missingRequired: best.missingRequired,
  };
}

/** normalised header → field key, for one kind. First field wins when two share an alias. */
function aliasMap(kind: TableKind, extra: Record<string, string[]> | undefined): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, key: string): void => {
    const k = normalizeHeader(name).name;
    if (k !== '' && !map.has(k)) map.set(k, key);
  };
  for (const f of FIELDS[kind]) for (const name of [f.label, ...f.aliases]) add(name, f.key);
  for (const [key, names] of Object.entries(extra ?? {})) {
    if (FIELDS[kind].some((f) => f.key === key)) for (const name of names) add(name, key);
  }
  return map;
}

function single(
  grid: Grid,
  i: number,
  aliases: Map<string, string>,
  required: readonly { key: string; label: string }[],
): Candidate {
  const row = grid.rows[i]!;
  const raw: { index: number; leaf: string; group?: string }[] = [];
  row.cells.forEach((cell, index) => {
    if (cell === null || isHorizontalSlave(grid.merges, row.row, index)) return;
    raw.push({ index, leaf: foldText(cellText(cell)) });
  });
  return finish([i], raw, aliases, required);
}

function pair(
  grid: Grid,
  i: number,
  aliases: Map<string, string>,
  required: readonly { key: string; label: string }[],
): Candidate {
  const upper = grid.rows[i]!;
  const lower = grid.rows[i + 1]!;
  const width = Math.max(upper.cells.length, lower.cells.length);
  const raw: { index: number; leaf: string; group?: string }[] = [];
  for (let index = 0; index < width; index++) {
    const up = upper.cells[index] ?? null;
    const down = lower.cells[index] ?? null;
    const vertical = grid.merges.some(
      (m) => m.top <= upper.row && m.bottom >= lower.row && m.left <= index + 1 && m.right >= index + 1,
    );
    if (down === null && up === null) continue;
    if (vertical || down === null) {
      // Merged down over both rows (or nothing below): the upper cell names the column.
      if (isHorizontalSlave(grid.merges, upper.row, index)) continue;
      raw.push({ index, leaf: foldText(cellText(up ?? down)) });
      continue;
    }
    if (isHorizontalSlave(grid.merges, lower.row, index)) continue;
    const entry: { index: number; leaf: string; group?: string } = { index, leaf: foldText(cellText(down)) };
    if (up !== null) entry.group = foldText(cellText(up));
    raw.push(entry);
  }
  return finish([i, i + 1], raw, aliases, required);
}

/** Maps leaves (falling back on group+leaf, then the group alone for `合计`-like leaves) to fields. */
function finish(
  headerIndexes: number[],
  raw: { index: number; leaf: string; group?: string }[],
  aliases: Map<string, string>,
  required: readonly { key: string; label: string }[],
): Candidate {
  const taken = new Set<string>();
  const columns: TableColumn[] = [];
  for (const { index, leaf, group } of raw) {
    if (leaf === '' && group === undefined) continue;
    const leafKey = normalizeHeader(leaf);
    const groupKey = group !== undefined ? normalizeHeader(group) : null;
    let field = aliases.get(leafKey.name) ?? null;
    let header = leaf;
    if (field === null && groupKey !== null) {
      field = aliases.get(groupKey.name + leafKey.name) ?? null;
      if (field === null && (leafKey.name === '' || GROUP_TOTAL_LEAVES.has(leafKey.name))) {
        field = aliases.get(groupKey.name) ?? null;
        if (field !== null) header = leaf === '' ? group! : `${group}·${leaf}`;
      }
    }
    if (field !== null && taken.has(field)) field = null;
    if (field !== null) taken.add(field);
    const column: TableColumn = {
      index,
      header: header === '' ? (group ?? '') : header,
      field,
      unit: leafKey.unit ?? groupKey?.unit ?? null,
    };
    if (group !== undefined) column.group = group;
    columns.push(column);
  }
  const missing = required.filter((f) => !taken.has(f.key));
  return {
    headerIndexes,
    columns,
    matched: taken.size,
    labelled: columns.length,
    missingRequired: missing.map((f) => f.label),
    requiredFound: required.length - missing.length,
  };
}

function accepted(c: Candidate): boolean {
  if (c.matched < 2) return false;
  if (c.missingRequired.length === 0) return true;
  return c.requiredFound >= 1 && c.matched * 2 >= c.labelled;
}

/** Complete before incomplete, then more fields, then a two-row reading over one row, then earlier. */
function better(a: Candidate, b: Candidate): boolean {
  const completeA = a.missingRequired.length === 0 ? 1 : 0;
  const completeB = b.missingRequired.length === 0 ? 1 : 0;
  if (completeA !== completeB) return completeA > completeB;
  if (a.matched !== b.matched) return a.matched > b.matched;
  if (a.headerIndexes.length !== b.headerIndexes.length) return a.headerIndexes.length > b.headerIndexes.length;
  return a.headerIndexes[0]! < b.headerIndexes[0]!;
}

/**
 * True when `upper` reads as the group row of a two-row header above `lower`: some cell is merged
 * down over exactly these two rows, or a group cell is merged across columns with sub-headers below
 * it. A title (`2025年签约项目台账` across the table) or a `填报单位：` line is not a group row.
 */
function isGroupRow(grid: Grid, upper: GridRow, lower: GridRow): boolean {
  // Header cells are text; a row holding numbers or dates is data.
  if (lower.cells.some((c) => c !== null && typeof c !== 'string')) return false;
  const width = Math.max(upper.cells.length, lower.cells.length);
  for (const m of grid.merges) {
    if (m.top === upper.row && m.bottom === lower.row) return true;
    if (m.top !== upper.row || m.bottom !== upper.row || m.right <= m.left) continue;
    const text = cellText(upper.cells[m.left - 1] ?? null);
    if (/[:：]/.test(text) || m.right - m.left + 1 >= Math.max(3, width * 0.8)) continue;
    let below = 0;
    for (let c = m.left; c <= m.right; c++) if ((lower.cells[c - 1] ?? null) !== null) below++;
    if (below >= 2) return true;
  }
  return false;
}

/** True for a cell covered by a merge that starts in a column to its left, in the same row. */
function isHorizontalSlave(merges: readonly Merge[], row: number, index: number): boolean {
  const col = index + 1;
  return merges.some((m) => m.top === row && m.left < col && m.right >= col);
}
