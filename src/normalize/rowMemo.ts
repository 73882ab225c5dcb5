import type { CellValue } from '../schemas/table.ts';

/**
 * Reuse of a row's normalised record when the same row (same kind, same columns and units, same
 * cells) was normalised before in this build — most rows of a monthly snapshot repeat last
 * month's. Only rows that were accepted without any row-level issue are kept; what such a row did
 * to its table (the once-per-column "unit assumed" warning, unknown unit names) is kept as events
 * and replayed in order, so a reused row leaves exactly the same trace as a normalised one.
 *
 * Memory is bounded: entries live for two generations (the data stage starts a generation per
 * snapshot, so a row is found when it was in the previous snapshot or earlier in this one), and a
 * generation stops taking entries past {@link MAX_ENTRIES} or {@link MAX_KEY_CHARS}.
 */

/** What a row did besides giving its record, in column order. */
export type RowEvent = { kind: 'assumedUnit'; field: string } | { kind: 'unknownUnit'; field: string; name: string };

export interface RowMemoEntry {
  /** The record as the schema gave it; `src` is replaced on reuse. */
  record: Record<string, unknown>;
  events: RowEvent[];
  /** Latest date among the record's date fields ('YYYY-MM-DD'), or null: a reuse must not pass a later period's check. */
  maxDate: string | null;
}

/** Most entries per generation (≈ 300 bytes each). */
const MAX_ENTRIES = 400_000;

/**
 * Most characters of all keys of a generation together, each entry charged its table key and its
 * cells key (a key holds every cell of its row, ≈ 2 bytes a character): 24 million ≈ 50 MB. A normal snapshot's keys take a few million; a 1,000,000-row
 * sheet of distinct rows stops taking entries here instead of holding 400,000 long keys.
 */
const MAX_KEY_CHARS = 24_000_000;

/** One generation: the entries of each table key (kind, columns, units), by the row's cells. */
export type RowMemoTables = Map<string, Map<string, RowMemoEntry>>;

/** The memo of one build. */
export class RowMemo {
  private current: RowMemoTables = new Map();
  private previous: RowMemoTables = new Map();
  /** Entries and characters of the current generation's keys. */
  private size = 0;
  private chars = 0;
  /** Rows reused / normalised, for the bench. */
  readonly stats = { reused: 0, stored: 0 };

  /** Starts a new generation (call once per snapshot): entries older than the previous one are dropped. */
  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
    this.size = 0;
    this.chars = 0;
  }

  /** The current generation: what the next snapshot may reuse (kept in the cache after the latest snapshot). */
  entries(): RowMemoTables {
    return this.current;
  }

  /**
   * Takes `entries` (the memo a build kept after the previous snapshot) as the previous
   * generation, when this build has none: the earlier snapshots came from the cache, so nothing
   * was normalised that the new month's rows could reuse. Only rows that would have been found
   * anyway are found: the entries were made by the same code from the same settings and units.
   */
  seed(entries: RowMemoTables): void {
    if (this.previous.size === 0 && this.current.size === 0) this.previous = entries;
  }

  /**
   * The entries of one table key, for the rows of one table (the key is not repeated in every
   * row's key, nor hashed again for each row). Valid until the next generation.
   */
  table(tableKey: string): RowMemoTable {
    let current = this.current.get(tableKey);
    if (current === undefined) {
      current = new Map();
      this.current.set(tableKey, current);
    }
    return new RowMemoTable(this, current, this.previous.get(tableKey), tableKey.length);
  }

  /**
   * True when the current generation may take one more entry of `chars` key characters (counting
   * it if so). Each entry is charged its table key too, as if the key were written out in full:
   * the budget is a bound on the entries' memory (their records weigh more than their keys), and
   * charging only the shorter cells key let a 1,000,000-row sheet keep about twice as many entries
   * (peak 1.77 GB against 1.66 GB, one run each).
   */
  room(chars: number): boolean {
    if (this.size >= MAX_ENTRIES || this.chars + chars > MAX_KEY_CHARS) return false;
    this.size++;
    this.chars += chars;
    return true;
  }
}

/** The memo of the rows of one table key (see {@link RowMemo.table}). */
export class RowMemoTable {
  private readonly memo: RowMemo;
  private readonly current: Map<string, RowMemoEntry>;
  private readonly previous: Map<string, RowMemoEntry> | undefined;
  private readonly tableChars: number;

  constructor(
    memo: RowMemo,
    current: Map<string, RowMemoEntry>,
    previous: Map<string, RowMemoEntry> | undefined,
    tableChars: number,
  ) {
    this.memo = memo;
    this.current = current;
    this.previous = previous;
    this.tableChars = tableChars;
  }

  /** The entry of a row's {@link cellsKey}: from this generation, else the previous one (then kept on). */
  get(key: string): RowMemoEntry | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous?.get(key);
    if (old !== undefined && this.memo.room(this.tableChars + key.length)) this.current.set(key, old);
    return old;
  }

  set(key: string, entry: RowMemoEntry): void {
    if (!this.memo.room(this.tableChars + key.length)) return;
    this.current.set(key, entry);
    this.memo.stats.stored++;
  }

  /** Counts a row whose entry was reused (`get` cannot: the caller may still refuse a hit). */
  reused(): void {
    this.memo.stats.reused++;
  }
}

/**
 * The part of a row's key that the cells give: each value with its type, length-prefixed, so
 * that `5` (number), `'5'` (text) and a date never collide.
 */
export function cellsKey(values: readonly CellValue[]): string {
  let k = '';
  for (const v of values) {
    if (v === null || v === undefined) k += '_';
    else if (typeof v === 'string') k += `s${v.length}:${v}`;
    else if (typeof v === 'number') k += `n${Object.is(v, -0) ? '-0' : v};`;
    else if (typeof v === 'boolean') k += v ? 'T' : 'F';
    else if (v instanceof Date) k += `d${v.getTime()};`;
    else k += `e${v.error.length}:${v.error}`;
  }
  return k;
}

/** A fresh record from an entry: its own object and arrays, `src` set. */
export function reuseRecord(
  entry: RowMemoEntry,
  src: { file: string; sheet: string; row: number },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in entry.record) {
    const v = entry.record[k];
    out[k] = k === 'src' ? src : Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/** The entry to keep for a freshly normalised record (copied: the record itself is changed later). */
export function memoEntry(record: Record<string, unknown>, events: RowEvent[], maxDate: string | null): RowMemoEntry {
  const copy: Record<string, unknown> = {};
  for (const k in record) {
    const v = record[k];
    copy[k] = Array.isArray(v) ? [...v] : v;
  }
  return { record: copy, events, maxDate };
}
