import * as Plot from '@observablehq/plot';
import { COLORS, DEFAULT_WIDTH, emptyChart, plotBody, svgRoot } from './svg.ts';
import { maxOf } from '../schemas/arrays.ts';

/** A unit's rank in one period: `{period: '2025-10', rank: 3}`; `null` = not ranked that period. */
export interface RankPoint {
  /** `YYYY-MM`, e.g. `'2025-10'`. */
  period: string;
  /** 1-based rank, e.g. `3`; `null` leaves a gap in the line. */
  rank: number | null;
}

/** Input of {@link rankChart}. */
export interface RankChartInput {
  /** Periods in any order; they are sorted by period. */
  data: readonly RankPoint[];
  /** e.g. `'经济合作局 综合排名走势'`. */
  title: string;
  /** Ranked units in the latest period (the bottom of the scale), e.g. `12`. */
  total?: number | undefined;
  /** Design width in px (default 640). */
  width?: number | undefined;
  /** Plot height in px (default 150: a small chart beside the unit's figures). */
  height?: number | undefined;
}

/** `'2025-10'` → `'10月'`, with the year on the first label and on every January. */
function periodLabel(p: string, i: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (!m) return p;
  const month = Number(m[2]);
  return i === 0 || month === 1 ? `${m[1]}年${month}月` : `${month}月`;
}

/**
 * A small rank history of one unit: rank 1 at the top (inverted y), each point labelled with its
 * rank so the chart reads without the axis.
 *
 * @example
 * rankChart({
 *   title: '经济合作局 综合排名走势', total: 12,
 *   data: [{ period: '2025-08', rank: 5 }, { period: '2025-09', rank: 4 }, { period: '2025-10', rank: 2 }],
 * })
 */
export function rankChart(input: RankChartInput): string {
  const { title, width = DEFAULT_WIDTH, height = 150 } = input;
  const data = [...input.data].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const ranked = data.filter((d): d is RankPoint & { rank: number } => d.rank !== null);
  if (ranked.length === 0) return emptyChart({ width, title, kind: 'rank', idSeed: input, what: '排名' });

  const worst = Math.max(input.total ?? 1, maxOf(ranked.map((d) => d.rank)));
  const periods = data.map((d) => d.period);
  const labels = new Map(periods.map((p, i) => [p, periodLabel(p, i)]));
  const every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(width / 64))));
  const yTicks = [...new Set([1, Math.round((1 + worst) / 2), worst])];
  const latest = ranked[ranked.length - 1];
  const prev = ranked[ranked.length - 2];

  const body = plotBody(
    {
      width,
      height,
      marginTop: 22,
      marginBottom: 26,
      marginLeft: 52,
      marginRight: 56,
      x: {
        type: 'point',
        domain: periods,
        label: null,
        tickFormat: (p: string) => labels.get(p) ?? p,
        ticks: periods.filter((_, i) => i % every === 0 || i === periods.length - 1),
        padding: 0.3,
      },
      y: {
        domain: [1, worst],
        reverse: true,
        ticks: yTicks,
        tickFormat: (r: number) => `第${r}名`,
        label: null,
        grid: true,
      },
      marks: [
        Plot.lineY(data, { x: 'period', y: 'rank', stroke: COLORS.ahead, strokeWidth: 2 }),
        Plot.dot(ranked, {
          x: 'period',
          y: 'rank',
          fill: COLORS.ahead,
          r: 3.5,
          title: (d: RankPoint) => `${labels.get(d.period) ?? d.period}：第${d.rank}名`,
        }),
        Plot.text(ranked.slice(0, -1), {
          x: 'period',
          y: 'rank',
          dy: -10,
          text: (d: RankPoint) => String(d.rank),
          fill: COLORS.text,
        }),
        latest
          ? Plot.text([latest], {
              x: 'period',
              y: 'rank',
              dx: 8,
              textAnchor: 'start',
              text: (d: RankPoint) => `第${d.rank}名`,
              fill: COLORS.text,
              fontWeight: 'bold',
            })
          : null,
      ],
    },
    11,
  );

  const change = latest && prev ? prev.rank - latest.rank : null;
  const changeText =
    change === null
      ? ''
      : change > 0
        ? `，较上次上升 ${change} 位`
        : change < 0
          ? `，较上次下降 ${-change} 位`
          : '，与上次持平';
  const description = `${title}：${labels.get(ranked[0]?.period ?? '') ?? ''}至${latest ? (labels.get(latest.period) ?? latest.period) : ''}共 ${ranked.length} 期排名，最新为第${latest?.rank ?? ''}名${input.total ? `（共 ${input.total} 个单位）` : ''}${changeText}。`;
  return svgRoot({ width, height, title, description, kind: 'rank', idSeed: input }, body);
}
