import { fmtInt, fmtYi, roundTo } from '../../metrics/format.ts';
import type { ScoringRule } from '../../metrics/scoring.ts';
import type { Indicator, SourceRef, Target } from '../../schemas/records.ts';
import type { ColumnFormat } from '../table.ts';

/**
 * How an indicator is measured and how a 计分方式 reads in words, for the score breakdowns of the
 * ranking, target and unit pages. Pure: the pages pass the target rows in.
 */

/** Display of an indicator's values: `{format: 'yi', unit: '亿元', per: '亿元'}`. */
export interface IndicatorMeasure {
  /** Cell format of target and actual (`src/site/table.ts`). */
  format: Extract<ColumnFormat, 'int' | 'yi' | 'usd'>;
  /** Unit after a value, e.g. `'个'`, `'亿元'`. */
  unit: string;
  /** What one “件” is in a 按件 / 扣分 rule: `每${per}0.1分`, e.g. `'个项目'`, `'条'`. */
  per: string;
}

const PROJECTS: IndicatorMeasure = { format: 'int', unit: '个', per: '个项目' };

/** @example indicatorMeasure('签约金额') // { format: 'yi', unit: '亿元', per: '亿元' } */
export function indicatorMeasure(indicator: Indicator): IndicatorMeasure {
  switch (indicator) {
    case '签约金额':
    case '到位资金':
      return { format: 'yi', unit: '亿元', per: '亿元' };
    case '外资到位':
      return { format: 'usd', unit: '万美元', per: '万美元' };
    case '有效信息条数':
      return { format: 'int', unit: '条', per: '条' };
    case '外出招商次数':
      return { format: 'int', unit: '次', per: '次' };
    case '拜访企业数':
      return { format: 'int', unit: '家', per: '家' };
    default:
      return PROJECTS;
  }
}

/**
 * A value of an indicator for display, without its unit: counts as integers, amounts with two
 * decimals. A fractional count (never expected) keeps two decimals rather than being rounded away.
 *
 * @example fmtIndicator('签约金额', 12.345) // '12.35'
 * @example fmtIndicator('签约项目数', 12) // '12'
 */
export function fmtIndicator(indicator: Indicator, value: number): string {
  const m = indicatorMeasure(indicator);
  return m.format === 'int' && Number.isInteger(value) ? fmtInt(value) : fmtYi(value);
}

/**
 * A rule parameter as written in the target table (分值, 单项分值, 封顶分): no trailing zeros.
 *
 * @example ruleNumber(4.8) // '4.8'
 * @example ruleNumber(0.1 + 0.2) // '0.3'
 */
export function ruleNumber(x: number): string {
  return String(roundTo(x, 4));
}

/**
 * The 计分方式 of a target row in words, as a 考核办法 would state it.
 *
 * @example methodInWords({ method: '按件', target: 48, perItem: 0.1, cap: 4.8 }, '有效信息条数') // '每条0.1分，封顶4.8分'
 * @example methodInWords({ method: '按比例', target: 10, points: 20 }, '签约项目数') // '按完成率计分，满分20分'
 * @example methodInWords({ method: '达标', target: 5, points: 5 }, '签约项目数') // '完成目标得5分，未完成不得分'
 * @example methodInWords({ method: '扣分', target: 0, perItem: 0.5, cap: 5 }, '签约超期未开工项目数') // '每个项目扣0.5分，最多扣5分'
 */
export function methodInWords(rule: ScoringRule, indicator: Indicator): string {
  const full = rule.points ?? 0;
  const per = indicatorMeasure(indicator).per;
  switch (rule.method) {
    case '按比例': {
      if (rule.target <= 0) return `目标为${ruleNumber(rule.target)}，实际不低于目标即得${ruleNumber(full)}分`;
      const ratio = rule.capRatio ?? 1;
      const base = `按完成率计分，满分${ruleNumber(full)}分`;
      return ratio > 1
        ? `${base}；超额完成加分，完成率最高按${ruleNumber(ratio * 100)}%计（最多${ruleNumber(full * ratio)}分）`
        : base;
    }
    case '达标':
      return `完成目标得${ruleNumber(full)}分，未完成不得分`;
    case '按件': {
      const limit = rule.cap ?? rule.points;
      return `每${per}${ruleNumber(rule.perItem ?? 0)}分，${limit === undefined ? '不封顶' : `封顶${ruleNumber(limit)}分`}`;
    }
    case '扣分': {
      const limit = rule.cap ?? rule.points;
      return `每${per}扣${ruleNumber(Math.abs(rule.perItem ?? 0))}分，${limit === undefined ? '不设上限' : `最多扣${ruleNumber(limit)}分`}`;
    }
    case '缺额扣分': {
      const limit = rule.cap ?? rule.points;
      return `比目标每少1${per.replace(/^个$/, '个')}扣${ruleNumber(Math.abs(rule.perItem ?? 0))}分，${limit === undefined ? '不设上限' : `最多扣${ruleNumber(limit)}分`}`;
    }
  }
}

const srcKey = (s: SourceRef) => `${s.file}\u0000${s.sheet}\u0000${s.row}`;

/**
 * Looks up the target row behind a score item by its source row (the score items carry `src`,
 * not the rule's 单项分值 / 封顶分).
 */
export function targetFinder(targets: readonly Target[]): (src: SourceRef) => Target | undefined {
  const map = new Map(targets.map((t) => [srcKey(t.src), t]));
  return (src) => map.get(srcKey(src));
}
