import { fmtRate, fmtScore, progressText } from '../../metrics/format.ts';
import type { ScoreItem, UnitMetrics } from '../../schemas/metrics.ts';
import type { Indicator, SourceRef, Target } from '../../schemas/records.ts';
import { unitId } from '../data.ts';
import { INDICATOR_SECTION, sectionAnchor } from '../drill.ts';
import { fmtIndicator, indicatorMeasure, methodInWords } from './rankingRules.ts';

/**
 * Score breakdowns (得分明细): for each unit, every scored target row with target, actual, 完成率,
 * 计分方式 in words and points, each actual and points linking to the ledger rows behind it
 * (drill id `score.<unitId>.<itemIndex>`), so anyone can check how a score was made.
 */

/** A drill-down link from the current page: `(period, figureId, anchor?) → relative href`. */
export type Drill = (period: string, figureId: string, anchor?: string) => string;

/** Shown when a score item's target row is not in the targets table (should not happen). */
export const RULE_NOT_FOUND = '（目标任务分解表中未找到该行的计分规则）';

/** Drill id of one score item. @example scoreFigureId('u-1a2b3c4d', 2) // 'score.u-1a2b3c4d.2' */
export function scoreFigureId(id: string, index: number): string {
  return `score.${id}.${index}`;
}

/**
 * 完成率 against 序时进度 in words, e.g. `低于序时进度23.3个百分点` (never a negative "欠进度 -N");
 * `null` without a rate.
 *
 * @example progressWords('欠进度', -23.33) // '低于序时进度23.3个百分点'
 */
export function progressWords(status: '超进度' | '欠进度' | null, gapPp: number | null): string | null {
  if (status === null || gapPp === null) return null;
  return progressText(gapPp);
}

/** One scored target row as shown. */
export interface ScoreLine {
  /** Index in `metrics.units[].items`. */
  index: number;
  indicator: Indicator;
  /** e.g. `产业链=新能源；投资≥5亿元`, `''` when none. */
  filterLabel: string;
  /** e.g. `资金来源=境外（本指标不适用，未计入条件）`, `''` when none. */
  ignoredText: string;
  /** e.g. `亿元`. */
  measure: string;
  target: number;
  targetText: string;
  actual: number;
  actualText: string;
  rate: number | null;
  rateText: string;
  status: '超进度' | '欠进度' | null;
  /** 完成率 − 序时进度 in percentage points, full precision. */
  gapPp: number | null;
  progressText: string | null;
  method: ScoreItem['method'];
  /** 基本 / 加分 / 扣分. */
  category: ScoreItem['category'];
  /** 封顶组, `null` when none. */
  capGroup: string | null;
  /** Every unit of a joint task; one otherwise. */
  units: string[];
  /** e.g. `每条0.1分，封顶4.8分`. */
  ruleText: string;
  /** The computation, e.g. `按件：30 × 0.1分，封顶4.8分 = 3.00`. */
  formula: string;
  points: number;
  pointsText: string;
  maxPoints: number;
  maxPointsText: string;
  /** Relative href of the rows counted (the same for actual and points). */
  href: string;
  /** The target row in the 目标任务分解表, e.g. `reference/目标任务分解表.xlsx › 2025年 › 第8行`. */
  source: string;
  /** Rows counted. */
  rowCount: number;
}

/** A unit's score with its lines. */
export interface UnitBreakdown {
  unit: string;
  id: string;
  /** In-page anchor, e.g. `score-u-1a2b3c4d`. */
  anchor: string;
  known: boolean;
  ranked: boolean;
  group: string | null;
  score: number | null;
  scoreText: string;
  maxScore: number | null;
  maxScoreText: string;
  /** 满分, basic, bonus, deduction, 百分制, 分值池, group caps and manual items; `null` without a score. */
  detail: UnitMetrics['scoreDetail'];
  lines: ScoreLine[];
}

/** `reference/目标任务分解表.xlsx › 2025年 › 第8行`. */
export function sourceText(src: SourceRef): string {
  return `${src.file} › ${src.sheet} › 第${src.row}行`;
}

/** The lines of one unit's score items. `target(src)` finds the target row (for 单项分值 / 封顶分). */
export function scoreLines(
  unit: Pick<UnitMetrics, 'unit' | 'items'>,
  period: string,
  target: (src: SourceRef) => Target | undefined,
  drill: Drill,
): ScoreLine[] {
  const id = unitId(unit.unit);
  return unit.items.map((item, index) => {
    const t = target(item.src);
    return {
      index,
      indicator: item.indicator,
      filterLabel: item.filterLabel,
      ignoredText:
        item.ignoredFilters.length > 0 ? `${item.ignoredFilters.join('；')}（本指标不适用，未计入条件）` : '',
      measure: indicatorMeasure(item.indicator).unit,
      target: item.target,
      targetText: fmtIndicator(item.indicator, item.target),
      actual: item.actual,
      actualText: fmtIndicator(item.indicator, item.actual),
      rate: item.rate,
      rateText: fmtRate(item.rate),
      status: item.status,
      gapPp: item.gapPp,
      progressText: progressWords(item.status, item.gapPp),
      method: item.method,
      category: item.category,
      capGroup: item.capGroup,
      units: item.units,
      ruleText: t ? methodInWords(t, item.indicator) : RULE_NOT_FOUND,
      formula: item.formula,
      points: item.points,
      pointsText: fmtScore(item.points),
      maxPoints: item.fullMarks,
      maxPointsText: item.category === '基本' ? fmtScore(item.fullMarks) : '—',
      href: drill(period, scoreFigureId(id, index), sectionAnchor(INDICATOR_SECTION[item.indicator], unit.unit)),
      source: sourceText(item.src),
      rowCount: item.refs.length,
    };
  });
}

/**
 * Breakdowns of the given units (in the order given), e.g. the ranking's order. Units without
 * target rows this year have no lines and `score: null`.
 */
export function scoreBreakdowns(
  units: readonly UnitMetrics[],
  order: readonly string[],
  period: string,
  target: (src: SourceRef) => Target | undefined,
  drill: Drill,
): UnitBreakdown[] {
  const byName = new Map(units.map((u) => [u.unit, u]));
  return order.flatMap((name) => {
    const u = byName.get(name);
    if (!u) return [];
    const id = unitId(u.unit);
    return [
      {
        unit: u.unit,
        id,
        anchor: `score-${id}`,
        known: u.known,
        ranked: u.ranked,
        group: u.group,
        score: u.score,
        scoreText: u.score === null ? '—' : fmtScore(u.score),
        maxScore: u.maxScore,
        maxScoreText: u.maxScore === null ? '—' : fmtScore(u.maxScore),
        detail: u.scoreDetail,
        lines: scoreLines(u, period, target, drill),
      },
    ];
  });
}
