import type { Target } from '../schemas/records.ts';
import { normalizeChain } from '../schemas/chain.ts';

/**
 * The optional filters of a 目标任务分解表 row (contract §5): which records an indicator counts.
 * Every key absent = no filter.
 *
 * @example { chain: '新能源', minInvestmentYi: 5 } // 新能源 projects of at least 5亿元
 */
export type ActualFilter = Partial<
  Pick<
    Target,
    'chain' | 'minInvestmentYi' | 'maxInvestmentYi' | 'foreign' | 'provincial' | 'fundSource' | 'park' | 'projectType'
  >
>;

/** Filter keys in label order. */
export const FILTER_KEYS = [
  'chain',
  'minInvestmentYi',
  'maxInvestmentYi',
  'foreign',
  'provincial',
  'fundSource',
  'park',
  'projectType',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Project attributes a filter looks at; `null` = not known for this record. */
export interface FilterAttrs {
  chain: string | null;
  investmentYi: number | null;
  foreign: boolean;
  provincial: boolean;
  fundSource: string | null;
  /** 落户园区 of the (project's) 签约 row. */
  park: string | null;
  /** 项目类型 of the (project's) 签约 row. */
  projectType: string | null;
}

/** The filter of a target row. @example filterOf(target) // { chain: '新能源' } */
export function filterOf(target: Target): ActualFilter {
  const f: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) if (target[k] !== undefined) f[k] = target[k];
  return f as ActualFilter;
}

/** Keys of the filter that are set, in label order. */
export function activeFilterKeys(filter: ActualFilter): FilterKey[] {
  return FILTER_KEYS.filter((k) => filter[k] !== undefined);
}

const yesNo = (b: boolean): string => (b ? '是' : '否');

/** Chinese label of one filter condition. @example filterPartLabel({ minInvestmentYi: 5 }, 'minInvestmentYi') // '投资≥5亿元' */
export function filterPartLabel(filter: ActualFilter, key: FilterKey): string {
  switch (key) {
    case 'chain':
      return `产业链=${filter.chain ?? ''}`;
    case 'minInvestmentYi':
      return `投资≥${filter.minInvestmentYi ?? ''}亿元`;
    case 'maxInvestmentYi':
      return `投资<${filter.maxInvestmentYi ?? ''}亿元`;
    case 'park':
      return `落户园区=${filter.park ?? ''}`;
    case 'projectType':
      return `项目类型=${filter.projectType ?? ''}`;
    case 'foreign':
      return `外资=${yesNo(filter.foreign ?? false)}`;
    case 'provincial':
      return `省台账=${yesNo(filter.provincial ?? false)}`;
    case 'fundSource':
      return `资金来源=${filter.fundSource ?? ''}`;
  }
}

/**
 * Human label of a filter, `''` when none.
 *
 * @example filterLabel({ chain: '新能源', minInvestmentYi: 5 }) // '产业链=新能源；投资≥5亿元'
 */
export function filterLabel(filter: ActualFilter): string {
  return activeFilterKeys(filter)
    .map((k) => filterPartLabel(filter, k))
    .join('；');
}

const compact = (s: string): string => s.replace(/\s/g, '');

/** Splits a filter value listing several options: `新能源、新材料` → both. */
function options(value: string): string[] {
  return value
    .split(/[、,，;；/]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Whether a record with these attributes passes the filter, looking only at `keys` (the filters
 * that apply to the indicator; the others are reported as ignored, never applied). An attribute the
 * record does not have never matches a filter on it; a yes/no attribute not given counts as 否.
 *
 * @example matchesFilter({ chain: '新能源' }, ['chain'], { chain: '新能源产业', … }) // true
 */
export function matchesFilter(filter: ActualFilter, keys: readonly FilterKey[], attrs: FilterAttrs): boolean {
  for (const key of keys) {
    switch (key) {
      case 'chain': {
        if (filter.chain === undefined) break;
        if (attrs.chain === null) return false;
        const c = normalizeChain(attrs.chain);
        if (!options(filter.chain).some((o) => normalizeChain(o) === c)) return false;
        break;
      }
      case 'minInvestmentYi':
        if (filter.minInvestmentYi === undefined) break;
        if (attrs.investmentYi === null || attrs.investmentYi < filter.minInvestmentYi) return false;
        break;
      case 'maxInvestmentYi':
        if (filter.maxInvestmentYi === undefined) break;
        if (attrs.investmentYi === null || attrs.investmentYi >= filter.maxInvestmentYi) return false;
        break;
      case 'park':
        if (filter.park === undefined) break;
        if (attrs.park === null || !options(filter.park).some((o) => compact(o) === compact(attrs.park ?? '')))
          return false;
        break;
      case 'projectType':
        if (filter.projectType === undefined) break;
        if (
          attrs.projectType === null ||
          !options(filter.projectType).some((o) => compact(o) === compact(attrs.projectType ?? ''))
        )
          return false;
        break;
      case 'foreign':
        if (filter.foreign !== undefined && attrs.foreign !== filter.foreign) return false;
        break;
      case 'provincial':
        if (filter.provincial !== undefined && attrs.provincial !== filter.provincial) return false;
        break;
      case 'fundSource':
        if (filter.fundSource === undefined) break;
        if (attrs.fundSource === null || !options(filter.fundSource).includes(attrs.fundSource)) return false;
        break;
    }
  }
  return true;
}
