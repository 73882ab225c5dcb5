/**
 * CSV the way Chinese Windows Excel saves it: CRLF lines, quotes only where needed, and either
 * GB18030 without a BOM or UTF-8 with a BOM.
 */
import iconv from 'iconv-lite';

export type CsvEncoding = 'gb18030' | 'utf8-bom';

function field(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export function encodeCsv(rows: readonly (readonly (string | number | null)[])[], encoding: CsvEncoding): Buffer {
  const text = csvText(rows);
  return encoding === 'gb18030'
    ? iconv.encode(text, 'gb18030')
    : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
