import { z } from 'zod';

/**
 * The building blocks of a table definition. Each table kind is one file in this folder that
 * declares its fields once — header, aliases, type, required, record key, doc — and everything
 * else is derived from it: header matching (`src/ingest/header.ts`), cell parsing
 * (`src/normalize/normalizeTable.ts`), the zod schema of its records and the templates.
 */

/** Where a record came from, for drill-down: `{file: 'ledgers/2025-10/签约项目表.xlsx', sheet: 'Sheet1', row: 17}`. */
export const sourceRefSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  row: z.number().int(),
});
export type SourceRef = z.output<typeof sourceRefSchema>;

/** `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Non-empty text, already trimmed and folded. */
export const text = z.string().min(1);

/**
 * How a cell is read:
 * - `text` trimmed and folded; `code` text that must never become a number (项目编号);
 * - `amountYi` money in 元 held as 亿元; `amountUsd` foreign money held as 万美元;
 * - `number`, `int` plain numbers; `date` `YYYY-MM-DD`; `yesno` boolean;
 * - `unit` a 责任单位 name, resolved through the units table; `units` one or several (split on
 *   、,，/), each resolved, or the zone itself (`全区`, the zone's name) as `['全区']`;
 * - `list` text split on 、,，;
 * - `enum` one of `values` (after trimming).
 */
export type FieldType =
  'text' | 'code' | 'amountYi' | 'amountUsd' | 'number' | 'int' | 'date' | 'yesno' | 'unit' | 'units' | 'list' | 'enum';

export interface FieldSpec {
  /** Field key in header matching and aliases (`site.json`), e.g. `investment`. */
  key: string;
  /** Key in the JSON record when it differs (a unit suffix), e.g. `investmentYi`. */
  record?: string;
  /** Canonical Chinese header, e.g. `总投资`; used in messages when the file's header is unknown. */
  label: string;
  /** Other headers meaning the same field (without units). */
  aliases: readonly string[];
  type: FieldType;
  /** A row without this value is rejected. */
  required?: boolean;
  /** For `enum`. */
  values?: readonly string[];
  /** For `yesno`: the value of an empty cell (default 否). */
  empty?: boolean;
  /** For `int`/`number`: the smallest value the record may hold. */
  min?: number;
}

/** A table kind: its place in the data folder, names and fields. */
export interface TableDef<K extends string = string> {
  kind: K;
  /** `ledgers/<period>/` or `reference/`. */
  area: 'ledgers' | 'reference';
  /** Chinese name for messages and pages, e.g. `签约项目表`. */
  label: string;
  /** Keywords in a file or sheet name that tell the kind (contract §1). */
  keywords: readonly string[];
  /** Ledger records carry a project key (contract §6); 外出招商 rows do not. Default: ledgers do. */
  projectKey?: boolean;
  /**
   * `optional`: the record's `src` is optional and written last (reference lists whose public copy
   * drops it); otherwise it is required and first.
   */
  source?: 'optional';
  /** `none`: an empty yes/no cell means "no value" (a target's filters), not 否. */
  emptyYesNo?: 'none';
  fields: readonly FieldSpec[];
}

/**
 * A field: `f('investment', '总投资', 'amountYi', ['协议投资'], { ...req, record: 'investmentYi' })`.
 * Generic so the literal key, type, values and `required` reach the record type ({@link RecordOf}).
 */
export const f = <
  const K extends string,
  const T extends FieldType,
  const E extends Partial<Omit<FieldSpec, 'key' | 'type'>> = {},
>(
  key: K,
  label: string,
  type: T,
  aliases: readonly string[] = [],
  extra?: E,
): { key: K; type: T; label: string; aliases: readonly string[] } & E =>
  ({ key, label, type, aliases, ...extra }) as { key: K; type: T; label: string; aliases: readonly string[] } & E;

export const req = { required: true } as const;

/** 联系人 and 联系电话, shared by several tables. */
export const contact = [f('contact', '联系人', 'text'), f('phone', '联系电话', 'code', ['电话', '手机'])] as const;

/** The JSON key of a field's value in a record: `investment` → `investmentYi`. */
export const recordKey = (spec: FieldSpec): string => spec.record ?? spec.key;

/** The zod schema of one field's value in a record. */
function fieldSchema(spec: FieldSpec, def: TableDef): z.ZodType {
  const always = (spec.type === 'yesno' && def.emptyYesNo !== 'none') || spec.type === 'list';
  let s: z.ZodType;
  switch (spec.type) {
    case 'text':
    case 'code':
    case 'unit':
      s = text;
      break;
    case 'date':
      s = isoDate;
      break;
    case 'yesno':
      s = z.boolean();
      break;
    case 'list':
      s = z.array(text);
      break;
    case 'units':
      s = z.array(text).min(1);
      break;
    case 'enum':
      s = z.enum(spec.values as [string, ...string[]]);
      break;
    case 'int':
      s = spec.min === undefined ? z.number().int() : z.number().int().min(spec.min);
      break;
    default:
      s = spec.min === undefined ? z.number().finite() : z.number().finite().min(spec.min);
  }
  return spec.required || always ? s : s.optional();
}

type Shape = Record<string, z.ZodType>;

/** The record schema derived from a table's fields: `src`, the project key (ledgers), then every field. */
export function recordShape(def: TableDef): Shape {
  const shape: Shape = def.source === 'optional' ? {} : { src: sourceRefSchema };
  if (def.area === 'ledgers' && def.projectKey !== false) {
    /** Stable project key across ledgers: `code:<项目编号>` or `name:<normalised name>` (contract §6). */
    shape.key = z.string().optional();
  }
  for (const spec of def.fields) shape[recordKey(spec)] = fieldSchema(spec, def);
  if (def.source === 'optional') shape.src = sourceRefSchema.optional();
  return shape;
}

// ------------------------------------------------------------------ the record type, derived

type Value<F> = F extends { type: 'amountYi' | 'amountUsd' | 'number' | 'int' }
  ? number
  : F extends { type: 'yesno' }
    ? boolean
    : F extends { type: 'list' | 'units' }
      ? string[]
      : F extends { type: 'enum'; values: readonly (infer V extends string)[] }
        ? V
        : string;
type Key<F> = F extends { record: infer R extends string } ? R : F extends { key: infer K extends string } ? K : never;
type Always<F, D> = F extends { required: true }
  ? true
  : F extends { type: 'list' }
    ? true
    : F extends { type: 'yesno' }
      ? D extends { emptyYesNo: 'none' }
        ? false
        : true
      : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The record of a table definition, as its zod schema outputs it. */
export type RecordOf<D extends TableDef> = Simplify<
  (D extends { source: 'optional' } ? { src?: SourceRef | undefined } : { src: SourceRef }) &
    (D extends { area: 'ledgers' } ? (D extends { projectKey: false } ? {} : { key?: string | undefined }) : {}) & {
      [F in D['fields'][number] as Always<F, D> extends true ? Key<F> : never]: Value<F>;
    } & { [F in D['fields'][number] as Always<F, D> extends true ? never : Key<F>]?: Value<F> | undefined }
>;

/** A table definition with its derived record schema. */
export type Table<D extends TableDef> = D & { schema: z.ZodType<RecordOf<D>> };

/** Declares a table kind (one file per kind in this folder) and derives its record schema. */
export const defineTable = <const D extends TableDef>(def: D): Table<D> => ({
  ...def,
  schema: z.object(recordShape(def)) as unknown as z.ZodType<RecordOf<D>>,
});
