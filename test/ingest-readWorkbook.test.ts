import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkCsvSize, checkXlsxSize, MAX_SHEET_ROWS, MAX_XLSX_XML_BYTES } from '../src/ingest/limits.ts';
import { isCandidateFile, readWorkbookFile } from '../src/ingest/readWorkbook.ts';
import { listZipEntries } from '../src/ingest/zip.ts';
import {
  HTML_AS_XLS,
  XML_2003_AS_XLS,
  hugeXlsxShell,
  junkBytes,
  oleBytes,
  storeZip,
  tempDir,
  unzip,
  writeMessySigned,
} from './fixtures/ingest/make.ts';

let dir: string;
let messy: string;
beforeAll(async () => {
  dir = tempDir();
  messy = join(dir, '签约项目台账（定稿）.xlsx');
  await writeMessySigned(messy);
});

/** Writes bytes under a name and reads them back; returns the issue message or the sheet names. */
async function read(name: string, bytes: Uint8Array | string, options = {}) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const result = await readWorkbookFile(path, `ledgers/2025-10/${name}`, options);
  return 'issue' in result ? result.issue : result.workbook;
}

describe('readable files', () => {
  test('xlsx: every sheet, file path relative with forward slashes', async () => {
    const result = await readWorkbookFile(messy, 'ledgers\\2025-10\\签约项目台账（定稿）.xlsx');
    expect('workbook' in result && result.workbook.file).toBe('ledgers/2025-10/签约项目台账（定稿）.xlsx');
    expect('workbook' in result && result.workbook.sheets.map((s) => s.name)).toEqual([
      '签约项目',
      '填表说明',
      '开工',
      'Sheet3',
    ]);
  });

  test('CSV in GB18030: one sheet named after the file', async () => {
    const wb = await read('开工项目表.csv', iconv.encode('项目名称,开工日期\r\n甲项目,2025-10-08\r\n', 'gb18030'));
    expect(wb).toEqual({
      file: 'ledgers/2025-10/开工项目表.csv',
      sheets: [
        {
          name: '开工项目表',
          merges: [],
          rows: [
            { row: 1, cells: ['项目名称', '开工日期'] },
            { row: 2, cells: ['甲项目', '2025-10-08'] },
          ],
        },
      ],
    });
  });

  test('tab-separated text saved with an .xls name is read as text', async () => {
    const wb = await read('外出招商.xls', '出发日期\t单位\n2025-10-08\t经开区\n');
    expect('sheets' in wb && wb.sheets[0]!.rows[1]!.cells).toEqual(['2025-10-08', '经开区']);
  });
});

describe('files that cannot be read: one error each, in Chinese, saying how to fix', () => {
  test('an OLE file that holds no workbook (.xls / .et): one error naming the file', async () => {
    expect(await read('签约项目表.xls', oleBytes())).toMatchInlineSnapshot(`
      {
        "code": "file_unreadable",
        "file": "ledgers/2025-10/签约项目表.xls",
        "message": "旧版 Excel/WPS 文件（.xls/.et）已损坏或含有无法识别的内容，无法读取：请用 Excel 或 WPS 打开修复后另存为 .xlsx 放回原处",
        "severity": "error",
      }
    `);
    expect((await read('签约项目表.et', oleBytes())) as { code: string }).toMatchObject({ code: 'file_unreadable' });
  });

  test('password-protected .xlsx (an OLE container)', async () => {
    expect(await read('加密.xlsx', oleBytes(true))).toMatchInlineSnapshot(`
      {
        "code": "file_unreadable",
        "file": "ledgers/2025-10/加密.xlsx",
        "message": "文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存为不加密的 .xlsx 放回原处",
        "severity": "error",
      }
    `);
  });

  test('HTML and SpreadsheetML 2003 saved as .xls are read (test/ingest-legacy.test.ts); an empty one is one error', async () => {
    expect(await read('网页版.xls', HTML_AS_XLS)).toEqual({
      file: 'ledgers/2025-10/网页版.xls',
      sheets: [{ name: '网页版', rows: [{ row: 1, cells: ['项目名称', '总投资'] }], merges: [] }],
    });
    expect(await read('xml2003.xls', XML_2003_AS_XLS)).toMatchObject({
      code: 'file_unreadable',
      message: '工作簿中所有工作表都是空的：请确认保存的是填好数据的台账后放回原处',
    });
  });

  test('.xlsb', async () => {
    const xlsb = storeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/workbook.bin', data: new Uint8Array(16) },
    ]);
    expect(((await read('二进制.xlsx', xlsb)) as { message: string }).message).toMatchInlineSnapshot(
      `"这是 Excel 二进制工作簿（.xlsb），无法读取：请在 Excel 中“另存为” .xlsx 后放回原处"`,
    );
  });

  test('truncated zip (copy or download cut short)', async () => {
    const bytes = readFileSync(messy);
    expect(await read('截断.xlsx', bytes.subarray(0, bytes.length >> 1))).toMatchInlineSnapshot(`
      {
        "code": "file_unreadable",
        "file": "ledgers/2025-10/截断.xlsx",
        "message": "文件已损坏（压缩结构不完整，可能没有下载或复制完整），无法打开：请用 Excel 或 WPS 打开修复后另存为 .xlsx，或重新导出",
        "severity": "error",
      }
    `);
  });

  test('zip directory intact but the sheet data corrupt: exceljs fails, one error', async () => {
    const bytes = new Uint8Array(readFileSync(messy));
    const sheet = listZipEntries(bytes)!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const start = sheet.localOffset + 30 + sheet.name.length;
    bytes.set(junkBytes(sheet.compressedSize - 20), start + 10);
    expect(((await read('坏内容.xlsx', bytes)) as { message: string }).message).toMatchInlineSnapshot(
      `"Excel 文件已损坏（其中“xl/worksheets/sheet1.xml”无法解压），无法读取：请用 Excel 或 WPS 打开修复后另存为 .xlsx，或重新导出"`,
    );
  });

  test('an .xlsx that is some other zip (a .docx renamed)', async () => {
    const docx = storeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: new TextEncoder().encode('<w/>') },
    ]);
    expect(((await read('文档.xlsx', docx)) as { message: string }).message).toMatchInlineSnapshot(
      `"这是压缩包或其他文档（如 Word、WPS 文字），不是 Excel 工作簿：请放入 .xlsx 或 .csv 台账文件"`,
    );
  });

  test('empty file', async () => {
    expect(await read('空文件.xlsx', new Uint8Array(0))).toMatchInlineSnapshot(`
      {
        "code": "file_unreadable",
        "file": "ledgers/2025-10/空文件.xlsx",
        "message": "文件是空的（没有任何内容）：请重新导出或保存完整后放回原处",
        "severity": "error",
      }
    `);
  });

  test('binary junk named .csv', async () => {
    expect(await read('照片.csv', junkBytes())).toMatchInlineSnapshot(`
      {
        "code": "file_unreadable",
        "file": "ledgers/2025-10/照片.csv",
        "message": "文件内容无法识别（既不是 Excel 工作簿，也不是文本 CSV），可能已损坏或扩展名有误：请用 Excel 或 WPS 打开确认后另存为 .xlsx",
        "severity": "error",
      }
    `);
  });

  test('an xlsx whose sheets are all empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('Sheet2');
    expect(
      ((await read('空表.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()))) as { message: string }).message,
    ).toMatchInlineSnapshot(`"工作簿中所有工作表都是空的：请确认保存的是填好数据的台账后放回原处"`);
  });

  test('a CSV with no data (blank lines only)', async () => {
    expect(((await read('空.csv', ',,\r\n,,\r\n')) as { message: string }).message).toMatchInlineSnapshot(
      `"文件中没有任何数据：请确认导出的是台账内容后放回原处"`,
    );
  });

  test('a missing file', async () => {
    const result = await readWorkbookFile(join(dir, '不存在.xlsx'), 'ledgers/2025-10/不存在.xlsx');
    expect('issue' in result && result.issue.message).toMatchInlineSnapshot(
      `"无法打开文件（ENOENT）：请确认文件存在、没有被其他程序独占打开，且有读取权限"`,
    );
  });
});

describe('size limits: refused before the workbook is read, or as soon as a limit is passed', () => {
  test('a central directory claiming 1.5 GB of sheet XML is refused from the directory alone', async () => {
    const bytes = hugeXlsxShell(900_000, 1_500_000_000);
    expect(checkXlsxSize(bytes, listZipEntries(bytes)!)).toEqual({ bytes: 1_520_000_000, rows: 900_000 });
    expect(await read('全年台账.xlsx', bytes)).toMatchInlineSnapshot(`
      {
        "code": "file_too_large",
        "file": "ledgers/2025-10/全年台账.xlsx",
        "message": "文件过大：约 90 万行（数据约 1450 MB），超过 1024 MB 的上限，为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 100 万行）后放回原处",
        "severity": "error",
      }
    `);
  });

  test('a sheet whose <dimension> claims 1 000 001 rows is refused before it is read', async () => {
    const bytes = hugeXlsxShell(1_000_001, 400_000_000);
    expect(checkXlsxSize(bytes, listZipEntries(bytes)!)).toBeNull();
    expect(((await read('全年台账.xlsx', bytes)) as { message: string }).message).toMatchInlineSnapshot(
      `"文件过大：工作表约有 100 万行，超过每张工作表 100 万行的上限，为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 100 万行）后放回原处"`,
    );
    // 500 001 rows are within the limits: the (empty) shell is read, not refused for its size.
    expect(await read('半年台账.xlsx', hugeXlsxShell())).toMatchObject({ code: 'file_unreadable' });
  });

  test('a sheet with more rows than the limit is refused from its <dimension>, or while reading without one', async () => {
    expect(
      ((await read('签约大表.xlsx', readFileSync(messy), { maxSheetRows: 12 })) as { message: string }).message,
    ).toBe(
      '文件过大：工作表约有 18 行，超过每张工作表 12 行的上限，为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 12 行）后放回原处',
    );
    const parts = unzip(readFileSync(messy));
    for (const [name, xml] of parts)
      if (name.startsWith('xl/worksheets/')) parts.set(name, xml.replace(/<dimension [^>]*\/>/, ''));
    const noDimension = storeZip([...parts].map(([name, xml]) => ({ name, data: new TextEncoder().encode(xml) })));
    expect(((await read('签约大表.xlsx', noDimension, { maxSheetRows: 12 })) as { message: string }).message).toBe(
      '文件过大：工作表超过 12 行的上限，为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 12 行）后放回原处',
    );
    expect(await read('签约大表.xlsx', noDimension, { maxSheetRows: 18 })).toHaveProperty('sheets');
  });

  test('a real workbook above a small XML limit; the row count estimated from the XML size when no <dimension>', async () => {
    const result = await read('签约大表.xlsx', readFileSync(messy), { maxXlsxXmlBytes: 1000 });
    expect(result).toMatchObject({ code: 'file_too_large' });
    expect((result as { message: string }).message).toMatch(/^文件过大：约 \d+ 行（数据约 \d+ KB），超过 1 KB 的上限/);
    const bytes = readFileSync(messy);
    expect(checkXlsxSize(bytes, listZipEntries(bytes)!)).toBeNull();
    expect(MAX_XLSX_XML_BYTES).toBe(1024 * 1024 * 1024);
    expect(MAX_SHEET_ROWS).toBe(1_000_000);
  });

  test('CSV above the limit: line count in the message', async () => {
    const csv = '项目名称,总投资\n' + '甲项目,5\n'.repeat(2000);
    expect(checkCsvSize(new TextEncoder().encode(csv), 1024)).toEqual({
      bytes: new TextEncoder().encode(csv).length,
      rows: 2001,
    });
    expect(((await read('大.csv', csv, { maxCsvBytes: 1024 })) as { message: string }).message).toMatchInlineSnapshot(
      `"文件过大：约 2001 行（数据约 24 KB），超过 1 KB 的上限，为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 30 万行）后放回原处"`,
    );
  });

  test('any file above the on-disk limit is refused from stat alone', async () => {
    expect(((await read('巨大.xlsx', junkBytes(5000), { maxFileBytes: 4096 })) as { code: string }).code).toBe(
      'file_too_large',
    );
  });
});

test('isCandidateFile', () => {
  expect(
    [
      '签约项目表（定稿）.xlsx',
      'a.CSV',
      '旧表.xls',
      'WPS.et',
      '~$签约项目表.xlsx',
      '.DS_Store',
      '说明.docx',
      'ledgers/2025-10/外出.txt',
    ].filter(isCandidateFile),
  ).toEqual(['签约项目表（定稿）.xlsx', 'a.CSV', '旧表.xls', 'WPS.et', 'ledgers/2025-10/外出.txt']);
});
