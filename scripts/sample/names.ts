/**
 * Fictional names for the sample zone: companies, projects and people. A `NameBook` remembers
 * what it has handed out so project names stay unique across the whole scenario.
 */
import type { Rng } from './prng.ts';
import { CAPACITY, NAME_PARTS } from './zone.ts';

export interface Company {
  /** `深圳华锐新能源科技有限公司` */
  name: string;
  /** `华锐`, used in project names. */
  short: string;
  /** Registered abroad (港澳台 or foreign): its projects are 外资. */
  abroad: boolean;
  /** `深圳`, the place part of the name. */
  city: string;
}

export class NameBook {
  readonly rng: Rng;
  readonly projects = new Set<string>();
  readonly companies = new Set<string>();

  constructor(rng: Rng) {
    this.rng = rng;
  }

  company(chain: string, abroad: boolean): Company {
    const r = this.rng;
    for (let attempt = 0; ; attempt++) {
      const short = r.pick(NAME_PARTS.words);
      const place = abroad ? r.pick(NAME_PARTS.abroad) : r.pick(NAME_PARTS.cities);
      const trade = NAME_PARTS.trades[chain] ?? '实业';
      const suffix = abroad && place !== '台湾' ? '有限公司' : r.pick(NAME_PARTS.suffixes);
      const name = `${place}${short}${trade}${suffix.startsWith('科技') && trade.endsWith('科技') ? '有限公司' : suffix}`;
      if (!this.companies.has(name) || attempt > 20) {
        this.companies.add(name);
        return { name, short, abroad, city: place };
      }
    }
  }

  /**
   * A unique project name such as `华锐年产1万吨磷酸铁锂正极材料项目`: a stated capacity always
   * matches 总投资 (`CAPACITY`: 亿元 per unit), so 0.2亿元 never buys 1万吨 of anything.
   */
  project(short: string, product: string, kind: 'new' | 'expand' | 'tourism', investmentYi = 0, city = ''): string {
    const r = this.rng;
    const capacity = capacityText(product, investmentYi);
    const candidates: string[] = [];
    if (kind === 'tourism') candidates.push(`${short}${product}项目`, `${short}${product}（一期）项目`);
    else if (kind === 'expand') {
      const forms = [`${short}${product}扩产项目`, `${short}${product}技改扩能项目`, `${short}${product}二期项目`];
      if (capacity !== null) forms.push(`${short}新增${capacity}${product}扩产项目`);
      const first = r.pick(forms);
      candidates.push(first, ...forms.filter((f) => f !== first));
    } else {
      const forms = [
        `${short}${product}项目`,
        `${short}${product}生产基地项目`,
        `${short}${product}研发及产业化项目`,
        `${short}${product}智能制造项目`,
      ];
      if (capacity !== null)
        forms.push(`${short}年产${capacity}${product}项目`, `${short}年产${capacity}${product}项目`);
      const first = r.pick(forms);
      candidates.push(first, ...forms.filter((f) => f !== first));
    }
    // Another company with the same short name: its city tells the two apart, as clerks write it.
    if (city !== '') candidates.push(...candidates.map((c) => `${city}${c}`));
    let name = candidates.find((c) => !this.projects.has(c));
    for (let i = 2; name === undefined; i++) {
      const c = `${candidates[0]?.replace(/项目$/, '') ?? short}（${i}号地块）项目`;
      if (!this.projects.has(c)) name = c;
    }
    this.projects.add(name);
    return name;
  }

  person(): string {
    return this.rng.pick(NAME_PARTS.surnames) + this.rng.pick(NAME_PARTS.given);
  }

  /** Fictional numbers only: 0000- landlines and 100-prefixed mobiles, which no carrier issues. */
  phone(): string {
    return this.rng.chance(0.5) ? `0000-${this.rng.int(1000000, 9999999)}` : `1000000${this.rng.int(1000, 9999)}`;
  }
}

/** Homophone typos a clerk makes with a pinyin input method. */
const TYPOS: Record<string, string> = {
  电: '点',
  基: '机',
  研: '妍',
  智: '知',
  材: '才',
  料: '科',
  药: '要',
  物: '务',
  器: '气',
  造: '早',
  剂: '济',
  链: '连',
  装: '庄',
  能: '源',
  件: '见',
};

/** A name one character off, e.g. for a 开工 row whose clerk mistyped the project: a homophone typo, else one character dropped. */
export function nearMiss(name: string): string {
  const core = name.replace(/项目$/, '');
  for (let i = core.length - 1; i > 1; i--) {
    const typo = TYPOS[core[i] ?? ''];
    if (typo !== undefined) return `${core.slice(0, i)}${typo}${core.slice(i + 1)}项目`;
  }
  return `${core.slice(0, core.length - 1)}项目`;
}

const NICE = [1, 1.2, 1.5, 2, 3, 5, 6, 8, 10];

/** The largest round number not above `x`: 1, 1.2, 1.5, 2, 3, 5, 6, 8 × 10^k. */
function niceFloor(x: number): number {
  const k = Math.floor(Math.log10(x));
  const base = x / 10 ** k;
  const n = [...NICE].reverse().find((v) => v <= base + 1e-9) ?? 1;
  return Number((n * 10 ** k).toPrecision(3));
}

/**
 * The capacity that `investmentYi` buys of `product`, written as a clerk would (`1万吨`, `5000吨`,
 * `2GWh`, `3亿片`), or null when the product has no capacity or the sum buys too little to name.
 *
 * @example capacityText('磷酸铁锂正极材料', 3.2) // '1万吨' (3亿元 per 万吨)
 */
export function capacityText(product: string, investmentYi: number): string | null {
  const spec = CAPACITY[product];
  if (spec === undefined || investmentYi <= 0) return null;
  const [unit, yiPerUnit] = spec;
  const v = niceFloor(investmentYi / yiPerUnit);
  if (unit.startsWith('万') && v < 1)
    return v * 1e4 >= 100 ? `${Number((v * 1e4).toPrecision(3))}${unit.slice(1)}` : null;
  if (unit.startsWith('万') && v >= 1e4) return `${Number((v / 1e4).toPrecision(3))}亿${unit.slice(1)}`;
  if (unit === '吨' && v >= 1e4) return `${Number((v / 1e4).toPrecision(3))}万吨`;
  if (unit === '升' && v >= 1e4) return `${Number((v / 1e4).toPrecision(3))}万升`;
  if (v < 1 || (['台', '条', '吨', '升'].includes(unit) && v < 10)) return null;
  return `${v}${unit}`;
}
