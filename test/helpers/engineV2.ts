import type {
  Lead,
  Signed,
  SnapshotRecords,
  SourceRef,
  Started,
  Target,
  Trip,
  Unit,
} from '../../src/schemas/records.ts';
import { emptyRecords, signedRecord } from './records.ts';

/**
 * Builders for the engine v2 tests (test/engine-v2-*.test.ts): records, targets and units as the
 * data stage hands them to the metrics, each filling only what the stage always sets.
 */

/** A ledger row reference; rows 1xx 签约, 2xx 开工, 5xx 信息, 7xx 外出 by convention. */
export const ledgerRef = (row: number, file = 'ledgers/2025-12/台账.xlsx'): SourceRef => ({
  file,
  sheet: 'Sheet1',
  row,
});

/** A target-table row reference. */
export const targetRef = (row: number): SourceRef => ({ file: 'reference/目标任务分解表.xlsx', sheet: '2025年', row });

let targetRow = 2;

/**
 * A resolved 目标任务分解表 row (what `finishTargets` returns): 2025, 按比例, 类别 基本 unless told,
 * `units` one unit unless told, `unit` their display string.
 */
export function target(t: Partial<Target> & Pick<Target, 'indicator' | 'target'> & { units?: string[] }): Target {
  const units = t.units ?? ['甲局'];
  const zone = t.zone ?? false;
  return {
    year: 2025,
    method: '按比例',
    category: '基本',
    src: targetRef(targetRow++),
    ...t,
    units: zone ? [] : units,
    zone,
    unit: t.unit ?? (zone ? '全区' : units.join('、')),
  };
}

/** A 签约 row with its project key (`code:<code>`), 认定 unless `recognition` says otherwise. */
export function signed(
  row: number,
  code: string,
  unit: string,
  signDate: string,
  investmentYi: number,
  extra: Partial<Signed> = {},
): Signed {
  return signedRecord({
    src: ledgerRef(row),
    code,
    key: `code:${code}`,
    name: `项目${code}`,
    unit,
    signDate,
    investmentYi,
    ...extra,
  });
}

export function started(row: number, code: string, startDate: string, unit?: string): Started {
  return {
    src: ledgerRef(row),
    code,
    key: `code:${code}`,
    name: `项目${code}`,
    startDate,
    inStats: true,
    ...(unit ? { unit } : {}),
  };
}

/** `n` leads of one unit, one date and one 研判结果, rows from `from`. */
export function leads(from: number, n: number, unit: string, reportDate: string, verdict: Lead['verdict']): Lead[] {
  return Array.from({ length: n }, (_, i) => ({
    src: ledgerRef(from + i),
    name: `信息${from + i}`,
    unit,
    reportDate,
    ...(verdict ? { verdict } : {}),
  }));
}

export function trip(row: number, unit: string, departDate: string, visits?: number): Trip {
  return { src: ledgerRef(row), unit, departDate, ...(visits === undefined ? {} : { visits }) };
}

/** A snapshot holding these rows (everything else empty). */
export const snapshot = (r: Partial<SnapshotRecords>): SnapshotRecords => ({ ...emptyRecords(), ...r });

/** A units-table row: ranked, no aliases; group and 人数 when given. */
export const unit = (name: string, extra: Partial<Unit> = {}): Unit => ({ name, aliases: [], ranked: true, ...extra });
