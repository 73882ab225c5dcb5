import { scaleLinear } from 'd3';
import { roundTo } from '../metrics/format.ts';
import { formatFixed, formatNumber, formatPercent } from './formatNumber.ts';
import { legend } from './legend.ts';
import { COLORS, DEFAULT_WIDTH, FONT_SIZE, type SvgNode, emptyChart, h, safeHref, svgRoot } from './svg.ts';
import { textWidth, wrapText } from './wrapText.ts';
import { maxOf } from '../schemas/arrays.ts';

/** One row: `{label: '经济合作局', actual: 8, target: 10, timeProgress: 10 / 12, href: 'units/jjhzj/'}`. */
export interface BulletDatum {
  /** Unit or indicator, e.g. `'经济合作局'`. */
  label: string;
  /** Year-to-date actual, e.g. `8`. */
  actual: number;
  /** Annual target, e.g. `10`; with a target ≤ 0 no rate can be told and the row says 无目标. */
  target: number;
  /** 序时进度 (month / 12), 0–1, e.g. `0.8333`. */
  timeProgress: number;
  /** Relative URL the row links to, e.g. `'units/jjhzj/'`. */
  href?: string | undefined;
}

/** Input of {@link bulletChart}. */
export interface BulletChartInput {
  /** Rows, drawn in the order given. */
  data: readonly BulletDatum[];
  /** Name of the chart, e.g. `'签约金额目标完成情况'`. */
  title: string;
  /** Unit of actual and target, e.g. `'亿元'` (default `''`). */
  unit?: string | undefined;
  /** Design width in px (default 640). */
  width?: number | undefined;
}

/** 超进度 when 完成率 ≥ 序时进度 (contract §7; same tolerance as `metrics/progress.ts`). */
const EPSILON = 1e-9;
/** Bars longer than this (150 %) are cut, with the true rate in the label. */
const RATE_CAP = 1.5;
/** Text colours of the status word with ≥ 4.5:1 contrast on white. */
const AHEAD_TEXT = '#005A8C';
const BEHIND_TEXT = '#A33F00';

/** A row's 完成率 against 序时进度, in numbers and in words. */
export interface BulletStatus {
  rate: number;
  ahead: boolean;
  /** e.g. `'完成 72.3%（高于序时进度 5.6 个百分点）'`. */
  text: string;
  /** The part shown in the status colour: 高于 / 低于 / 达到序时进度. */
  word: '高于序时进度' | '低于序时进度' | '达到序时进度';
}

/**
 * The row's label in the words of contract §7 (never a negative "欠进度 -N"), e.g.
 * `'完成 72.3%（高于序时进度 5.6 个百分点）'`, `'完成 60.0%（低于序时进度 23.3 个百分点）'` or
 * `'完成 83.3%（达到序时进度）'`; `null` when the target is ≤ 0.
 *
 * @example bulletStatus(8, 10, 10 / 12).text // '完成 80.0%（低于序时进度 3.3 个百分点）'
 */
export function bulletStatus(actual: number, target: number, timeProgress: number): BulletStatus | null {
  if (!(target > 0)) return null;
  const rate = actual / target;
  const gap = rate - timeProgress;
  const ahead = gap >= -EPSILON;
  const abs = Math.abs(roundTo(gap * 100, 1)).toFixed(1);
  // behind by less than what one decimal shows: say so rather than "0.0"
  const word = ahead ? (abs === '0.0' ? '达到序时进度' : '高于序时进度') : '低于序时进度';
  const pp = word === '达到序时进度' ? '' : abs === '0.0' ? ' 不足 0.1 个百分点' : ` ${abs} 个百分点`;
  return { rate, ahead, word, text: `完成 ${formatPercent(rate)}（${word}${pp}）` };
}

/**
 * Target against actual per row: a bar of 完成率 (actual / target) coloured 超进度 blue or 欠进度
 * vermillion, a black tick at 序时进度, the 100 % line, and a text label that says
 * `完成 72.3%（高于序时进度 5.6 个百分点）` so the status reads without colour.
 *
 * @example
 * bulletChart({
 *   title: '签约金额目标完成情况', unit: '亿元',
 *   data: [
 *     { label: '经济合作局', actual: 8, target: 10, timeProgress: 10 / 12, href: 'units/jjhzj/' },
 *     { label: '高新区', actual: 9.5, target: 10, timeProgress: 10 / 12 },
 *   ],
 * })
 */
export function bulletChart(input: BulletChartInput): string {
  const { data, title, unit = '', width = DEFAULT_WIDTH } = input;
  if (data.length === 0) return emptyChart({ width, title, kind: 'bullet', idSeed: input, what: '目标完成' });

  const rows = data.map((d) => ({
    d,
    status: bulletStatus(d.actual, d.target, d.timeProgress),
    link: safeHref(d.href),
  }));
  const integers = data.every((d) => Number.isInteger(d.actual) && Number.isInteger(d.target));
  const fmt = (v: number): string => (integers ? formatNumber(v) : formatFixed(v, 2));
  const figures = (d: BulletDatum): string => `实际 ${fmt(d.actual)} / 目标 ${fmt(d.target)} ${unit}`.trimEnd();

  // columns: label | bar | status text (narrow widths: status under the bar)
  const labelW = Math.min(maxOf(data.map((d) => textWidth(d.label, FONT_SIZE))) + 12, width * 0.24, 170);
  const statusTexts = rows.map((r) => r.status?.text ?? '无目标，不计完成率');
  const statusW =
    Math.max(
      maxOf(statusTexts.map((t) => textWidth(t, FONT_SIZE))),
      maxOf(data.map((d) => textWidth(figures(d), 10.5))),
    ) + 12;
  const wide = width - labelW - statusW >= 180;
  const barX0 = wide ? labelW : 12;
  const barX1 = wide ? width - statusW : width - 16;
  const rowH = wide ? 40 : 80;

  const legendBlock = legend(
    [
      { label: '超进度', color: COLORS.ahead, shape: 'rect' },
      { label: '欠进度', color: COLORS.behind, shape: 'rect' },
      { label: '序时进度', color: COLORS.target, shape: 'tick' },
      { label: '目标 100%', color: COLORS.muted, shape: 'line' },
    ],
    { x: 0, y: 0, maxWidth: width },
  );
  const axisY = legendBlock.height + 18;
  const top = axisY + 8;
  const height = top + rows.length * rowH + 4;

  const maxRate = Math.max(1, maxOf(rows.map((r) => Math.max(r.status?.rate ?? 0, r.d.timeProgress))));
  const x = scaleLinear()
    .domain([0, Math.min(maxRate, RATE_CAP)])
    .range([barX0, barX1]);
  // the 100 % tick is labelled 目标 100%: drop neighbours its label would touch
  const ticks = x
    .ticks(Math.max(3, Math.floor((barX1 - barX0) / 90)))
    .filter((t) => t === 1 || Math.abs(x(t) - x(1)) > 48);

  const axis = h(
    'g',
    { class: 'zs-axis', 'font-size': 10.5, fill: COLORS.muted, 'text-anchor': 'middle' },
    ticks.map((t) => [
      h('line', {
        x1: x(t),
        x2: x(t),
        y1: top,
        y2: height - 4,
        stroke: t === 1 ? COLORS.muted : COLORS.grid,
        'stroke-width': t === 1 ? 1.5 : 1,
      }),
      h(
        'text',
        { x: x(t), y: axisY, fill: t === 1 ? COLORS.text : COLORS.muted },
        t === 1 ? '目标 100%' : formatPercent(t).replace('.0%', '%'),
      ),
    ]),
    ticks.includes(1)
      ? null
      : h('line', { x1: x(1), x2: x(1), y1: top, y2: height - 4, stroke: COLORS.muted, 'stroke-width': 1.5 }),
  );

  const barH = 14;
  const body: SvgNode[] = rows.map(({ d, status, link }, i) => {
    const y0 = top + i * rowH;
    const barY = y0 + (wide ? (rowH - barH) / 2 : 24);
    const labelLines = wrapText(d.label, wide ? labelW - 12 : width - 8, FONT_SIZE, wide ? 2 : 1);
    const label = h(
      'text',
      {
        x: wide ? labelW - 10 : barX0,
        y: wide ? y0 + rowH / 2 - ((labelLines.length - 1) * 14) / 2 : y0 + 12,
        'text-anchor': wide ? 'end' : 'start',
        dy: '0.35em',
        fill: COLORS.text,
      },
      labelLines.map((l, k) => h('tspan', { x: wide ? labelW - 10 : barX0, dy: k === 0 ? undefined : 14 }, l)),
    );
    const statusX = wide ? barX1 + 10 : barX0;
    const statusY = wide ? y0 + rowH / 2 - 6 : barY + barH + 12;
    const tooltip = `${d.label}：${figures(d)}，序时进度 ${formatPercent(d.timeProgress)}${status ? `，${status.text}` : '，无目标'}`;
    const parts = [
      h('title', {}, tooltip),
      label,
      h('rect', { x: barX0, y: barY, width: x(1) - barX0, height: barH, fill: COLORS.track }),
      status
        ? h('rect', {
            x: barX0,
            y: barY,
            width: Math.max(0, x(Math.min(Math.max(status.rate, 0), RATE_CAP)) - barX0),
            height: barH,
            fill: status.ahead ? COLORS.ahead : COLORS.behind,
          })
        : null,
      status && status.rate > RATE_CAP
        ? h('path', {
            d: `M${barX1 - 7},${barY + 2}l5,${barH / 2 - 2}l-5,${barH / 2 - 2}`,
            fill: 'none',
            stroke: '#fff',
            'stroke-width': 2,
          })
        : null,
      h('rect', {
        x: x(Math.min(d.timeProgress, RATE_CAP)) - 1.5,
        y: barY - 5,
        width: 3,
        height: barH + 10,
        fill: COLORS.target,
      }),
      h(
        'text',
        { x: statusX, y: statusY, dy: '0.35em', fill: COLORS.text, 'text-anchor': 'start' },
        status
          ? [
              `完成 ${formatPercent(status.rate)}（`,
              h('tspan', { fill: status.ahead ? AHEAD_TEXT : BEHIND_TEXT, 'font-weight': 'bold' }, status.word),
              status.text.slice(status.text.indexOf(status.word) + status.word.length),
            ]
          : '无目标，不计完成率',
      ),
      h(
        'text',
        { x: statusX, y: statusY + 15, dy: '0.35em', fill: COLORS.muted, 'font-size': 10.5, 'text-anchor': 'start' },
        figures(d),
      ),
    ];
    const row = h('g', { class: 'zs-row' }, parts);
    return link ? h('a', { href: link, 'aria-label': tooltip }, row) : row;
  });

  const behind = rows.filter((r) => r.status && !r.status.ahead).map((r) => r.d.label);
  const description =
    `${title}：共 ${rows.length} 项，按完成率与序时进度比较，` +
    (behind.length === 0
      ? '全部超进度。'
      : `${behind.length} 项欠进度（${behind.slice(0, 5).join('、')}${behind.length > 5 ? '等' : ''}）。`);
  return svgRoot({ width, height, title, description, kind: 'bullet', idSeed: input }, legendBlock.node, axis, body);
}
