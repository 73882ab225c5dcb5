import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { clippedColumnsNote, type Grid } from '../src/ingest/grid.ts';
import type { CellValue } from '../src/schemas/table.ts';
import { readXlsx } from '../src/ingest/xlsx.ts';
import { readXlsxStream, XlsxTooLarge, DEFAULT_STREAM_LIMITS } from '../src/ingest/xlsxStream.ts';
import {
  storeZip,
  tempDir,
  unzip,
  writeBuiltinChineseDate,
  writeDates,
  writeMessySigned,
} from './fixtures/ingest/make.ts';
import { DEVIATIONS, SHAPES, sheetData, xlsxOf } from './fixtures/ingest/xlsxShapes.ts';

/**
 * The streaming reader (`xlsxStream.ts`) against the exceljs path (`xlsx.ts`, exceljs's
 * whole-file reader and `sheetToGrid`), cell by cell, on every workbook of the sample zone, the
 * ingest fixtures and hand-written shapes. exceljs is the independent reference, with one defect
 * corrected here: it drops a formula's cached result when the result is 0 or FALSE (its
 * `FormulaValue` copies only truthy fields), so `=SUM(G4:G4)` showing 0 would read as empty.
 * Cases exceljs misreads or refuses are listed in `DEVIATIONS` with the expected result.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));

beforeAll(() => {
  const wb = new ExcelJS.Workbook();
  const cell = wb.addWorksheet('x').getCell('A1');
  cell.value = { formula: '1', result: 1 } as ExcelJS.CellFormulaValue;
  const proto = Object.getPrototypeOf((cell as unknown as { _value: object })._value) as {
    _copyModel: (m: Record<string, unknown>) => Record<string, unknown>;
  };
  const copy = proto._copyModel;
  proto._copyModel = function (this: unknown, model: Record<string, unknown>) {
    const out = copy.call(this, model);
    if (model.result === 0 || model.result === false) out.result = model.result;
    return out;
  };
});

const show = (v: CellValue | undefined) => (v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v));

/** Every difference between two readings of a workbook, as `sheet › row › column: a ≠ b` lines. */
function differences(a: Grid[], b: Grid[]): string[] {
  const out: string[] = [];
  if (a.length !== b.length) out.push(`sheets: ${a.map((g) => g.name).join(',')} ≠ ${b.map((g) => g.name).join(',')}`);
  for (let s = 0; s < Math.min(a.length, b.length); s++) {
    const x = a[s]!;
    const y = b[s]!;
    const where = `${x.name}`;
    for (const key of ['name', 'hidden', 'hiddenColumns', 'merges'] as const) {
      if (JSON.stringify(x[key]) !== JSON.stringify(y[key]))
        out.push(`${where} ${key}: ${JSON.stringify(x[key])} ≠ ${JSON.stringify(y[key])}`);
    }
    const rowsX = new Map(x.rows.map((r) => [r.row, r]));
    const rowsY = new Map(y.rows.map((r) => [r.row, r]));
    for (const n of [...new Set([...rowsX.keys(), ...rowsY.keys()])].sort((p, q) => p - q)) {
      const rx = rowsX.get(n);
      const ry = rowsY.get(n);
      if (rx === undefined || ry === undefined) {
        out.push(`${where} › 第${n}行: ${rx ? '只在 exceljs 中' : '只在流式读取中'}`);
        continue;
      }
      if (rx.hidden !== ry.hidden) out.push(`${where} › 第${n}行 hidden: ${rx.hidden} ≠ ${ry.hidden}`);
      if (rx.cells.length !== ry.cells.length)
        out.push(`${where} › 第${n}行 length: ${rx.cells.length} ≠ ${ry.cells.length}`);
      for (let c = 0; c < Math.max(rx.cells.length, ry.cells.length); c++) {
        const p = rx.cells[c];
        const q = ry.cells[c];
        const same =
          p instanceof Date || q instanceof Date
            ? p instanceof Date && q instanceof Date && p.getTime() === q.getTime()
            : JSON.stringify(p) === JSON.stringify(q);
        if (!same) out.push(`${where} › 第${n}行 › 第${c + 1}列: ${show(p)} ≠ ${show(q)}`);
      }
    }
    if (JSON.stringify(x.rows.map((r) => r.row)) !== JSON.stringify(y.rows.map((r) => r.row)))
      out.push(`${where}: row order differs`);
  }
  return out;
}

async function bothWays(path: string): Promise<{ reference: Grid[]; stream: Grid[] }> {
  const reference = await readXlsx(path);
  const stream = await readXlsxStream(readFileSync(path));
  return { reference, stream };
}

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith('~$'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('same grids as the exceljs path', () => {
  test('every workbook of the sample zone (data/)', async () => {
    const files = xlsxFiles(join(ROOT, 'data'));
    expect(files.length).toBeGreaterThan(100);
    const report: string[] = [];
    let cells = 0;
    let unreadable = 0;
    for (const file of files) {
      let ref: Grid[];
      try {
        ref = await readXlsx(file);
      } catch {
        // The sample zone has one deliberately corrupt workbook: both readers must refuse it.
        unreadable++;
        await expect(readXlsxStream(readFileSync(file))).rejects.toThrow();
        continue;
      }
      const stream = await readXlsxStream(readFileSync(file));
      for (const g of ref) for (const r of g.rows) cells += r.cells.filter((c) => c !== null).length;
      for (const d of differences(ref, stream)) report.push(`${relative(ROOT, file)} › ${d}`);
    }
    expect(report.slice(0, 40), report.join('\n')).toEqual([]);
    expect(cells).toBeGreaterThan(50_000); // the comparison really covered the zone
    expect(unreadable).toBeLessThanOrEqual(1);
  }, 120_000);

  test('the ingest fixtures: messy signed ledger, both date systems, built-in Chinese date style', async () => {
    const dir = tempDir();
    const made: string[] = [];
    const make = async (name: string, write: (p: string) => Promise<void>) => {
      const p = join(dir, name);
      await write(p);
      made.push(p);
    };
    await make('messy.xlsx', writeMessySigned);
    await make('dates1900.xlsx', (p) => writeDates(p, false));
    await make('dates1904.xlsx', (p) => writeDates(p, true));
    await make('chinese-date.xlsx', writeBuiltinChineseDate);
    for (const p of made) {
      const { reference, stream } = await bothWays(p);
      expect(differences(reference, stream), p).toEqual([]);
      expect(stream.some((g) => g.rows.length > 0)).toBe(true);
    }
  });

  test.each(Object.keys(SHAPES))('%s', async (name) => {
    const path = join(tempDir(), 'shape.xlsx');
    writeFileSync(path, xlsxOf(SHAPES[name]!));
    const { reference, stream } = await bothWays(path);
    expect(differences(reference, stream)).toEqual([]);
    expect(stream.flatMap((g) => g.rows).length).toBeGreaterThan(0);
  });
});

describe('what the shapes read as (by hand, not by either reader)', () => {
  const read = (name: string) => readXlsxStream(xlsxOf(SHAPES[name]!));
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

  test('values of every type', async () => {
    const [g] = await read('values of every type');
    expect(g!.rows).toEqual([
      { row: 1, cells: ['项目名称', null, '某某科技', '甲&乙 <一期>', '行一\r\n行二', null, '有拼音'] },
      { row: 2, cells: [5, 12.5, 1000, true, false, { error: '#REF!' }, '内联 文本', '富文本\r'] },
      { row: 3, cells: ['a&b', null, null, 2025, '项目名称'] },
    ]);
  });

  test('dates: custom, escaped and built-in formats are days; other formats and style 0 stay numbers', async () => {
    const [g] = await read('dates: custom, escaped, built-in (also zh-CN), times, style 0 never');
    const oct8 = day(2025, 10, 8);
    expect(g!.rows[0]!.cells).toEqual([oct8, oct8, oct8, oct8, day(1899, 12, 30), oct8, 45938, 45938, 45938]);
    expect(g!.rows[1]!.cells).toEqual([
      oct8,
      oct8,
      null,
      '2025年10月8日',
      day(1899, 12, 29),
      null,
      day(1900, 2, 28),
      day(1900, 3, 1),
    ]);
  });

  test('1904 system: the same serial is four years and a day later in a date cell only', async () => {
    const [g] = await read('the 1904 date system');
    expect(g!.rows[0]!.cells).toEqual([day(2025, 10, 8), 44476]);
  });

  test('formulas give their cached results; none cached is empty', async () => {
    const [g] = await read('formulas: cached results of each type, shared formulas, none cached');
    expect(g!.rows.map((r) => r.cells)).toEqual([
      [2, 'xy', true, { error: '#N/A' }],
      [4, 2],
      [6, 3],
      [8.5, 5],
    ]);
  });

  test('merges', async () => {
    const [g] = await read('merges: master values fill the range, an empty master empties it, rows are created');
    // E9 lies below the sheet's last value (row 8): cut away, as `fillMerges` does for every reader.
    expect(g!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 3, left: 2, bottom: 6, right: 2 },
      { top: 7, left: 3, bottom: 8, right: 4 },
    ]);
    expect(g!.rows).toEqual([
      { row: 1, cells: ['标题', '标题', '标题', '标题', '标题'] },
      { row: 3, cells: [1, '经开区招商局', null, '被覆盖'] },
      { row: 4, cells: [2, '经开区招商局'] },
      { row: 5, cells: [null, '经开区招商局'], hidden: true },
      { row: 6, cells: [null, '经开区招商局'] },
      { row: 7, cells: [9, '被覆盖'] },
      { row: 8, cells: [null, '被覆盖'], hidden: true },
    ]);
  });

  test('hidden rows, columns and sheets; workbook order; no chart sheet', async () => {
    const grids = await read('hidden rows and columns, hidden and very hidden sheets, sheet order, chart sheets');
    expect(grids.map((g) => [g.name, g.hidden ?? false])).toEqual([
      ['填表说明', false],
      ['台账', false],
      ['下拉选项', true],
      ['内部', true],
    ]);
    expect(grids[1]!.hiddenColumns).toEqual([1, 2, 3, 5, 6, 7]);
    expect(grids[1]!.rows[1]).toEqual({ row: 2, cells: [2], hidden: true });
  });

  test('hyperlinks: the text stays, a number or boolean under an external link is empty', async () => {
    const [g] = await read('hyperlinks: external link text, a number or date under a link, internal links ignored');
    expect(g!.rows[0]!.cells).toEqual(['官网', null, day(2025, 10, 8), '官网']);
  });

  test('columns past 1024: left out, counted in one note (merged cells included), the merge cut', async () => {
    const [g] = await read('cells right of column 1024 are left out and counted, merged ones too');
    // AMK1, XFD1; AMK2–AMM2 and AMK3–AMM3 take AMJ2's value: 2 + 3 + 3.
    expect(g!.notes).toEqual([clippedColumnsNote(8)]);
    expect(g!.merges).toEqual([{ top: 2, left: 1024, bottom: 3, right: 1024 }]);
    expect(g!.rows.map((r) => [r.row, r.cells.length, r.cells[0], r.cells[1023]])).toEqual([
      [1, 1, 1, undefined],
      [2, 1024, 3, 'm'],
      [3, 1024, null, 'm'],
    ]);
  });

  test.each(Object.keys(DEVIATIONS))('where exceljs is wrong: %s', async (name) => {
    const [spec, sheet, rows] = DEVIATIONS[name]!;
    const grids = await readXlsxStream(xlsxOf(spec));
    expect(grids.find((g) => g.name === sheet)?.rows).toEqual(rows);
  });
});

describe('refusals', () => {
  test('overlapping merged ranges are refused by both readers', async () => {
    const spec = {
      sheets: [
        {
          name: 'S',
          body:
            sheetData({ 1: '<c r="A1"><v>1</v></c>' }) +
            '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
        },
      ],
    };
    const path = join(tempDir(), 'overlap.xlsx');
    writeFileSync(path, xlsxOf(spec));
    await expect(readXlsx(path)).rejects.toThrow();
    await expect(readXlsxStream(xlsxOf(spec))).rejects.toThrow();
  });

  test('a sheet cut short inside a tag, and a damaged deflate stream', async () => {
    const whole = unzip(
      xlsxOf({
        sheets: [{ name: 'S', body: sheetData({ 1: '<c r="A1"><v>1</v></c>', 2: '<c r="A2"><v>2</v></c>' }) }],
      }),
    );
    const sheet = whole.get('xl/worksheets/sheet1.xml')!;
    whole.set('xl/worksheets/sheet1.xml', sheet.slice(0, sheet.indexOf('<c r="A2"') + 8));
    const cut = storeZip([...whole].map(([name, xml]) => ({ name, data: new TextEncoder().encode(xml) })));
    await expect(readXlsxStream(cut)).rejects.toThrow();
    const messy = join(tempDir(), 'm.xlsx');
    await writeMessySigned(messy);
    const bytes = new Uint8Array(readFileSync(messy));
    const parts = unzip(bytes);
    expect(parts.has('xl/worksheets/sheet1.xml')).toBe(true);
    // Overwrite the middle of the (deflated) first sheet with junk.
    const at = bytes.indexOf(0x50, Math.floor(bytes.length / 3));
    bytes.fill(0xff, at, at + 200);
    await expect(readXlsxStream(bytes)).rejects.toThrow();
  });

  test('limits: rows of a sheet, cells of the workbook, bytes of a sheet — each its own reason', async () => {
    const rows: Record<number, string> = {};
    for (let r = 1; r <= 50; r++) rows[r] = `<c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r}</v></c>`;
    const bytes = xlsxOf({
      sheets: [
        { name: 'S', body: sheetData(rows) },
        { name: 'T', body: sheetData(rows) },
      ],
    });
    const reason = (limits: Partial<typeof DEFAULT_STREAM_LIMITS>) =>
      readXlsxStream(bytes, undefined, { ...DEFAULT_STREAM_LIMITS, ...limits }).then(
        (g) => g.map((s) => s.rows.length),
        (e: unknown) => (e instanceof XlsxTooLarge ? e.reason : String(e)),
      );
    expect(await reason({})).toEqual([50, 50]);
    expect(await reason({ maxRows: 49 })).toBe('rows');
    expect(await reason({ maxRows: 50 })).toEqual([50, 50]);
    expect(await reason({ maxCells: 199 })).toBe('cells'); // 2 sheets × 50 rows × 2 cells = 200
    expect(await reason({ maxCells: 200 })).toEqual([50, 50]);
    expect(await reason({ maxXmlBytes: 1000 })).toBe('bytes');
    // A directory that understates the size does not get past the byte limit.
    const parts = unzip(bytes);
    const lying = storeZip(
      [...parts].map(([name, xml]) => ({
        name,
        data: new TextEncoder().encode(xml),
        ...(name.includes('worksheets/') ? { claimedSize: 10 } : {}),
      })),
    );
    await expect(
      readXlsxStream(lying, undefined, { ...DEFAULT_STREAM_LIMITS, maxXmlBytes: 1000 }),
    ).rejects.toBeInstanceOf(XlsxTooLarge);
  });
});
