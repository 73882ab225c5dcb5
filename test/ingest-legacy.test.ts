/**
 * Legacy workbooks read into the same grids as .xlsx (contract §2). The reference is the messy
 * ledger of `make.ts` written as .xlsx and read by exceljs; the same cells are then written by
 * independent code in each legacy shape — BIFF8 and BIFF5 (GBK) by the record writer in `biff.ts`,
 * SpreadsheetML by SheetJS's writer, an HTML table in GBK by hand as an OA system writes it — and
 * each must read back to the same grid.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Grid } from '../src/ingest/grid.ts';
import { isCellError, type CellValue } from '../src/schemas/table.ts';
import { readWorkbookFile } from '../src/ingest/readWorkbook.ts';
import { prestartLegacyReaders, stopLegacyReaders } from '../src/ingest/legacy.ts';
import { LEGACY_HEAP_MB } from '../src/ingest/limits.ts';
import { readXlsx } from '../src/ingest/xlsx.ts';
import { readHtmlTable } from '../src/ingest/html.ts';
import { decodeMarkup } from '../src/ingest/markupText.ts';
import { serialToDay } from '../src/ingest/sheetjsGrid.ts';
import { writeBiff } from './fixtures/ingest/biff.ts';
import { mastersOnly, oaHtml, shown, toBiffSheet } from './fixtures/ingest/legacyShapes.ts';
import { junkBytes, tempDir, writeMessySigned } from './fixtures/ingest/make.ts';

let dir: string;
let reference: Grid[];
beforeAll(async () => {
  dir = tempDir();
  const xlsx = join(dir, '签约项目台账（定稿）.xlsx');
  await writeMessySigned(xlsx);
  reference = await readXlsx(xlsx);
});

async function readBytes(name: string, bytes: Uint8Array | string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const result = await readWorkbookFile(path, `ledgers/2025-10/${name}`);
  return 'issue' in result ? result.issue : result.workbook;
}

async function readSheets(name: string, bytes: Uint8Array | string): Promise<Grid[]> {
  const result = await readBytes(name, bytes);
  if (!('sheets' in result)) throw new Error(`not read: ${result.message}`);
  return result.sheets;
}

describe('BIFF .xls (Excel 97–2003) and BIFF5 (Excel 95, older WPS, GBK text)', () => {
  for (const version of [8, 5] as const) {
    for (const date1904 of [false, true]) {
      test(`BIFF${version}, ${date1904 ? '1904' : '1900'} date system: the same grids as the .xlsx`, async () => {
        const bytes = writeBiff(reference.map(toBiffSheet), { version, date1904, dateFormat: 'yyyy"年"m"月"d"日"' });
        expect(await readSheets(`签约项目台账-BIFF${version}.xls`, bytes)).toEqual(reference);
      });
    }
  }

  test('what the reference holds, so the comparison above means something', () => {
    const sheet = reference[0]!;
    const row = (n: number) => sheet.rows.find((r) => r.row === n)?.cells;
    expect(row(6)?.slice(0, 7)).toEqual([
      1,
      '年产10万套汽车零部件项目',
      '某某汽车科技有限公司',
      5,
      2,
      new Date(Date.UTC(2025, 2, 15)),
      '经开区招商局',
    ]);
    expect(row(7)?.[5]).toEqual(new Date(Date.UTC(2025, 3, 2))); // a number formatted as a date
    expect(row(7)?.[4]).toBe(1.75); // formula: its cached result
    expect(row(8)).toEqual([null, null, null, null, null, null, '经开区招商局']); // inside the G6:G8 merge
    expect(isCellError(row(10)?.[3] ?? null)).toBe(true);
    expect(sheet.rows.find((r) => r.row === 11)?.hidden).toBe(true);
    expect(sheet.hiddenColumns).toEqual([9]);
  });

  test('a Chinese built-in date format (id 31, 年月日, no format string in the file) is a date', async () => {
    const bytes = writeBiff([{ name: 'S', rows: [['签约日期'], [new Date(Date.UTC(2025, 9, 8))]] }], {
      version: 8,
      dateFormatId: 31,
    });
    const [sheet] = await readSheets('中文日期.xls', bytes);
    expect(sheet!.rows[1]!.cells).toEqual([new Date(Date.UTC(2025, 9, 8))]);
  });

  test('a WPS .et is the same BIFF8 under another name', async () => {
    const bytes = writeBiff(reference.map(toBiffSheet), { version: 8 });
    expect(await readSheets('签约项目台账.et', bytes)).toEqual(reference);
  });

  test('an .xls that is not a spreadsheet inside (OLE header, junk after it): one error naming the file', async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), junkBytes(4088)]);
    expect(await readBytes('外出招商补充表（旧版）.xls', bytes)).toEqual({
      severity: 'error',
      code: 'file_unreadable',
      file: 'ledgers/2025-10/外出招商补充表（旧版）.xls',
      message:
        '旧版 Excel/WPS 文件（.xls/.et）已损坏或含有无法识别的内容，无法读取：请用 Excel 或 WPS 打开修复后另存为 .xlsx 放回原处',
    });
  });

  test('a password-protected .xls (FILEPASS record): one error asking for an unencrypted .xlsx', async () => {
    const plain = writeBiff([{ name: 'Sheet1', rows: [['项目名称'], ['甲']] }], { version: 8 });
    const protectedBytes = withFilePass(plain);
    expect(await readBytes('签约项目表（加密）.xls', protectedBytes)).toMatchObject({
      code: 'file_unreadable',
      message: '文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存为不加密的 .xlsx 放回原处',
    });
  });
});

/**
 * Inserts an RC4 FILEPASS record after the globals' BOF, as Excel does for "打开权限密码". The
 * stream is then no longer readable without the password, which is the point.
 */
function withFilePass(xls: Buffer): Buffer {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  const stream = Buffer.from(entry.content as Uint8Array);
  const bofLength = 4 + stream.readUInt16LE(2);
  const body = Buffer.alloc(54);
  body.writeUInt16LE(1, 0); // wEncryptionType: RC4
  body.writeUInt16LE(1, 2); // vMajor
  body.writeUInt16LE(1, 4); // vMinor
  for (let i = 6; i < 54; i++) body[i] = (i * 37) & 0xff; // salt, verifier, verifier hash
  const filepass = Buffer.concat([Buffer.from([0x2f, 0x00, 54, 0]), body]);
  entry.content = Buffer.concat([stream.subarray(0, bofLength), filepass, stream.subarray(bofLength)]);
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

describe('SpreadsheetML 2003 ("XML 电子表格") saved as .xls', () => {
  test('written by SheetJS from the reference cells: the same grids', async () => {
    const wb = XLSX.utils.book_new();
    for (const grid of reference) {
      const aoa = mastersOnly(grid).map((row) => (row ?? []).map((c) => toSheetjsValue(c)));
      const ws = XLSX.utils.aoa_to_sheet(aoa.length > 0 ? aoa : [[]], { cellDates: true, dateNF: 'yyyy-mm-dd' });
      for (const [r, row] of aoa.entries()) {
        for (const [c, v] of row.entries()) {
          if (v !== null && typeof v === 'object' && 'error' in v) {
            ws[XLSX.utils.encode_cell({ r, c })] = { t: 'e', v: 0x17, w: v.error };
          }
        }
      }
      ws['!merges'] = grid.merges.map((m) => ({
        s: { r: m.top - 1, c: m.left - 1 },
        e: { r: m.bottom - 1, c: m.right - 1 },
      }));
      const hidden = new Set(grid.rows.filter((r) => r.hidden).map((r) => r.row - 1));
      ws['!rows'] = Array.from({ length: aoa.length }, (_, r) => (hidden.has(r) ? { hidden: true } : {}));
      const width = Math.max(0, ...aoa.map((r) => r.length));
      ws['!cols'] = Array.from({ length: width }, (_, c) => (grid.hiddenColumns?.includes(c) ? { hidden: true } : {}));
      XLSX.utils.book_append_sheet(wb, ws, grid.name);
    }
    const xml = XLSX.write(wb, { bookType: 'xlml', type: 'string' }) as string;
    expect(xml.startsWith('<?xml')).toBe(true);
    const sheets = await readSheets('签约项目台账（XML）.xls', xml);
    // SpreadsheetML has no hidden-column flag that SheetJS writes; everything else must match.
    expect(sheets.map(({ hiddenColumns: _h, ...g }) => g)).toEqual(reference.map(({ hiddenColumns: _h, ...g }) => g));
  });
});

function toSheetjsValue(c: CellValue): string | number | boolean | Date | { error: string } | null {
  if (c === null || typeof c !== 'object' || c instanceof Date) return c;
  return { error: c.error };
}

describe('HTML table saved as .xls (OA export, GBK)', () => {
  test('the same grid as the .xlsx, each value as the text shown', async () => {
    const grid = reference[0]!;
    const [sheet] = await readSheets('签约项目台账（OA导出）.xls', oaHtml(grid));
    const expected: Grid = {
      name: '签约项目台账（OA导出）',
      rows: grid.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c === null ? null : shown(c))) })),
      merges: grid.merges,
    };
    expect(sheet).toEqual(expected);
  });

  test('charset: the <meta>, else strict UTF-8, else GB18030', () => {
    const page = '<table><tr><td>责任单位</td></tr></table>';
    expect(decodeMarkup(iconv.encode(`<meta charset="gbk">${page}`, 'gbk'))).toMatchObject({ encoding: 'gb18030' });
    expect(decodeMarkup(Buffer.from(`<meta charset="utf-8">${page}`))).toMatchObject({ encoding: 'utf-8' });
    expect(decodeMarkup(Buffer.from(page)).text).toBe(page);
    expect(decodeMarkup(iconv.encode(page, 'gb18030'))).toEqual({ text: page, encoding: 'gb18030' });
    // A page that says UTF-8 but is GBK (a common OA bug) is still read.
    expect(decodeMarkup(iconv.encode(`<meta charset="utf-8">${page}`, 'gbk')).text).toContain('责任单位');
  });

  test('layout as Excel opens the page: text outside tables is a row, every table follows, nested tables join their cell', () => {
    const html = `<html><body><h2>2025年签约项目台账</h2><p>填报单位：招商局</p>
      <table><tr><th>项目名称</th><th>总投资</th></tr>
      <tr><td>甲&amp;乙<br>一期</td><td x:num="1200.5">1,200.50</td></tr>
      <tr><td><table><tr><td>内</td><td>表</td></tr></table></td><td x:num>12</td></tr></table>
      <table><tr><td>第二张表</td></tr></table><p>注：单位为万元</p></body></html>`;
    expect(readHtmlTable(html, 'S', 1e6)).toEqual({
      name: 'S',
      rows: [
        { row: 1, cells: ['2025年签约项目台账'] },
        { row: 2, cells: ['填报单位：招商局'] },
        { row: 3, cells: ['项目名称', '总投资'] },
        { row: 4, cells: ['甲&乙\n一期', 1200.5] },
        { row: 5, cells: ['内 表', 12] },
        { row: 6, cells: ['第二张表'] },
        { row: 7, cells: ['注：单位为万元'] },
      ],
      merges: [],
    });
  });

  test('a rowspan past the last row stops at the table end; hidden columns from <col>', () => {
    const html =
      '<table><colgroup><col><col style="display:none"></colgroup><tr><td rowspan="99">专班</td><td>甲</td></tr><tr><td>乙</td></tr></table>';
    expect(readHtmlTable(html, 'S', 1e6)).toEqual({
      name: 'S',
      rows: [
        { row: 1, cells: ['专班', '甲'] },
        { row: 2, cells: ['专班', '乙'] },
      ],
      merges: [{ top: 1, left: 1, bottom: 2, right: 1 }],
      hiddenColumns: [1],
    });
  });

  test('a page with no table: one error naming the file', async () => {
    const bytes = iconv.encode(
      '<html><head><meta charset="gbk"></head><body><p>会话已过期，请重新登录</p></body></html>',
      'gbk',
    );
    expect(await readBytes('签约项目台账（导出失败）.xls', bytes)).toMatchObject({
      code: 'file_unreadable',
      file: 'ledgers/2025-10/签约项目台账（导出失败）.xls',
      message:
        '这是网页格式保存的表格（扩展名为 .xls），但其中没有表格：请在系统中重新导出台账，或用 Excel 打开确认后另存为 .xlsx 放回原处',
    });
  });
});

describe('the sandbox around SheetJS', () => {
  test('a parse that runs past its time limit is stopped: one error, the build goes on', async () => {
    const path = join(dir, '签约项目表（慢）.xls');
    writeFileSync(path, writeBiff(reference.map(toBiffSheet), { version: 8 }));
    expect(await readWorkbookFile(path, 'ledgers/2025-10/签约项目表（慢）.xls', { legacyTimeoutMs: 1 })).toEqual({
      issue: {
        severity: 'error',
        code: 'file_unreadable',
        file: 'ledgers/2025-10/签约项目表（慢）.xls',
        message:
          '旧版 Excel/WPS 文件（.xls/.et）读取超过 1 秒仍未完成（内容异常或已损坏），已放弃：请用 Excel 或 WPS 打开后另存为 .xlsx 放回原处',
      },
    });
  });

  test('workers started ahead (one per legacy file of the build): each file read the same, then ended', async () => {
    prestartLegacyReaders(3, LEGACY_HEAP_MB);
    try {
      const bytes = writeBiff(reference.map(toBiffSheet), { version: 8 });
      expect(await readSheets('先启动一.xls', bytes)).toEqual(reference);
      const corrupt = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), junkBytes(4088)]);
      expect(await readBytes('先启动二.xls', corrupt)).toMatchObject({ code: 'file_unreadable', message: /已损坏/ });
      expect(await readSheets('先启动三.xls', bytes)).toEqual(reference);
    } finally {
      stopLegacyReaders();
    }
  });

  test('sheet and style names such as __proto__ reach no object of the build', async () => {
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
      <Styles><Style ss:ID="__proto__"><NumberFormat ss:Format="polluted"/></Style></Styles>
      <Worksheet ss:Name="__proto__"><Table><Row><Cell ss:StyleID="__proto__"><Data ss:Type="String">polluted</Data></Cell></Row></Table></Worksheet>
      <Worksheet ss:Name="constructor"><Table><Row><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>`;
    const sheets = await readSheets('原型.xls', xml);
    expect(sheets.map((s) => [s.name, s.rows[0]?.cells])).toEqual([
      ['__proto__', ['polluted']],
      ['constructor', [1]],
    ]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['z']).toBeUndefined();
  });
});

describe('Excel serial days', () => {
  test('1900 system (with its phantom 29 February) and 1904 system', () => {
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    expect(serialToDay(45938, false)).toEqual(day(2025, 10, 8));
    expect(serialToDay(45938 - 1462, true)).toEqual(day(2025, 10, 8));
    expect(serialToDay(1, false)).toEqual(day(1900, 1, 1));
    expect(serialToDay(59, false)).toEqual(day(1900, 2, 28));
    expect(serialToDay(61, false)).toEqual(day(1900, 3, 1));
    expect(serialToDay(0, true)).toEqual(day(1904, 1, 1));
    expect(serialToDay(45938.99, false)).toEqual(day(2025, 10, 8)); // time of day dropped
  });
});
