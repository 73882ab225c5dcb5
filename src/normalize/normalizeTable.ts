import type { CellValue } from '../schemas/table.ts';
import { cellText, isCellError } from '../schemas/table.ts';
import type { SplitRow, TableLayout } from '../schemas/table.ts';
import type { FieldSpec, TableKind } from '../schemas/fields.ts';
import { FIELDS } from '../schemas/fields.ts';
import type { Issue, IssueCode } from '../schemas/issue.ts';
import type { SourceRef } from '../schemas/records.ts';
import { parseAmount } from './amount.ts';
import { parseDate, isAfterPeriodEnd } from './date.ts';
import { parseNumber } from './number.ts';
import type { ParseResult } from './result.ts';
import { cellToText, foldText } from './text.ts';
import { parseYesNo } from './yesno.ts';
import { TABLES } from '../schemas/tables/index.ts';
import { recordKey, type TableDef } from '../schemas/tables/define.ts';
import { appendAll } from '../schemas/arrays.ts';
import { cellsKey, memoEntry, reuseRecord, type RowEvent, type RowMemo } from './rowMemo.ts';

/** Everything a table needs to turn its rows into records. */
export interface TableContext {
  file: string;
  sheet: string;
  kind: TableKind;
  /** Snapshot period for ledgers; dates after its month end (or `asOf`) are rejected. */
  period?: string;
  /** The end of a dated snapshot (`ledgers/2025-10-20/`), `YYYY-MM-DD`; default: the period's month end. */
  asOf?: string;
  defaultAmountUnit: '亿元' | '万元' | '元';
  /** Resolves a 单位 name to its canonical name. */
  resolveUnit: (raw: string) => { name: string; known: boolean };
  /** Rows already normalised in this build, to reuse (one memo per build: `resolveUnit` must not change). */
  rowMemo?: RowMemo;
  /** Names that mean the zone itself in a 责任单位 cell of type `units` (besides `全区`), e.g. the zone's name. */
  zoneNames?: readonly string[];
}

/** A date after the snapshot's end: its `asOf`, else its period's month end. */
const isAfterEnd = (date: string, ctx: Pick<TableContext, 'period' | 'asOf'>): boolean =>
  ctx.asOf !== undefined ? date > ctx.asOf : ctx.period !== undefined && isAfterPeriodEnd(date, ctx.period);

/** The 责任单位 of a zone row of the target table (contract §5): the zone's own target, not a unit. */
export const ZONE_UNIT = '全区';

/** `全区`, `全区合计`, `全县`, or one of `zoneNames` (e.g. `青川经济开发区`). */
export function isZoneName(text: string, zoneNames: readonly string[] = []): boolean {
  const t = text.replace(/\s/g, '');
  return /^全(区|县|市|镇|园区)(合计|总计)?$/.test(t) || zoneNames.some((z) => z.replace(/\s/g, '') === t);
}

export interface SheetStats {
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
}

export interface NormalizedTable<T = Record<string, unknown>> {
  records: T[];
  issues: Issue[];
  stats: SheetStats;
  /** Unknown unit names as written, with how often each occurs. */
  unknownUnits: Map<string, number>;
}

/**
 * Turns the data rows of one table into typed records. Every row ends accepted or rejected (with
 * an error per problem); 合计/notes/repeated headers are counted as skipped.
 */
export function normalizeTable(rows: Iterable<SplitRow>, layout: TableLayout, ctx: TableContext): NormalizedTable {
  const specs = new Map(FIELDS[ctx.kind].map((s) => [s.key, s]));
  const schema = TABLES[ctx.kind].schema;
  const ledger = TABLES[ctx.kind].area === 'ledgers';
  const out: NormalizedTable = {
    records: [],
    issues: [],
    stats: { read: 0, accepted: 0, rejected: 0, skipped: 0 },
    unknownUnits: new Map(),
  };
  const columns = layout.columns.filter((c) => c.field !== null);
  const headerOf = new Map(columns.map((c) => [c.field as string, c.header]));
  const defaultUnitWarned = new Set<string>();
  const unknownUnitWarned = new Set<string>();
  /** The table-level trace of a row: the first default-unit warning per column, unknown unit names. */
  const replay = (event: RowEvent, issue: IssueMaker, rowNumber: number): void => {
    const spec = specs.get(event.field)!;
    if (event.kind === 'assumedUnit') {
      if (defaultUnitWarned.has(spec.key)) return;
      defaultUnitWarned.add(spec.key);
      out.issues.push({
        ...issue(
          'warning',
          'unit_assumed',
          spec,
          '',
          `“${headerOf.get(spec.key)}”列及单元格都没有写单位，已按默认单位“${ctx.defaultAmountUnit}”换算：请在表头写明单位，如“${spec.label}（亿元）”`,
        ),
        row: rowNumber,
      });
      return;
    }
    const name = event.name;
    out.unknownUnits.set(name, (out.unknownUnits.get(name) ?? 0) + 1);
    if (unknownUnitWarned.has(name)) return;
    unknownUnitWarned.add(name);
    out.issues.push(
      issue(
        'warning',
        'unknown_unit',
        spec,
        name,
        `单位“${name}”不在单位名单中，按原名统计：请改为名单中的单位名称，或在单位表中为其添加简称/别名`,
      ),
    );
  };
  // Rows seen before in this build (same kind, columns, units and cells) are reused (`rowMemo.ts`).
  const memoFields: string[] = [];
  for (const col of columns) if (!memoFields.includes(col.field as string)) memoFields.push(col.field as string);
  const memo = ctx.rowMemo?.table(
    cellsKey([
      ctx.kind,
      ctx.defaultAmountUnit,
      ctx.period === undefined ? 'ref' : 'ledger',
      ...columns.flatMap((c) => [c.field, c.unit]),
    ]),
  );
  const memoValues: CellValue[] = [];

  for (const row of rows) {
    out.stats.read++;
    if (row.status !== 'data') {
      out.stats.skipped++;
      continue;
    }
    const at = { file: ctx.file, sheet: ctx.sheet, row: row.row };
    // Whom the row goes back to when it has a problem (退回清单): its unit as written, resolved.
    let owner: { unit?: string } | undefined;
    const ownerOf = (): { unit?: string } => {
      if (owner !== undefined) return owner;
      const unitText = ledger && !isCellError(row.values.unit ?? null) ? cellToText(row.values.unit ?? null) : null;
      owner = unitText === null ? {} : { unit: ctx.resolveUnit(unitText).name };
      return owner;
    };
    const issue: IssueMaker = (severity, code, spec, value, message) => {
      const v = typeof value === 'string' ? value : cellText(value);
      return {
        severity,
        code,
        ...at,
        column: headerOf.get(spec.key) ?? spec.label,
        ...(v === '' ? {} : { value: v }),
        message,
        ...(ctx.period ? { period: ctx.period } : {}),
        ...ownerOf(),
      };
    };
    let memoKey: string | null = null;
    if (memo) {
      memoValues.length = 0;
      for (const f of memoFields) memoValues.push(row.values[f] ?? null);
      memoKey = cellsKey(memoValues);
      const hit = memo.get(memoKey);
      if (hit !== undefined && (hit.maxDate === null || !ctx.period || !isAfterEnd(hit.maxDate, ctx))) {
        for (const e of hit.events) replay(e, issue, row.row);
        out.records.push(reuseRecord(hit, { file: ctx.file, sheet: ctx.sheet, row: row.row }));
        out.stats.accepted++;
        memo.reused();
        continue;
      }
    }
    const errors: Issue[] = [];
    const events: RowEvent[] = [];
    let maxDate: string | null = null;
    const record: Record<string, unknown> = {};

    for (const col of columns) {
      const spec = specs.get(col.field as string);
      if (!spec || spec.key in record) continue;
      const value = row.values[spec.key] ?? null;
      if (isCellError(value)) {
        const severity = spec.required ? 'error' : 'warning';
        errors.push(
          issue(
            severity,
            'cell_error',
            spec,
            value,
            `单元格是错误值 ${value.error}（多为公式引用失效）：请改为实际数值${spec.required ? '' : '；本次按空值处理'}`,
          ),
        );
        continue;
      }
      const parsed = parseField(spec, value, col.unit, ctx);
      if (parsed.ok) {
        if (parsed.value === undefined) continue;
        record[recordKey(spec)] = parsed.value;
        if (spec.type === 'date' && (maxDate === null || (parsed.value as string) > maxDate))
          maxDate = parsed.value as string;
        if (parsed.assumedUnit) {
          const e: RowEvent = { kind: 'assumedUnit', field: spec.key };
          events.push(e);
          replay(e, issue, row.row);
        }
        for (const name of parsed.unknownUnits ?? []) {
          const e: RowEvent = { kind: 'unknownUnit', field: spec.key, name };
          events.push(e);
          replay(e, issue, row.row);
        }
        continue;
      }
      if (parsed.empty) continue;
      // A bad value in a required field rejects the row; in an optional field (返回日期, 外资金额 …)
      // the value is dropped with a warning, so the row still counts where it can.
      const severity = spec.required ? 'error' : 'warning';
      const suffix = severity === 'warning' ? '（本次按空值处理）' : '';
      errors.push(issue(severity, parsed.code, spec, value, parsed.message + suffix));
    }

    for (const spec of specs.values()) {
      if (
        spec.required &&
        !(recordKey(spec) in record) &&
        !errors.some((e) => e.severity === 'error' && e.column === (headerOf.get(spec.key) ?? spec.label))
      ) {
        const written = cellText(row.values[spec.key] ?? null).trim();
        const message = written
          ? `必填项“${spec.label}”写的是“${written}”，不是有效值，本行未计入：请填写实际${spec.label}${spec.type === 'amountYi' ? '（如 5亿、8000万元）' : ''}，确实未定的项目请暂不列入本表`
          : `缺少必填项“${spec.label}”，本行未计入：请补填后重新生成`;
        errors.push(issue('error', 'missing_required', spec, written, message));
      }
    }

    const rejected = errors.some((e) => e.severity === 'error');
    appendAll(out.issues, errors);
    if (rejected) {
      out.stats.rejected++;
      continue;
    }
    const src: SourceRef = { file: ctx.file, sheet: ctx.sheet, row: row.row };
    const result = schema.safeParse({ src, ...withDefaults(ctx.kind, record) });
    if (!result.success) {
      // The parsers above produce only values the schema allows, so this is a bug, not bad data.
      const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(
        `${ctx.kind} record of ${ctx.file} › ${ctx.sheet} › row ${row.row} fails its schema: ${problems}`,
      );
    }
    out.records.push(result.data as Record<string, unknown>);
    out.stats.accepted++;
    if (memo && memoKey !== null && errors.length === 0)
      memo.set(memoKey, memoEntry(result.data as Record<string, unknown>, events, maxDate));
  }
  return out;
}

type IssueMaker = (
  severity: Issue['severity'],
  code: IssueCode,
  spec: FieldSpec,
  value: CellValue | string,
  message: string,
) => Issue;

type FieldResult =
  | { ok: true; value: unknown; assumedUnit?: boolean; unknownUnits?: string[] }
  | { ok: false; empty: true }
  | { ok: false; empty: false; code: IssueCode; message: string };

const fail = (code: IssueCode, r: ParseResult<unknown>): FieldResult =>
  r.ok
    ? { ok: false, empty: true }
    : r.empty
      ? { ok: false, empty: true }
      : { ok: false, empty: false, code, message: r.message };

/** Parses one cell by its field type. */
function parseField(
  spec: FieldSpec,
  value: CellValue,
  headerUnit: TableLayout['columns'][number]['unit'],
  ctx: TableContext,
): FieldResult {
  switch (spec.type) {
    case 'text':
    case 'code': {
      const t = cellToText(value);
      return t === null ? { ok: false, empty: true } : { ok: true, value: t };
    }
    case 'amountYi':
    case 'amountUsd': {
      const r = parseAmount(value, {
        headerUnit,
        defaultUnit: ctx.defaultAmountUnit,
        currency: spec.type === 'amountUsd' ? 'usd' : 'cny',
      });
      if (!r.ok) return fail('invalid_amount', r);
      return { ok: true, value: r.value.value, assumedUnit: r.value.unitSource === 'default' };
    }
    case 'date': {
      const r = parseDate(value);
      if (!r.ok) return fail('invalid_date', r);
      if (ctx.period && isAfterEnd(r.value.date, ctx)) {
        return {
          ok: false,
          empty: false,
          code: 'future_date',
          message:
            ctx.asOf === undefined
              ? `日期 ${r.value.date} 晚于本期台账截止日（${ctx.period} 月底），台账不能记录未来的事项：请核对日期，或将该行移到以后月份的台账`
              : `日期 ${r.value.date} 晚于本快照截止日（${ctx.asOf}），台账不能记录未来的事项：请核对日期，或将该行移到以后的台账`,
        };
      }
      return { ok: true, value: r.value.date };
    }
    case 'yesno': {
      const r = parseYesNo(value);
      if (!r.ok) return r.empty ? { ok: true, value: undefined } : fail('invalid_yesno', r);
      return { ok: true, value: r.value };
    }
    case 'number':
    case 'int': {
      const r = parseNumber(value);
      if (!r.ok) return fail('invalid_number', r);
      if (spec.type === 'int' && !Number.isInteger(r.value)) {
        return { ok: false, empty: false, code: 'invalid_number', message: `“${cellText(value)}”应为整数：请填写整数` };
      }
      return { ok: true, value: r.value };
    }
    case 'unit': {
      const t = cellToText(value);
      if (t === null) return { ok: false, empty: true };
      const resolved = ctx.resolveUnit(t);
      return resolved.known
        ? { ok: true, value: resolved.name }
        : { ok: true, value: resolved.name, unknownUnits: [resolved.name] };
    }
    case 'units': {
      const t = cellToText(value);
      if (t === null) return { ok: false, empty: true };
      if (isZoneName(t, ctx.zoneNames)) return { ok: true, value: [ZONE_UNIT] };
      const names: string[] = [];
      const unknown: string[] = [];
      for (const part of t.split(/[、,，/／]/)) {
        const name = foldText(part);
        if (name === '') continue;
        const resolved = ctx.resolveUnit(name);
        if (!names.includes(resolved.name)) names.push(resolved.name);
        if (!resolved.known) unknown.push(resolved.name);
      }
      if (names.length === 0) return { ok: false, empty: true };
      return unknown.length ? { ok: true, value: names, unknownUnits: unknown } : { ok: true, value: names };
    }
    case 'list': {
      const t = cellToText(value);
      if (t === null) return { ok: true, value: [] };
      return {
        ok: true,
        value: t
          .split(/[、,，;；/]/)
          .map((s) => foldText(s))
          .filter((s) => s !== ''),
      };
    }
    case 'enum': {
      const t = cellToText(value);
      if (t === null) return { ok: false, empty: true };
      const hit = spec.values?.find((v) => t === v || t.replace(/\s/g, '') === v);
      if (hit) return { ok: true, value: hit };
      return {
        ok: false,
        empty: false,
        code: 'invalid_enum',
        message: `“${t}”不是可选值：请填写 ${(spec.values ?? []).join(' / ')} 之一`,
      };
    }
  }
}

/** Defaults the contract gives for empty cells (yes/no = 否; 是否参与排名 = 是). */
function withDefaults(kind: TableKind, record: Record<string, unknown>): Record<string, unknown> {
  const out = { ...record };
  const def: TableDef = TABLES[kind];
  for (const spec of def.fields) {
    const key = recordKey(spec);
    if (out[key] !== undefined) continue;
    // A target's yes/no columns are filters (emptyYesNo 'none'): empty means "no filter", not 否.
    if (spec.type === 'yesno' && def.emptyYesNo !== 'none') out[key] = spec.empty ?? false;
    if (spec.type === 'list') out[key] = [];
  }
  return out;
}
