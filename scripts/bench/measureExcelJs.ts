// Child process of `npm run bench`: the baseline — exceljs `readFile` alone on the same xlsx files
// (and papaparse on the CSV files), no classification, normalisation or metrics.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const dir = process.argv[2] as string;
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name))
  .sort();
const t0 = performance.now();
let rows = 0;
for (const f of files) {
  if (f.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    wb.eachSheet((ws) => {
      rows += ws.actualRowCount;
    });
  } else if (f.endsWith('.csv')) {
    const bytes = readFileSync(f);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
    rows += Papa.parse(text).data.length;
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
