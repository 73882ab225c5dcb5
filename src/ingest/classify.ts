import {
  CHAIN_FILE_KEYWORDS,
  KIND_KEYWORDS,
  LEDGER_KINDS,
  REFERENCE_KINDS,
  type TableKind,
} from '../schemas/fields.ts';
import { compactText } from '../normalize/text.ts';
import type { Grid } from './grid.ts';
import { locateTable } from './header.ts';
import { type TableLayout } from '../schemas/table.ts';

/**
 * Which table a sheet holds, from keywords in its sheet name, else its file name (contract §1).
 * Headers confirm it later (`locateTable`, `confirmKindByHeader`).
 */

export interface ClassifyInput {
  /** Path relative to the data folder, e.g. `ledgers/2025-10/签约项目表（定稿）.xlsx`. */
  relPath: string;
  /** Sheet name, e.g. `Sheet1`; for CSV the file name without extension. */
  sheetName: string;
  /** Folder the file sits in: ledger kinds only under `ledgers/`, reference kinds under `reference/`. */
  area: 'ledgers' | 'reference';
  /** Number of sheets in the workbook. */
  sheetCount: number;
  /** Number of non-empty rows in the sheet; 0 skips the sheet as empty. */
  rowCount?: number;
}

export type Classification =
  /** `source` says whether the sheet name or the file name gave the kind. */
  | { kind: TableKind; source: 'sheet' | 'file' }
  /** Not a table the build reads; the reason is Chinese and says what to do. */
  | { skip: string }
  /** Several kinds fit: the headers decide (`confirmKindByHeader`), else the user must rename. */
  | { ambiguous: TableKind[] };

/** Sheet names that are never data: instructions, covers, drop-down lists. */
const NOT_DATA = /说明|须知|目录|封面|字典|下拉|选项|参数表|^WpsReserved/i;
/** Default names that say nothing: `Sheet1`, `工作表1`, `表1`. */
const GENERIC = /^(sheet|工作表|表|页)?\d*$/i;
/**
 * Keywords too common to decide on their own: `信息` (招商信息 vs 签约项目信息表) and `单位`
 * (单位表 vs 各单位目标任务). A kind found only through one of them yields to any other kind.
 */
const WEAK_KEYWORDS = new Set(['信息', '单位']);
/** Inside a 产业链图谱 workbook only; elsewhere `企业` and `环节` mean nothing. */
const CHAIN_KINDS: readonly TableKind[] = ['chainSegments', 'chainCompanies'];

/**
 * Classifies one sheet (contract §1): keywords in the sheet name first, else in the file name
 * (without extension and trailing suffixes such as `（定稿）`, ` - 副本`). Under `ledgers/` only
 * ledger kinds count, under `reference/` only reference kinds. In a 产业链/图谱 workbook a sheet
 * named 环节 is `chainSegments`, 企业 `chainCompanies`, anything else is `ambiguous` between the two
 * and its headers decide.
 *
 * @example classifySheet({ relPath: 'ledgers/2025-10/签约项目表（定稿）.xlsx', sheetName: 'Sheet1', area: 'ledgers', sheetCount: 1 }) // { kind: 'signed', source: 'file' }
 * @example classifySheet({ relPath: 'ledgers/2025-10/台账.xlsx', sheetName: '填表说明', area: 'ledgers', sheetCount: 3 }) // { skip: '…' }
 */
export function classifySheet(input: ClassifyInput): Classification {
  const sheet = compactText(input.sheetName);
  const fileName = fileStem(input.relPath);
  if (input.rowCount === 0) return { skip: `工作表“${input.sheetName}”是空的，已跳过` };
  if (NOT_DATA.test(sheet)) return { skip: `工作表“${input.sheetName}”是说明、目录或选项页，不是台账数据，已跳过` };

  if (input.area === 'reference' && CHAIN_FILE_KEYWORDS.some((k) => fileName.includes(k))) {
    const kinds = CHAIN_KINDS.filter((k) => KIND_KEYWORDS[k].some((w) => sheet.includes(w)));
    return kinds.length === 1 ? { kind: kinds[0]!, source: 'sheet' } : { ambiguous: [...CHAIN_KINDS] };
  }

  const allowed: readonly TableKind[] =
    input.area === 'ledgers' ? LEDGER_KINDS : REFERENCE_KINDS.filter((k) => !CHAIN_KINDS.includes(k));
  const fromSheet = kindsIn(sheet, allowed);
  if (fromSheet.length === 1) return { kind: fromSheet[0]!, source: 'sheet' };
  if (fromSheet.length > 1) return { ambiguous: fromSheet };

  const stem = stripSuffixes(fileName);
  let fromFile = kindsIn(stem, allowed);
  if (fromFile.length === 0 && stem !== fileName) fromFile = kindsIn(fileName, allowed);
  if (fromFile.length === 1) return { kind: fromFile[0]!, source: 'file' };
  if (fromFile.length > 1) return { ambiguous: fromFile };

  const examples =
    input.area === 'ledgers' ? '“签约项目表”“开工项目表”“到位资金台账”' : '“单位名单”“目标任务分解表”“产业链图谱”';
  if (GENERIC.test(sheet)) {
    return {
      skip: `无法从文件名或工作表名“${input.sheetName}”判断是哪种表，已跳过：请把文件或工作表改名，含有表的类型，如${examples}`,
    };
  }
  return {
    skip: `工作表“${input.sheetName}”的名称和文件名都不含表类型关键词，已跳过：如果它是台账，请改名，如${examples}`,
  };
}

/**
 * Picks the kind whose headers a grid has, among the candidates of an ambiguous sheet: the one
 * candidate whose header row holds all its required columns, or, when several do, the one that
 * recognises strictly more columns. Null when the headers do not decide.
 *
 * @example confirmKindByHeader(grid, ['chainSegments', 'chainCompanies']) // { kind: 'chainCompanies', layout: … }
 */
export function confirmKindByHeader(
  grid: Grid,
  candidates: readonly TableKind[],
  extraAliases?: Partial<Record<TableKind, Record<string, string[]>>>,
): { kind: TableKind; layout: TableLayout } | null {
  const complete = candidates
    .map((kind) => ({ kind, layout: locateTable(grid, kind, extraAliases?.[kind]) }))
    .filter(
      (c): c is { kind: TableKind; layout: TableLayout } => c.layout !== null && c.layout.missingRequired.length === 0,
    )
    .map((c) => ({ ...c, matched: c.layout.columns.filter((col) => col.field !== null).length }))
    .sort((a, b) => b.matched - a.matched);
  if (complete.length === 0) return null;
  if (complete.length > 1 && complete[0]!.matched === complete[1]!.matched) return null;
  return { kind: complete[0]!.kind, layout: complete[0]!.layout };
}

/**
 * The period of a snapshot folder under `ledgers/`, as `YYYY-MM`, or null when the name is not a
 * month. Accepted (decided for clerks who type folder names by hand): `2025-10`, `2025-1`,
 * `2025.10`, `2025_10`, `202510`, `2025年10月`, with full-width digits too. Years 2000–2099.
 *
 * @example periodOfFolder('2025-1') // '2025-01'
 * @example periodOfFolder('2025年10月') // '2025-10'
 * @example periodOfFolder('十月') // null
 */
export function periodOfFolder(name: string): string | null {
  const s = compactText(name);
  const m = /^(20\d{2})(?:[-._/年](\d{1,2})月?|(\d{2}))$/.exec(s);
  if (m === null) return null;
  const month = Number(m[2] ?? m[3]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/**
 * The date of a dated snapshot folder under `ledgers/` (contract §1, weekly 调度), as `YYYY-MM-DD`,
 * or null: `2025-10-20`, `2025.10.20`, `2025_10_20`, `20251020`, `2025年10月20日`, with full-width
 * digits too. The day must exist in the month.
 *
 * @example dateOfFolder('2025-10-20') // '2025-10-20'
 * @example dateOfFolder('2025-10') // null — a monthly folder
 * @example dateOfFolder('2025-02-30') // null
 */
export function dateOfFolder(name: string): string | null {
  const s = compactText(name);
  const m = /^(20\d{2})(?:[-._/年](\d{1,2})[-._/月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(s);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Kinds whose keywords occur in a name; weak keywords only count when nothing else does. */
function kindsIn(name: string, allowed: readonly TableKind[]): TableKind[] {
  const strong: TableKind[] = [];
  const weak: TableKind[] = [];
  for (const kind of allowed) {
    const hits = KIND_KEYWORDS[kind].filter((w) => name.includes(w));
    if (hits.some((w) => !WEAK_KEYWORDS.has(w))) strong.push(kind);
    else if (hits.length > 0) weak.push(kind);
  }
  return strong.length > 0 ? strong : weak;
}

/** File name without folders and extension, folded: `签约项目表（定稿）`. */
function fileStem(relPath: string): string {
  const base = relPath.replaceAll('\\', '/').split('/').pop() ?? relPath;
  const dot = base.lastIndexOf('.');
  return compactText(dot > 0 ? base.slice(0, dot) : base);
}

/** Drops trailing `（定稿）`, `(2)`, `【修订】`, `-副本`, `_v2`, `20251031` suffixes. */
function stripSuffixes(stem: string): string {
  let s = stem;
  for (;;) {
    const next = s
      .replace(/[（(【[〔][^（()）【】[\]〔〕]*[）)】\]〔〕]$/, '')
      .replace(/[-_]?副本$/, '')
      .replace(/[-_ ]?v\d+$/i, '')
      .replace(/[-_]?\d{6,8}$/, '')
      .replace(/[-_]+$/, '');
    if (next === s || next === '') return s;
    s = next;
  }
}
