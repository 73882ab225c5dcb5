/**
 * Project names across ledgers (contract §6): the matching key, and near misses that are
 * reported as suggested matches, never joined.
 */
import { memoize } from './memo.ts';
import { compactText } from './text.ts';

/** Brackets of both widths; the characters go, their content stays. */
const BRACKETS = /[（）()【】[\]〔〕]/g;

/**
 * Key for matching a project across 签约, 开工, 投产 and 到位资金 when no 项目编号 is given:
 * width-folded, white space removed, bracket characters removed (content kept), one trailing
 * `项目` removed, ASCII lower-cased. Removing the brackets rather than their content keeps
 * `（一期）` and `（二期）` apart.
 *
 * @example projectNameKey('年产10万吨锂电池材料项目') // '年产10万吨锂电池材料'
 * @example projectNameKey('ＡＢＣ 新材料（一期）项目') // 'abc新材料一期'
 */
function projectNameKeyUncached(name: string): string {
  const k = compactText(name)
    .replace(BRACKETS, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
  return k.length > 2 && k.endsWith('项目') ? k.slice(0, -2) : k;
}

function codePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0) ?? 0);
}

/**
 * Levenshtein distance between code point arrays, computed only within `max` of the diagonal;
 * returns `max + 1` as soon as the distance is known to exceed `max`.
 */
function boundedDistance(x: readonly number[], y: readonly number[], max: number): number {
  const n = x.length;
  const m = y.length;
  const k = Math.min(max, Math.max(n, m));
  const over = k + 1;
  if (Math.abs(n - m) > k) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[0] = i <= k ? i : over;
    cur[lo - 1] = lo === 1 ? (cur[0] ?? over) : over;
    let rowMin = lo === 1 ? (cur[0] ?? over) : over;
    const xi = x[i - 1];
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(
        (prev[j - 1] ?? over) + (xi === y[j - 1] ? 0 : 1),
        (prev[j] ?? over) + 1,
        (cur[j - 1] ?? over) + 1,
        over,
      );
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > k) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m] ?? over, over);
}

/**
 * Levenshtein distance over code points (a Chinese character counts once). With `max`, stops
 * early and returns `max + 1` once the distance is known to exceed it.
 *
 * @example editDistance('锂电池材料', '钠电池材料') // 1
 * @example editDistance('新能源汽车零部件', '光伏组件', 2) // 3 (more than 2)
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  return boundedDistance(codePoints(a), codePoints(b), max);
}

/**
 * Edits allowed between two keys, from the shorter key's length in characters: none below 4
 * (too many short names differ by one character), 1 up to 8, 2 up to 20, 3 beyond. Project names
 * in these ledgers are mostly 8–25 Chinese characters, where a typo or a dropped word is 1–2 edits.
 */
export function nearMissThreshold(length: number): number {
  if (length < 4) return 0;
  if (length <= 8) return 1;
  if (length <= 20) return 2;
  return 3;
}

/**
 * A phase or lot number (`一期`, `2号`, `第三批`, `1标段`): names differing only there are
 * different projects, not a typo.
 */
const PHASE = /[0-9零〇一二三四五六七八九十]+(?=期|号|批|标段)/g;

interface Key {
  key: string;
  codes: number[];
  /** Code points sorted, for the character-count filter. */
  sorted: number[];
  phaseless: string;
}

function makeKey(key: string): Key {
  const codes = codePoints(key);
  return { key, codes, sorted: [...codes].sort((p, q) => p - q), phaseless: key.replace(PHASE, '#') };
}

/** Characters the two keys share, counting repeats (sorted-array merge). */
function sharedCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const p = a[i] ?? 0;
    const q = b[j] ?? 0;
    if (p === q) {
      shared++;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return shared;
}

/** The distance when the keys are a near miss, else null. */
function nearMiss(a: Key, b: Key): number | null {
  if (a.key === b.key) return null;
  const k = nearMissThreshold(Math.min(a.codes.length, b.codes.length));
  if (k === 0 || Math.abs(a.codes.length - b.codes.length) > k) return null;
  // Each edit fixes at most one unmatched character, so this bounds the distance from below.
  if (Math.max(a.codes.length, b.codes.length) - sharedCount(a.sorted, b.sorted) > k) return null;
  const d = boundedDistance(a.codes, b.codes, k);
  if (d > k || a.phaseless === b.phaseless) return null;
  return d;
}

/**
 * True when two names do not match (different keys) but are close enough to be the same project
 * with a typo: see `nearMissThreshold`. Names that differ only in a phase or lot number
 * (`一期`/`二期`) are not near misses.
 *
 * @example isNearMiss('年产10万吨锂电池材料项目', '年产10万吨锂电池材枓项目') // true (材料/材枓)
 * @example isNearMiss('某某新材料一期', '某某新材料二期') // false
 * @example isNearMiss('光伏组件', '光伏组件项目') // false: same key, they match
 */
export function isNearMiss(a: string, b: string): boolean {
  return nearMiss(makeKey(projectNameKey(a)), makeKey(projectNameKey(b))) !== null;
}

export interface NearMissMatch {
  /** From `names`, as given, e.g. the name on a 开工 row. */
  name: string;
  /** From `candidates`, as given, e.g. a 签约 project name. */
  candidate: string;
  /** Edit distance between the two keys. */
  distance: number;
}

interface CandidateEntry {
  key: Key;
  /** First appearance among distinct keys, for a stable order. */
  order: number;
  /** Candidate strings with this key. */
  originals: string[];
}

/**
 * For each name that matches no candidate exactly (by `projectNameKey`), the candidates that are
 * near misses (`isNearMiss`), closest first, then in candidate order. A name that already matches
 * a candidate gets no suggestions. Duplicate strings are reported once.
 *
 * Candidates are bucketed by key length and filtered by shared characters before the bounded
 * edit distance runs, so 5,000 × 5,000 names take well under a second.
 *
 * @example findNearMisses(['光伏组建项目'], ['光伏组件项目', '风电装备'])
 *   // [{name: '光伏组建项目', candidate: '光伏组件项目', distance: 1}]
 */
export function findNearMisses(names: readonly string[], candidates: readonly string[]): NearMissMatch[] {
  const byKey = new Map<string, CandidateEntry>();
  for (const candidate of new Set(candidates)) {
    const key = projectNameKey(candidate);
    const entry = byKey.get(key);
    if (entry === undefined) byKey.set(key, { key: makeKey(key), order: byKey.size, originals: [candidate] });
    else entry.originals.push(candidate);
  }
  const byLength = new Map<number, CandidateEntry[]>();
  for (const entry of byKey.values()) {
    const list = byLength.get(entry.key.codes.length);
    if (list === undefined) byLength.set(entry.key.codes.length, [entry]);
    else list.push(entry);
  }

  const out: NearMissMatch[] = [];
  for (const name of new Set(names)) {
    const keyText = projectNameKey(name);
    if (byKey.has(keyText)) continue;
    const key = makeKey(keyText);
    const length = key.codes.length;
    const found: { distance: number; order: number; originals: string[] }[] = [];
    // The threshold follows the shorter key, so no candidate may differ in length by more than this.
    const widest = nearMissThreshold(length);
    if (widest === 0) continue;
    for (let m = Math.max(0, length - widest); m <= length + widest; m++) {
      for (const entry of byLength.get(m) ?? []) {
        const distance = nearMiss(key, entry.key);
        if (distance !== null) found.push({ distance, order: entry.order, originals: entry.originals });
      }
    }
    found.sort((p, q) => p.distance - q.distance || p.order - q.order);
    for (const f of found) for (const candidate of f.originals) out.push({ name, candidate, distance: f.distance });
  }
  return out;
}

/** @see projectNameKeyUncached — memoised. */
export const projectNameKey: (name: string) => string = memoize(projectNameKeyUncached);
