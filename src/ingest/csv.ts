import Papa from 'papaparse';
import { decodeText, type TextEncodingName } from './encoding.ts';
import type { Grid, GridRow } from './grid.ts';
import type { CellValue } from '../schemas/table.ts';

const DELIMITERS = [',', '\t', ';'];

/**
 * Reads a CSV/TSV file into a {@link Grid}: decodes it (see `decodeText`), guesses comma, tab or
 * semicolon (an Excel `sep=;` first line wins), and keeps each record's 1-based line number: a
 * record whose quoted cell spans several lines is numbered by the line where it starts. Blank cells
 * are null, blank lines are left out (numbering continues), and Excel's `="00123"` trick for codes
 * becomes the text `00123`. All cells are strings: numbers are parsed later, per field.
 *
 * @example readCsv(iconv.encode('项目名称,总投资\n甲,5', 'gb18030'), '签约项目表').rows[1] // { row: 2, cells: ['甲', '5'] }
 */
export function readCsv(
  bytes: Uint8Array,
  sheetName: string,
): Grid & { encoding: TextEncodingName; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  let body = text;
  let skippedLines = 0;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep !== null) {
    delimiter = sep[1]!;
    body = text.slice(sep[0].length);
    skippedLines = 1;
  }
  delimiter ??= guessDelimiter(body);

  const rows: GridRow[] = [];
  let line = 1 + skippedLines;
  let counted = 0; // offset up to which line breaks are counted
  let start = 0; // offset where the current record starts
  const newline: '\r\n' | '\n' | '\r' = body.includes('\r\n')
    ? '\r\n'
    : body.includes('\n') || !body.includes('\r')
      ? '\n'
      : '\r';
  // Lines are counted by their last character, so CRLF counts once.
  const nl = newline === '\r' ? '\r' : '\n';
  Papa.parse<string[]>(body, {
    delimiter,
    newline,
    skipEmptyLines: false,
    step: (result) => {
      line += countChar(body, nl, counted, start);
      counted = start;
      const cells = result.data.map(csvCell);
      if (cells.some((c) => c !== null)) rows.push({ row: line, cells: trimTrailingNulls(cells) });
      start = result.meta.cursor;
    },
  });
  return { name: sheetName, rows, merges: [], encoding, delimiter };
}

function csvCell(raw: string): CellValue {
  const excelText = /^="(.*)"$/s.exec(raw);
  const s = excelText !== null ? excelText[1]! : raw;
  return s.trim() === '' ? null : s;
}

function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text.slice(0, 64 * 1024), {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    preview: 50,
  });
  const guessed = preview.meta.delimiter;
  return DELIMITERS.includes(guessed) ? guessed : ',';
}

function countChar(s: string, ch: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf(ch, from); i !== -1 && i < to; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function trimTrailingNulls(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
