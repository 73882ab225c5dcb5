import type { FieldSpec } from './tables/define.ts';
import { TABLES } from './tables/index.ts';

/**
 * Table kinds, their fields, keywords and labels — all read off the one definition per kind in
 * `src/schemas/tables/` (registry: `tables/index.ts`).
 *
 * To add an alias, append it to the field's `aliases` in its table file; a user may also add
 * aliases in `site.json` (`"aliases": {"signed": {"investment": ["协议总投资"]}}`). Headers are
 * compared after `normalizeHeader()` (no spaces, no bracketed units, half-width), so list aliases
 * without units.
 */

export type { FieldSpec, FieldType } from './tables/define.ts';

export const LEDGER_KINDS = ['leads', 'negotiating', 'signed', 'started', 'producing', 'funds', 'trips'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const REFERENCE_KINDS = [
  'units',
  'targets',
  'manualScores',
  'chainSegments',
  'chainCompanies',
  'parks',
  'assets',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type TableKind = LedgerKind | ReferenceKind;

const ALL_KINDS: readonly TableKind[] = [...LEDGER_KINDS, ...REFERENCE_KINDS];
const byKind = <V>(pick: (kind: TableKind) => V): Record<TableKind, V> =>
  Object.fromEntries(ALL_KINDS.map((k) => [k, pick(k)])) as Record<TableKind, V>;

/** Fields of each kind in column order. */
export const FIELDS: Record<TableKind, readonly FieldSpec[]> = byKind((k) => TABLES[k].fields);

/**
 * Keywords in a file or sheet name that tell its kind (contract §1). A name that matches two
 * kinds is an error (`sheet_ambiguous_kind`). 产业链图谱 workbooks (file name with 产业链 or 图谱) hold
 * two sheets told apart by 环节/企业 or, failing that, by their headers.
 */
export const KIND_KEYWORDS: Record<TableKind, readonly string[]> = byKind((k) => TABLES[k].keywords);

/** Chinese name of each table kind for messages and pages, e.g. `签约项目表`. */
export const TABLE_LABELS: Record<TableKind, string> = byKind((k) => TABLES[k].label);

/** File-name keywords of a 产业链图谱 workbook (contract §1). */
export const CHAIN_FILE_KEYWORDS: readonly string[] = ['产业链', '图谱'];
