import ExcelJS from 'exceljs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { neutralise, toCsv, toXlsx } from '../src/site/tableExport.ts';
import type { Column } from '../src/site/table.ts';
import { formatCell } from '../src/site/table.ts';

interface Row {
  name: string;
  unit?: string;
  yi: number | null;
  rate?: number;
  public: boolean;
}

const columns: Column<Row>[] = [
  { key: 'name', label: '项目名称' },
  { key: 'unit', label: '责任单位' },
  { key: 'yi', label: '总投资（亿元）', format: 'yi' },
  { key: 'rate', label: '完成率', format: 'rate' },
  { key: 'public', label: '是否公开' },
];

const rows: Row[] = [
  { name: '年产10万吨锂电池材料项目', unit: '经济合作局', yi: 12.5, rate: 0.8333, public: true },
  { name: '=HYPERLINK("http://x","点我")', unit: '+新区办', yi: 0.1 + 0.2, public: false },
  { name: '-2+3', unit: '@SUM(A1)', yi: -3.5, public: false },
  { name: '\t制表符开头', unit: '\r回车开头', yi: null, public: true },
  { name: '含,逗号 "引号"\n换行', yi: 1e-9, public: true },
];

describe('toCsv()', () => {
  const csv = toCsv(columns, rows);
  const lines = csv.slice(1).split('\r\n');

  test('starts with a UTF-8 BOM and uses CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[0]).toBe('项目名称,责任单位,总投资（亿元）,完成率,是否公开');
  });

  test('keeps Chinese text and numbers at full precision without binary noise', () => {
    expect(lines[1]).toBe('年产10万吨锂电池材料项目,经济合作局,12.5,0.8333,是');
    expect(lines[2]).toContain(',0.3,');
  });

  test('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"",""点我"")",'+新区办,0.3,,否`);
    expect(lines[3]).toBe(`'-2+3,'@SUM(A1),-3.5,,否`);
    expect(lines[4]).toBe(`'\t制表符开头,"'\r回车开头",,,是`);
  });

  test('numbers are not neutralised (a negative number stays a number)', () => {
    expect(lines[3]).toContain(',-3.5,');
  });

  test('quotes commas, quotes and line breaks (RFC 4180); tiny numbers stay numbers Excel reads', () => {
    expect(csv).toContain('"含,逗号 ""引号""\n换行",,1e-9,,是\r\n');
  });

  test('neutralise() leaves ordinary text alone', () => {
    expect(neutralise('经济合作局')).toBe('经济合作局');
    expect(neutralise('a=b')).toBe('a=b');
    expect(neutralise('=1+1')).toBe("'=1+1");
  });
});

describe('toXlsx()', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('gives identical bytes for identical input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const a = await toXlsx(columns, rows, { sheet: '项目清单' });
    vi.setSystemTime(new Date('2040-12-31T23:59:58Z'));
    const b = await toXlsx(columns, rows, { sheet: '项目清单' });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Buffer.from(a).includes(Buffer.from('2031'))).toBe(false);
  });

  test('writes Chinese text, numbers as numbers, formula-like text as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(columns, rows, { sheet: '项目/清单[1]' })) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('项目 清单 1');
    expect(ws.getRow(1).values).toEqual([undefined, '项目名称', '责任单位', '总投资（亿元）', '完成率', '是否公开']);
    expect(ws.getCell('A2').value).toBe('年产10万吨锂电池材料项目');
    expect(ws.getCell('C2').value).toBe(12.5);
    expect(ws.getCell('C2').numFmt).toBe('0.00');
    expect(ws.getCell('D2').value).toBe(0.8333);
    expect(ws.getCell('D2').numFmt).toBe('0.0%');
    expect(ws.getCell('C3').value).toBe(0.3);
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A3').value).toBe('=HYPERLINK("http://x","点我")');
    expect(ws.getCell('E3').value).toBe('否');
    expect(ws.getCell('C5').value).toBe(null);
    expect(wb.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });
});

describe('formatCell()', () => {
  test('rounds only for display, per format', () => {
    expect(formatCell({ format: 'yi' }, 12.345)).toBe('12.35');
    expect(formatCell({ format: 'rate' }, 0.8333)).toBe('83.3%');
    expect(formatCell({ format: 'int' }, 12345)).toBe('12,345');
    expect(formatCell({ format: 'pp' }, 4)).toBe('+4.0');
    expect(formatCell({ format: 'yi' }, null)).toBe('—');
    expect(formatCell({}, undefined)).toBe('');
    expect(formatCell({}, true)).toBe('是');
  });
});

describe('scores in downloads', () => {
  test('are rounded to 2 decimals as the pages show them; other numbers keep full precision', () => {
    const cols: Column<{ s: number; r: number }>[] = [
      { key: 's', label: '得分', format: 'score' },
      { key: 'r', label: '完成率', format: 'rate' },
    ];
    // 86.254 shows 86.25 and 1.005 shows 1.01 (half away from zero after binary noise); 0.83333 stays
    const csv = toCsv(cols, [
      { s: 86.254, r: 0.83333 },
      { s: 1.005, r: 0.5 },
    ]);
    expect(csv.slice(1).split('\r\n').slice(1, 3)).toEqual(['86.25,0.83333', '1.01,0.5']);
  });
});
