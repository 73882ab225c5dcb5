/**
 * The same ledger in every format gives the same figures (issue 12): the sample zone's signed
 * ledger for 2025-10, as delivered (.xlsx), and re-saved by independent code as BIFF8 (SheetJS's
 * writer), BIFF5 in GBK (the record writer of `fixtures/ingest/biff.ts`), SpreadsheetML 2003
 * (SheetJS's writer) and an OA system's GBK HTML table (by hand). Each runs through the whole data
 * stage beside the sample zone's reference tables; the accepted records, every issue and the
 * period's signed figures must be identical to the cent, only the file name differing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { runDataStage, type DataModel } from '../src/pipeline/dataStage.ts';
import { readXlsx } from '../src/ingest/xlsx.ts';
import { writeBiff } from './fixtures/ingest/biff.ts';
import { oaHtml, toBiffSheet } from './fixtures/ingest/legacyShapes.ts';

const LEDGER = '2025年签约项目台账（定稿）';
const SOURCE = join(import.meta.dirname, '..', 'data', 'ledgers', '2025-10', `${LEDGER}.xlsx`);

/** A zone with the sample reference tables and this one ledger file in ledgers/2025-10/. */
async function runZone(name: string, bytes: Uint8Array | string): Promise<DataModel> {
  const root = mkdtempSync(join(tmpdir(), 'zs-legacy-'));
  cpSync(join(import.meta.dirname, '..', 'data', 'reference'), join(root, 'reference'), { recursive: true });
  cpSync(join(import.meta.dirname, '..', 'data', 'site.json'), join(root, 'site.json'));
  mkdirSync(join(root, 'ledgers', '2025-10'), { recursive: true });
  writeFileSync(join(root, 'ledgers', '2025-10', name), bytes);
  return runDataStage(root, { log: () => {} });
}

/** What must not depend on the format: records, issues and figures, with the file name taken out. */
function figures(model: DataModel, file: string) {
  const unname = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(file, '<ledger>'));
  const snapshot = model.snapshots[0]!;
  return {
    records: unname(snapshot.records.signed),
    issues: unname(model.issues.filter((i) => i.file.startsWith('ledgers/'))),
    sheets: unname(model.sheets.filter((s) => s.file.startsWith('ledgers/'))),
    figures: unname({ thisMonth: snapshot.metrics.thisMonth, ytd: snapshot.metrics.ytd, zone: snapshot.metrics.zone }),
  };
}

let baseline: ReturnType<typeof figures>;
beforeAll(async () => {
  baseline = figures(await runZone(`${LEDGER}.xlsx`, readFileSync(SOURCE)), `${LEDGER}.xlsx`);
});

describe(`${LEDGER}: the same figures in every legacy format`, () => {
  test('the baseline holds the ledger (so equality below means something)', () => {
    expect(baseline.records.length).toBeGreaterThan(300);
    expect(baseline.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['填表说明', '2025年', '2024年', '2023年']);
    expect(baseline.issues.length).toBeGreaterThan(0); // the sample's deliberate bad rows
  });

  test('BIFF8 .xls written by SheetJS', async () => {
    const wb = XLSX.read(readFileSync(SOURCE), { cellNF: true, cellStyles: true, cellDates: false });
    const bytes = XLSX.write(wb, { bookType: 'xls', type: 'buffer' }) as Buffer;
    expect(figures(await runZone(`${LEDGER}.xls`, bytes), `${LEDGER}.xls`)).toEqual(baseline);
  });

  test('BIFF5 .xls in GBK, as Excel 95 and older WPS save it', async () => {
    const grids = await readXlsx(SOURCE);
    const bytes = writeBiff(grids.map(toBiffSheet), { version: 5, dateFormat: 'yyyy"年"m"月"d"日"' });
    expect(figures(await runZone(`${LEDGER}.xls`, bytes), `${LEDGER}.xls`)).toEqual(baseline);
  });

  test('SpreadsheetML 2003 written by SheetJS', async () => {
    const wb = XLSX.read(readFileSync(SOURCE), { cellNF: true, cellStyles: true, cellDates: false });
    const xml = XLSX.write(wb, { bookType: 'xlml', type: 'string' }) as string;
    expect(figures(await runZone(`${LEDGER}.xls`, xml), `${LEDGER}.xls`)).toEqual(baseline);
  });

  test('an OA system GBK HTML table (one sheet per file): the same as an .xlsx holding that sheet alone', async () => {
    const grids = await readXlsx(SOURCE);
    const html = figures(
      await runZone(`${LEDGER}.xls`, oaHtml(grids.find((g) => g.name === '2025年')!)),
      `${LEDGER}.xls`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SOURCE);
    for (const ws of [...wb.worksheets]) if (ws.name !== '2025年') wb.removeWorksheet(ws.id);
    wb.worksheets[0]!.name = LEDGER; // an HTML file's one sheet is named after the file
    const alone = figures(
      await runZone(`${LEDGER}.xlsx`, new Uint8Array(await wb.xlsx.writeBuffer())),
      `${LEDGER}.xlsx`,
    );
    expect(html).toEqual(alone);
    expect(alone.records.length).toBeGreaterThan(150);
    expect(alone.records).toEqual(
      baseline.records
        .filter((r: { src: { sheet: string } }) => r.src.sheet === '2025年')
        .map((r: object) => JSON.parse(JSON.stringify(r).replaceAll('"2025年"', `"${LEDGER}"`))),
    );
  });
});
