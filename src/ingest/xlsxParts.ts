import { attr, detachString, forEachAttr, XmlScanner, type XmlSink } from './xmlScan.ts';

/**
 * Readers for the small parts of an .xlsx that the sheet reader needs: the workbook (sheet list,
 * date system), relationships, styles (which cell styles are dates) and the shared strings. Each
 * reads the part the way exceljs 4.4 does (the grid must be the same, see `xlsxStream.ts`).
 */

/** One `<sheet>` of `xl/workbook.xml`. */
export interface SheetEntry {
  name: string;
  /** Relationship id of the sheet part, e.g. `rId1`. */
  rid: string;
  /** `visible`, `hidden` or `veryHidden` (absent = visible). */
  state: string;
}

/** A tiny sink driven by open/close callbacks, with the element stack. */
abstract class StackSink implements XmlSink {
  wantsText = false;
  protected readonly stack: string[] = [];
  open(name: string, attrs: string, _selfClosing: boolean): void {
    this.onOpen(name, attrs, this.stack[this.stack.length - 1] ?? '');
    this.stack.push(name);
  }
  close(name: string): void {
    this.stack.pop();
    this.onClose(name);
  }
  text(_text: string): void {}
  protected abstract onOpen(name: string, attrs: string, parent: string): void;
  protected onClose(_name: string): void {}
}

function scan(text: string, sink: XmlSink): void {
  const s = new XmlScanner(sink);
  s.push(text);
  s.end();
}

/** Sheets in workbook order and the date system (`<workbookPr date1904="1"/>`). */
export function parseWorkbook(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scan(
    xml,
    new (class extends StackSink {
      onOpen(name: string, attrs: string, parent: string): void {
        if (name === 'workbookPr') {
          const v = attr(attrs, 'date1904');
          date1904 = v === '1' || v === 'true';
        } else if (name === 'sheet' && parent === 'sheets') {
          let sheetName = '';
          let rid = '';
          let state = '';
          forEachAttr(attrs, (k, v) => {
            if (k === 'name') sheetName = v;
            else if (k === 'state') state = v;
            else if (k === 'id' || k.endsWith(':id')) rid = v;
          });
          sheets.push({ name: sheetName, rid, state: state || 'visible' });
        }
      }
    })(),
  );
  return { sheets, date1904 };
}

/** Relationship id → { target, type } of a `.rels` part. */
export function parseRels(xml: string | null): Map<string, { target: string; type: string; external: boolean }> {
  const out = new Map<string, { target: string; type: string; external: boolean }>();
  if (xml === null) return out;
  scan(
    xml,
    new (class extends StackSink {
      onOpen(name: string, attrs: string): void {
        if (name !== 'Relationship') return;
        let id = '';
        let target = '';
        let type = '';
        let mode = '';
        forEachAttr(attrs, (k, v) => {
          if (k === 'Id') id = v;
          else if (k === 'Target') target = v;
          else if (k === 'Type') type = v;
          else if (k === 'TargetMode') mode = v;
        });
        if (id !== '' && !out.has(id)) out.set(id, { target, type, external: mode === 'External' });
      }
    })(),
  );
  return out;
}

/**
 * The zip path of a relationship target, from the folder of the part that refers to it:
 * `worksheets/sheet1.xml` from `xl/` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute.
 */
export function resolveTarget(baseDir: string, target: string): string {
  const t = target.trim();
  const parts = (t.startsWith('/') ? t.slice(1) : `${baseDir}${t}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * Built-in number formats as exceljs knows them, with the zh-CN formats for the ids Chinese Excel
 * and WPS leave undefined in the file (27–36, 50–58: `yyyy"年"m"月"` …).
 */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** exceljs's test: a format with y, m, d, h, s or b outside quotes and brackets shows a date or time. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * For each cell style index (`<c s="3">`), whether its number format shows a date: the
 * `numFmtId` of `cellXfs`' n-th `<xf>`, looked up in the file's `<numFmts>` and then in the
 * built-in formats. Style 0 and a style without a format are never dates (as in exceljs).
 */
export function parseDateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  scan(
    xml,
    new (class extends StackSink {
      onOpen(name: string, attrs: string, parent: string): void {
        if (this.stack.length !== 2) return;
        if (name === 'numFmt' && parent === 'numFmts') {
          const id = parseInt(attr(attrs, 'numFmtId') ?? '', 10);
          const code = (attr(attrs, 'formatCode') ?? '').replace(/[\\](.)/g, '$1');
          custom.set(id, code);
        } else if (name === 'xf' && parent === 'cellXfs') {
          xfFormats.push(parseInt(attr(attrs, 'numFmtId') ?? '', 10));
        }
      }
    })(),
  );
  return xfFormats.map((id) => (id ? isDateFormat(custom.get(id) || BUILTIN_FORMATS[id]) : false));
}

/**
 * Collects the shared strings of `xl/sharedStrings.xml`, fed in chunks: each `<si>` as the text the
 * user sees (rich-text runs joined, `_x000D_` escapes decoded, phonetic runs left out); an empty
 * item is null.
 */
export class SharedStringsSink implements XmlSink {
  wantsText = false;
  readonly strings: (string | null)[] = [];
  private runs: string[] | null = null;
  private plain: string | undefined;
  private pieces: string[] = [];
  private inRun = false;
  private inPhonetic = false;
  private runText: string | undefined;

  open(name: string): void {
    switch (name) {
      case 'si':
        this.runs = null;
        this.plain = undefined;
        break;
      case 'r':
        this.inRun = true;
        this.runText = undefined;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 't':
        if (!this.inPhonetic) {
          this.pieces = [];
          this.wantsText = true;
        }
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 't':
        if (this.inPhonetic) break;
        this.wantsText = false;
        if (this.inRun) this.runText = unescapeX(this.pieces.join(''));
        else this.plain = unescapeX(this.pieces.join(''));
        break;
      case 'r':
        this.inRun = false;
        (this.runs ??= []).push(this.runText ?? '');
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'si': {
        const text = this.runs !== null ? this.runs.join('') : this.plain;
        // Kept for the whole sheet (and in the records after it): a copy, not a view into the XML chunk.
        this.strings.push(text === undefined || text.trim() === '' ? null : detachString(text));
        break;
      }
    }
  }

  text(text: string): void {
    this.pieces.push(text);
  }
}

/** `_x000D_` → carriage return: how OOXML escapes characters XML cannot carry (as exceljs decodes them). */
function unescapeX(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}
