/**
 * What every ledger writer shares: the file it hands back, the bad rows it documents, and the
 * header lines every 台账 repeats (填报单位, 统计截止日期, sign-off).
 */
import { parseDay, type Month } from '../calendar.ts';
import type { Snapshot } from '../snapshot.ts';
import type { Specials } from '../specials.ts';

/** A deliberate bad row (`error`: rejected) or suspicious row (`warning`), as `data/README.md` lists it. */
export interface BadRow {
  severity: 'error' | 'warning';
  /** Stable across snapshots (e.g. `lead:L812`), to tell since when a row has been bad. */
  id: string;
  /** Path relative to the data folder. */
  file: string;
  sheet: string;
  /** Excel row (1-based, counting title rows) or CSV line. */
  row: number;
  /** Header as written in the file. */
  column: string;
  value: string;
  problem: string;
}

export interface LedgerFile {
  /** Path relative to the data folder, e.g. `ledgers/2025-10/2025年签约项目台账（定稿）.xlsx`. */
  path: string;
  data: Buffer;
  /** Data rows written (projects, leads, trips…), not counting titles, headers, totals or notes. */
  rows: number;
  bad: BadRow[];
}

export interface LedgerContext {
  snap: Snapshot;
  specials: Specials;
  /** Fixed document and zip time of this snapshot's files. */
  stamp: Date;
  /** `ledgers/2025-10` */
  dir: string;
}

/** Files of one snapshot are saved the day after its month end, 09:30. */
export function snapshotStamp(period: Month): Date {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return new Date(Date.UTC(y, m, 1, 9, 30, 0));
}

export function year(period: Month): number {
  return Number(period.slice(0, 4));
}

export function month(period: Month): number {
  return Number(period.slice(5, 7));
}

export function cutoffLine(snap: Snapshot): string {
  const { y, m, d } = parseDay(snap.end);
  return `统计截止日期：${y}年${m}月${d}日`;
}

export const FILLED_BY = '填报单位：青川经济开发区投资促进局（盖章）';
export const SIGN_OFF = ['填报人：李晓明', '审核人：王建国', '联系电话：0000-7654321'];

export function sumOf<T>(items: readonly T[], f: (x: T) => number | undefined): number {
  let s = 0;
  for (const x of items) s += f(x) ?? 0;
  return Math.round(s * 1e6) / 1e6;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
