/**
 * 责任单位 names as written in ledgers → canonical 单位名称 from the units table (contract §5).
 */
import { compactText, foldText } from './text.ts';

export interface UnitEntry {
  /** Canonical 单位名称, e.g. `经济开发区管委会`. */
  name: string;
  /** 简称 / 别名 already split, e.g. `['经开区', '开发区']`. */
  aliases: readonly string[];
}

export interface UnitResolution {
  /** Canonical name when known; otherwise the raw name, folded (shown under 未识别单位). */
  name: string;
  known: boolean;
  /** When the raw name is an alias claimed by several units: their canonical names. */
  ambiguous?: string[];
}

export interface DuplicateAlias {
  /** The alias as first written, folded, e.g. `经开区`. */
  alias: string;
  /** Canonical names of every unit claiming it, in table order. */
  units: string[];
}

export interface UnitResolver {
  resolve(raw: string): UnitResolution;
  /** Aliases claimed by more than one unit, to be listed as `duplicate_alias` warnings. */
  duplicates: DuplicateAlias[];
}

/** Matching key: folded, no white space, ASCII upper-cased (`ＧＸ区` = `gx区`). */
function unitKey(s: string): string {
  return compactText(s).toUpperCase();
}

/**
 * Builds the resolver. Lookup is exact after folding and removing white space: first a 单位名称,
 * then an alias. Nothing fuzzy: an unknown or similar name stays unknown, never merged.
 *
 * Conflicts, reported in `duplicates`:
 * - an alias claimed by two units resolves to nothing (`known: false`, `ambiguous` lists them);
 * - an alias equal to another unit's name: the name wins (exact name first), still reported so
 *   the table can be fixed.
 * A unit listed twice under the same name is one unit (the first spelling is canonical).
 *
 * @example
 * const r = createUnitResolver([{name: '经济开发区管委会', aliases: ['经开区']}]);
 * r.resolve(' 经 开 区 ') // {name: '经济开发区管委会', known: true}
 * r.resolve('经开局') // {name: '经开局', known: false}
 */
export function createUnitResolver(units: readonly UnitEntry[]): UnitResolver {
  const names = new Map<string, string>();
  for (const unit of units) {
    const name = foldText(unit.name);
    const key = unitKey(name);
    if (key !== '' && !names.has(key)) names.set(key, name);
  }

  const aliases = new Map<string, { alias: string; owners: string[] }>();
  for (const unit of units) {
    const own = unitKey(unit.name);
    const canonical = names.get(own);
    if (canonical === undefined) continue;
    for (const alias of unit.aliases) {
      const key = unitKey(alias);
      if (key === '' || key === own) continue;
      const entry = aliases.get(key);
      if (entry === undefined) aliases.set(key, { alias: foldText(alias), owners: [canonical] });
      else if (!entry.owners.includes(canonical)) entry.owners.push(canonical);
    }
  }

  const duplicates: DuplicateAlias[] = [];
  for (const [key, { alias, owners }] of aliases) {
    const named = names.get(key);
    const claimants = named === undefined ? owners : [named, ...owners.filter((o) => o !== named)];
    if (claimants.length > 1) duplicates.push({ alias, units: claimants });
  }

  return {
    duplicates,
    resolve(raw: string): UnitResolution {
      const key = unitKey(raw);
      const byName = names.get(key);
      if (byName !== undefined) return { name: byName, known: true };
      const owners = aliases.get(key)?.owners;
      const [only, ...rest] = owners ?? [];
      if (only === undefined) return { name: foldText(raw), known: false };
      if (rest.length === 0) return { name: only, known: true };
      return { name: foldText(raw), known: false, ambiguous: [only, ...rest] };
    },
  };
}
