// The data stage's memory measures for large sheets (issue 12): each keeps results identical.
import { describe, expect, test } from 'vitest';
import type { Grid } from '../src/ingest/grid.ts';
import { eachSplitRow, reconcileTotals, splitRows } from '../src/ingest/rows.ts';
import { locateTable } from '../src/ingest/header.ts';
import { detachString } from '../src/ingest/xmlScan.ts';
import { WeakValueCache } from '../src/schemas/weakValueCache.ts';
import type { CellValue, SplitRow } from '../src/schemas/table.ts';

const grid = (): Grid => ({
  name: 'S',
  merges: [],
  rows: [
    { row: 1, cells: ['项目名称', '总投资（亿元）', '签约日期', '责任单位'] },
    { row: 2, cells: ['甲', 1, '2025-10-01', '一科'] },
    { row: 3, cells: ['乙', 2, '2025-10-02', '一科'] },
    { row: 4, cells: ['小计', 3, null, null] },
    { row: 5, cells: ['丙', 4, '2025-10-03', '二科'] },
    { row: 6, cells: ['小计', 5, null, null] },
    { row: 7, cells: ['合计', 8, null, null] },
  ],
});

describe('rows one at a time', () => {
  test('eachSplitRow gives what splitRows gives; with release the grid rows below the header are dropped', () => {
    const g = grid();
    const layout = locateTable(g, 'signed')!;
    const all = splitRows(g, layout);
    const released = grid();
    const one = [...eachSplitRow(released, layout, true)];
    expect(one).toEqual(all);
    expect(released.rows[0]!.cells[0]).toBe('项目名称'); // the header row is kept
    expect(released.rows.slice(1).every((r) => r.cells.length === 0)).toBe(true);
  });

  test('reconcileTotals from an iterable: 小计 3 = 1+2 is right, 小计 5 ≠ 4 and 合计 8 ≠ 1+2+4 = 7', () => {
    const g = grid();
    const layout = locateTable(g, 'signed')!;
    const num = (v: CellValue) => (typeof v === 'number' ? v : null);
    function* rows(): Generator<SplitRow> {
      yield* splitRows(g, layout);
    }
    expect(reconcileTotals(rows(), ['investment'], num)).toEqual([
      { row: 6, field: 'investment', stated: 5, computed: 4, covered: 1 },
      { row: 7, field: 'investment', stated: 8, computed: 7, covered: 3 },
    ]);
  });
});

describe('strings and caches', () => {
  test('detachString keeps the characters', () => {
    const chunk = `${'<x/>'.repeat(10_000)}企业123456科技有限公司</t>`;
    const cut = chunk.slice(40_000, 40_014);
    expect(cut).toBe('企业123456科技有限公司');
    expect(detachString(cut)).toBe(cut);
    expect(detachString('短')).toBe('短');
  });

  test('WeakValueCache returns the value set in the same job', () => {
    const cache = new WeakValueCache<object, number[]>();
    const key = {};
    const value = [1, 2];
    cache.set(key, value);
    expect(cache.get(key)).toBe(value);
    expect(cache.get({})).toBeUndefined();
  });
});
