import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { bulletStatus } from './bulletChart.ts';
import { formatFixed, formatNumber } from './formatNumber.ts';
import { legend } from './legend.ts';
import { COLORS, DEFAULT_WIDTH, FONT_SIZE, emptyChart, h, plotBody, svgRoot } from './svg.ts';
import { textWidth } from './wrapText.ts';
import { maxOf } from '../schemas/arrays.ts';

/** Cumulative actual at the end of a month: `{month: 3, value: 20.5}`. */
export interface MonthValue {
  /** 1–12. */
  month: number;
  /** Year-to-date (累计) value at the end of that month, e.g. `20.5`. */
  value: number;
}

/** Input of {@link cumulativeLine}. */
export interface CumulativeLineInput {
  /** Months 1 … the period's month; later months are left out (not zero). */
  actual: readonly MonthValue[];
  /** Annual target, e.g. `100`; ≤ 0 draws no target nor time-progress line. */
  target: number;
  /** e.g. `'亿元'`. */
  unit: string;
  /** e.g. `'全区签约金额累计进度'`. */
  title: string;
  /** Design width in px (default 640). */
  width?: number | undefined;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Month-by-month cumulative actual against the annual target (black line) and the linear
 * 序时进度 line (target × m / 12, grey dashed), with a swatch legend and the latest month's
 * completion in words (`10月：完成 72.3%（低于序时进度 11.0 个百分点）`).
 *
 * @example
 * cumulativeLine({
 *   title: '全区签约金额累计进度', unit: '亿元', target: 100,
 *   actual: [{ month: 1, value: 5 }, { month: 2, value: 12.5 }, { month: 3, value: 20 }],
 * })
 */
export function cumulativeLine(input: CumulativeLineInput): string {
  const { unit, title, target, width = DEFAULT_WIDTH } = input;
  const actual = [...input.actual].filter((d) => d.month >= 1 && d.month <= 12).sort((a, b) => a.month - b.month);
  if (actual.length === 0 && !(target > 0))
    return emptyChart({ width, title, kind: 'cumulative', idSeed: input, what: '累计' });

  const integers = [...actual.map((d) => d.value), target].every(Number.isInteger);
  const fmt = (v: number): string => (integers ? formatNumber(v) : formatFixed(v, 2));
  const hasTarget = target > 0;
  const last = actual[actual.length - 1];
  const status = last && hasTarget ? bulletStatus(last.value, target, last.month / 12) : null;

  // header: legend, then the latest month in words
  const legendBlock = legend(
    [
      { label: '累计完成', color: COLORS.ahead, shape: 'line' },
      ...(hasTarget
        ? [
            { label: '序时进度（目标 × 月份 / 12）', color: COLORS.neutral, shape: 'dash' as const },
            { label: '年度目标', color: COLORS.target, shape: 'line' as const },
          ]
        : []),
    ],
    { x: 0, y: 0, maxWidth: width },
  );
  const summary = last
    ? `${last.month}月累计 ${fmt(last.value)}${unit}` + (status ? `，${status.text}` : '')
    : `年度目标 ${fmt(target)}${unit}，尚无完成数据`;
  const headerH = legendBlock.height + 24;

  const yMax = Math.max(hasTarget ? target : 0, maxOf(actual.map((d) => d.value)), 1) * 1.1;
  const yScale = scaleLinear().domain([0, yMax]).nice(5);
  const yTicks = yScale.ticks(5);
  const marginLeft =
    Math.ceil(Math.max(textWidth(unit, 11), maxOf(yTicks.map((t) => textWidth(formatNumber(t), 11))))) + 14;
  const plotH = 260;
  const progress = hasTarget ? MONTHS.map((m) => ({ month: m, value: (target * m) / 12 })) : [];
  const body = plotBody(
    {
      width,
      height: plotH,
      marginTop: 24,
      marginRight: 24,
      marginBottom: 30,
      marginLeft,
      x: { domain: [1, 12], ticks: MONTHS, tickFormat: (m: number) => `${m}月`, label: null },
      y: {
        domain: yScale.domain(),
        ticks: yTicks,
        grid: true,
        label: unit,
        labelArrow: 'none',
        tickFormat: (t: number) => formatNumber(t),
      },
      marks: [
        hasTarget
          ? Plot.lineY(progress, {
              x: 'month',
              y: 'value',
              stroke: COLORS.neutral,
              strokeWidth: 2,
              strokeDasharray: '5 4',
            })
          : null,
        hasTarget ? Plot.ruleY([target], { stroke: COLORS.target, strokeWidth: 1.5 }) : null,
        hasTarget
          ? Plot.text([target], {
              y: (t: number) => t,
              frameAnchor: 'left',
              dx: 4,
              dy: -8,
              textAnchor: 'start',
              text: () => `年度目标 ${fmt(target)}${unit}`,
              fill: COLORS.text,
            })
          : null,
        Plot.ruleY([0], { stroke: COLORS.muted }),
        Plot.lineY(actual, { x: 'month', y: 'value', stroke: COLORS.ahead, strokeWidth: 2.5 }),
        Plot.dot(actual, {
          x: 'month',
          y: 'value',
          fill: COLORS.ahead,
          r: 3.5,
          title: (d: MonthValue) =>
            `${d.month}月累计 ${fmt(d.value)}${unit}` +
            (hasTarget ? `，序时进度 ${fmt((target * d.month) / 12)}${unit}` : ''),
        }),
        last
          ? Plot.text([last], {
              x: 'month',
              y: 'value',
              // right of the point while there is room, else above it
              dy: last.month <= 10 ? 0 : -12,
              dx: last.month <= 10 ? 8 : 0,
              textAnchor: last.month <= 10 ? 'start' : 'end',
              text: (d: MonthValue) => `${fmt(d.value)}${unit}`,
              fill: COLORS.text,
              fontWeight: 'bold',
              stroke: 'white',
              strokeWidth: 3,
              paintOrder: 'stroke',
            })
          : null,
      ],
    },
    11,
  );

  const height = headerH + plotH;
  const description =
    `${title}折线图：${last ? `1—${last.month}月累计完成，${summary}` : summary}` +
    (hasTarget ? `；年度目标 ${fmt(target)}${unit}，序时进度线为目标按月平均分摊。` : '。');
  return svgRoot(
    { width, height, title, description, kind: 'cumulative', idSeed: input },
    legendBlock.node,
    h(
      'text',
      {
        x: 0,
        y: legendBlock.height + 12,
        dy: '0.35em',
        'font-size': FONT_SIZE,
        fill: COLORS.text,
        'text-anchor': 'start',
      },
      summary,
    ),
    h('g', { transform: `translate(0,${headerH})` }, body),
  );
}
