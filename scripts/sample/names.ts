/**
 * Fictional names for the sample zone: companies, projects and people. A `NameBook` remembers
 * what it has handed out so project names stay unique across the whole scenario.
 */
import type { Rng } from './prng.ts';
import { NAME_PARTS } from './zone.ts';

export interface Company {
  /** `深圳华锐新能源科技有限公司` */
  name: string;
  /** `华锐`, used in project names. */
  short: string;
  /** Registered abroad (港澳台 or foreign): its projects are 外资. */
  abroad: boolean;
}

const NUMERALS = ['二', '三', '四', '五'];

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
        return { name, short, abroad };
      }
    }
  }

  /** A unique project name such as `华锐年产2万吨磷酸铁锂正极材料项目`. */
  project(short: string, product: string, kind: 'new' | 'expand' | 'tourism'): string {
    const r = this.rng;
    let base: string;
    if (kind === 'tourism') base = `${short}${product}项目`;
    else if (kind === 'expand')
      base = r.pick([`${short}${product}扩产项目`, `${short}${product}技改扩能项目`, `${short}${product}二期项目`]);
    else {
      base = r.pick([
        `${short}${product}项目`,
        `年产${r.pick(['1', '2', '3', '5', '10', '20'])}万${r.pick(['吨', '套', '件', '台'])}${product}项目`,
        `${short}${product}生产基地项目`,
        `${short}${product}研发及产业化项目`,
        `${product}智能制造项目`,
      ]);
    }
    let name = base;
    for (let i = 0; this.projects.has(name); i++) {
      const numeral = NUMERALS[i % NUMERALS.length] ?? '二';
      name = base.replace(/项目$/, `（${numeral}期）项目`);
      if (i >= NUMERALS.length) name = `${short}${i}号${base}`;
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
