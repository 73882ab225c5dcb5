import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { readCsv } from '../src/ingest/csv.ts';
import { decodeText, looksLikeText } from '../src/ingest/encoding.ts';
import { sniffFormat } from '../src/ingest/sniff.ts';
import { HTML_AS_XLS, XML_2003_AS_XLS, hugeXlsxShell, junkBytes, oleBytes, storeZip } from './fixtures/ingest/make.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

describe('sniffFormat', () => {
  test('xlsx written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('签约').addRow(['项目名称']);
    expect(sniffFormat(new Uint8Array(await wb.xlsx.writeBuffer()))).toBe('xlsx');
  });

  test('a zip that is not a workbook (a .docx) is zip', () => {
    expect(
      sniffFormat(
        storeZip([
          { name: '[Content_Types].xml', data: utf8('<Types/>') },
          { name: 'word/document.xml', data: utf8('<w/>') },
        ]),
      ),
    ).toBe('zip');
  });

  test('a truncated xlsx is still recognised by its first part name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('签约').addRow(['项目名称']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(sniffFormat(bytes.subarray(0, bytes.length >> 1))).toBe('xlsx');
  });

  test.each([
    ['OLE (.xls/.et)', oleBytes(), 'ole'],
    ['HTML saved as .xls', utf8(HTML_AS_XLS), 'html'],
    ['SpreadsheetML 2003 saved as .xls', utf8(XML_2003_AS_XLS), 'spreadsheetml'],
    [
      'web page saved by a browser: a comment before <html>',
      utf8(`<!-- saved from url=(0041)http://oa.example.gov.cn/export.do?id=123 -->\r\n${HTML_AS_XLS}`),
      'html',
    ],
    ['comments, then a table', utf8('<!-- a --><!-- b -->\n<table><tr><td>项目名称</td></tr></table>'), 'html'],
    ['a CSV whose first cell starts with <', utf8('<项目名称>,总投资\n甲,5\n'), 'text'],
    ['<table> fragment', utf8('  <TABLE><tr><td>1</td></tr></TABLE>'), 'html'],
    ['empty', new Uint8Array(0), 'empty'],
    ['white space only', utf8(' \r\n\t '), 'empty'],
    ['UTF-8 CSV', utf8('项目名称,总投资\n甲,5\n'), 'text'],
    ['GB18030 CSV', iconv.encode('项目名称,总投资\n甲,5\n', 'gb18030'), 'text'],
    ['UTF-16 text with BOM', iconv.encode('项目名称\t总投资\n', 'utf16le', { addBOM: true }), 'text'],
    ['XML that is not a workbook', utf8('<?xml version="1.0"?><note>签约</note>'), 'text'],
    ['junk named .csv', junkBytes(), 'binary'],
    ['huge xlsx shell', hugeXlsxShell(), 'xlsx'],
  ])('%s', (_name, bytes, format) => {
    expect(sniffFormat(bytes)).toBe(format);
  });
});

describe('decodeText', () => {
  const text = '项目名称,总投资（亿元）\n年产10万套“汽车”零部件项目,5\n';
  test.each([
    ['UTF-8 with BOM', new Uint8Array([...BOM, ...utf8(text)]), 'utf-8-bom'],
    ['UTF-8', utf8(text), 'utf-8'],
    ['GB18030 (GBK as Chinese Windows Excel saves it)', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
    ['UTF-16LE with BOM (Excel “Unicode 文本”)', iconv.encode(text, 'utf16le', { addBOM: true }), 'utf-16le'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  test('junk is not text', () => {
    expect(looksLikeText(junkBytes())).toBe(false);
    expect(looksLikeText(utf8('a\u0000b'))).toBe(false);
  });

  test('a character cut at the 64 KB sniff boundary is still text', () => {
    const long = utf8('甲'.repeat(30_000)); // 90 000 bytes: 65 536 falls inside a character
    expect(looksLikeText(long)).toBe(true);
  });
});

describe('readCsv', () => {
  const lines = [
    '签约项目表',
    '',
    '序号,项目名称,总投资（亿元）,备注',
    '1,甲项目,5,"第一行',
    '第二行"',
    '2,"乙,项目",="0012",',
    '',
    '3,丙项目,1,"说""明"',
  ];

  test.each([
    ['UTF-8 without BOM', utf8(lines.join('\r\n') + '\r\n'), 'utf-8', ','],
    ['UTF-8 with BOM', new Uint8Array([...BOM, ...utf8(lines.join('\n'))]), 'utf-8-bom', ','],
    ['GB18030', iconv.encode(lines.join('\r\n'), 'gb18030'), 'gb18030', ','],
  ])('%s: line numbers of records, quoted multi-line cells, blank lines', (_name, bytes, encoding, delimiter) => {
    const grid = readCsv(bytes, '签约项目表');
    expect(grid.encoding).toBe(encoding);
    expect(grid.delimiter).toBe(delimiter);
    expect(grid.name).toBe('签约项目表');
    expect(grid.merges).toEqual([]);
    expect(grid.rows.map((r) => r.row)).toEqual([1, 3, 4, 6, 8]);
    expect(grid.rows[2]!.cells[3]).toMatch(/^第一行\r?\n第二行$/);
    expect(grid.rows[3]!.cells).toEqual(['2', '乙,项目', '0012']);
    expect(grid.rows[4]!.cells).toEqual(['3', '丙项目', '1', '说"明']);
  });

  test('tab-separated, with commas inside cells', () => {
    const grid = readCsv(utf8('项目名称\t总投资\n甲,乙项目\t1,200\n'), 'x');
    expect(grid.delimiter).toBe('\t');
    expect(grid.rows).toEqual([
      { row: 1, cells: ['项目名称', '总投资'] },
      { row: 2, cells: ['甲,乙项目', '1,200'] },
    ]);
  });

  test('semicolon-separated, and an Excel `sep=` first line', () => {
    expect(readCsv(utf8('项目名称;总投资;责任单位\n甲;1,5;经开区\n'), 'x').delimiter).toBe(';');
    const grid = readCsv(utf8('sep=;\n项目名称;总投资\n甲;1,5\n'), 'x');
    expect(grid.rows).toEqual([
      { row: 2, cells: ['项目名称', '总投资'] },
      { row: 3, cells: ['甲', '1,5'] },
    ]);
  });

  test('blank cells are null; trailing blanks dropped; all cells are strings', () => {
    const grid = readCsv(utf8('a,b,c,d\n, x ,,\n0012025001,5,,\n'), 'x');
    expect(grid.rows[1]!.cells).toEqual([null, ' x ']);
    expect(grid.rows[2]!.cells).toEqual(['0012025001', '5']);
  });

  test('old Mac line breaks (CR only)', () => {
    expect(readCsv(utf8('a,b\r1,2\r\r3,4\r'), 'x').rows.map((r) => r.row)).toEqual([1, 2, 4]);
  });
});
