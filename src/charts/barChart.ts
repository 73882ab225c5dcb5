import * as Plot from '@observablehq/plot';
import { formatFixed, formatNumber } from './formatNumber.ts';
import { COLORS, DEFAULT_WIDTH, FONT_SIZE, emptyChart, plotBody, safeHref, svgRoot } from './svg.ts';
import { textWidth, wrapText } from './wrapText.ts';
import { maxOf, minOf } from '../schemas/arrays.ts';

/** One bar: `{label: '经济合作局', value: 35.2, href: 'units/经济合作局/'}`. */
export interface BarDatum {
  /** Category shown next to the bar, e.g. `'经济合作局'` (any text; it is escaped). */
  label: string;
  /** Value in `unit`, e.g. `35.2`. */
  value: number;
  /** Relative URL the bar links to, e.g. `'units/经济合作局/'` (drill-down). */
  href?: string | undefined;
}

/** Input of {@link barChart}. */
export interface BarChartInput {
  data: readonly BarDatum[];
  /** Unit written after each value, e.g. `'亿元'` or `'个'`. */
  unit: string;
  /** Name of the chart, e.g. `'各单位签约金额'`. */
  title: string;
  /** Bars grow rightwards with labels on the left (default `true`: long Chinese names stay readable). */
  horizontal?: boolean | undefined;
  /** Bars to emphasise (blue, label in bold; the others turn grey), e.g. the unit of the page. */
  highlight?: ((d: BarDatum) => boolean) | undefined;
  /** Design width in px (default 640); the SVG scales down to its container. */
  width?: number | undefined;
  /** Value format (default: integers when all values are, else two decimals), e.g. `(v) => v.toFixed(1)`. */
  format?: ((value: number) => string) | undefined;
}

interface Row extends BarDatum {
  key: string;
  text: string;
  lines: string[];
  strong: boolean;
  fill: string;
  link: string | undefined;
}

const GAP = 6;

/**
 * Sorted bars (largest first) with the value written at each bar's end; bars with `href` are
 * links so a figure drills down to its rows.
 *
 * @example
 * barChart({
 *   title: '各单位签约金额', unit: '亿元',
 *   data: [{ label: '经济合作局', value: 35.2, href: 'units/jjhzj/' }, { label: '高新区', value: 12 }],
 *   highlight: (d) => d.label === '高新区',
 * }) // '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 …" width="100%" role="group" …'
 */
export function barChart(input: BarChartInput): string {
  const { data, unit, title, horizontal = true, highlight, width = DEFAULT_WIDTH } = input;
  // one number of decimals for all bars: 12.00 next to 35.20, not 12
  const allIntegers = data.every((d) => Number.isInteger(d.value));
  const format = input.format ?? ((v: number) => (allIntegers ? formatNumber(v) : formatFixed(v, 2)));
  if (data.length === 0) return emptyChart({ width, title, kind: 'bar', idSeed: input, what: '' });

  const rows: Row[] = data
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.value - a.d.value || a.i - b.i)
    .map(({ d, i }) => {
      const strong = highlight?.(d) ?? false;
      return {
        ...d,
        key: String(i),
        text: `${format(d.value)}${unit}`,
        lines: [],
        strong,
        fill: highlight === undefined || strong ? COLORS.ahead : COLORS.neutral,
        link: safeHref(d.href),
      };
    });

  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const description =
    `${title}条形图，共 ${rows.length} 项，按数值从大到小排列` +
    (top && bottom && rows.length > 1
      ? `：最高为${top.label} ${top.text}，最低为${bottom.label} ${bottom.text}。`
      : `：${top?.label ?? ''} ${top?.text ?? ''}。`);

  const body = horizontal ? horizontalBars(rows, width) : verticalBars(rows, width);
  return svgRoot({ width, height: body.height, title, description, kind: 'bar', idSeed: input }, body.node);
}

/** Labels on the left (wrapped to two lines), value labels right of the bar ends. */
function horizontalBars(rows: Row[], width: number): { node: ReturnType<typeof plotBody>; height: number } {
  const labelMax = Math.max(72, Math.min(width * 0.34, 200));
  for (const r of rows) r.lines = wrapText(r.label, labelMax, FONT_SIZE, 2);
  const twoLines = rows.some((r) => r.lines.length > 1);
  const rowHeight = twoLines ? 38 : 28;
  const marginLeft = Math.ceil(maxOf(rows.map((r) => maxOf(r.lines.map((l) => textWidth(l, FONT_SIZE))))) + 10);
  const marginRight = Math.ceil(maxOf(rows.map((r) => textWidth(r.text, FONT_SIZE))) + GAP + 4);
  const height = rows.length * rowHeight + 8;
  const min = Math.min(0, minOf(rows.map((r) => r.value)));
  const max = Math.max(0, maxOf(rows.map((r) => r.value)));
  const node = plotBody({
    width,
    height,
    marginTop: 4,
    marginBottom: 4,
    marginLeft,
    marginRight,
    x: { axis: null, domain: [min, max === min ? 1 : max] },
    y: { axis: null, domain: rows.map((r) => r.key), paddingInner: 0.25, paddingOuter: 0.125 },
    color: { type: 'identity' },
    marks: [
      Plot.barX(rows, {
        x: 'value',
        y: 'key',
        fill: 'fill',
        href: 'link',
        title: (r: Row) => `${r.label}：${r.text}`,
        ariaLabel: (r: Row) => `${r.label} ${r.text}`,
      }),
      Plot.ruleX([0], { stroke: COLORS.muted }),
      // category labels, in the left margin; highlighted ones bold so they read without colour
      ...weights(rows, (part, fontWeight) => [
        Plot.text(part, {
          y: 'key',
          frameAnchor: 'left',
          dx: -8,
          textAnchor: 'end',
          text: (r: Row) => r.lines.join('\n'),
          lineHeight: 1.15,
          fontWeight,
          fill: COLORS.text,
        }),
        // value labels after the bar end (negative bars: right of the zero line)
        Plot.text(part, {
          x: (r: Row) => Math.max(0, r.value),
          y: 'key',
          dx: GAP,
          textAnchor: 'start',
          text: 'text',
          fontWeight,
          fill: COLORS.text,
        }),
      ]),
    ],
  });
  return { node, height };
}

/** Labels under the bars (wrapped to the band width), value labels above the bars. */
function verticalBars(rows: Row[], width: number): { node: ReturnType<typeof plotBody>; height: number } {
  const marginX = 8;
  const band = (width - 2 * marginX) / rows.length;
  const labelFont = band < 48 ? 10 : FONT_SIZE;
  for (const r of rows) r.lines = wrapText(r.label, Math.max(band - 4, labelFont * 2), labelFont, 3);
  const lines = maxOf(rows.map((r) => r.lines.length));
  const valueFont = Math.min(
    FONT_SIZE,
    Math.max(9, Math.floor(band / Math.max(maxOf(rows.map((r) => textWidth(r.text, 1))), 1))),
  );
  const marginBottom = lines * labelFont * 1.2 + 10;
  const plotHeight = 220;
  const height = Math.round(plotHeight + marginBottom + 22);
  const min = Math.min(0, minOf(rows.map((r) => r.value)));
  const max = Math.max(0, maxOf(rows.map((r) => r.value)));
  const node = plotBody({
    width,
    height,
    marginTop: 22,
    marginBottom,
    marginLeft: marginX,
    marginRight: marginX,
    x: { axis: null, domain: rows.map((r) => r.key), paddingInner: 0.2, paddingOuter: 0.1 },
    y: { axis: null, domain: [min, max === min ? 1 : max] },
    color: { type: 'identity' },
    marks: [
      Plot.barY(rows, {
        y: 'value',
        x: 'key',
        fill: 'fill',
        href: 'link',
        title: (r: Row) => `${r.label}：${r.text}`,
        ariaLabel: (r: Row) => `${r.label} ${r.text}`,
      }),
      Plot.ruleY([0], { stroke: COLORS.muted }),
      ...weights(rows, (part, fontWeight) => [
        Plot.text(part, {
          x: 'key',
          frameAnchor: 'bottom',
          dy: 8,
          lineAnchor: 'top',
          text: (r: Row) => r.lines.join('\n'),
          lineHeight: 1.2,
          fontSize: labelFont,
          fontWeight,
          fill: COLORS.text,
        }),
        Plot.text(part, {
          x: 'key',
          y: (r: Row) => Math.max(0, r.value),
          dy: -5,
          lineAnchor: 'bottom',
          text: 'text',
          fontSize: valueFont,
          fontWeight,
          fill: COLORS.text,
        }),
      ]),
    ],
  });
  return { node, height };
}

/** Text marks drawn twice: normal rows, then highlighted rows in bold (Plot's fontWeight is not a channel). */
function weights(rows: Row[], marks: (part: Row[], fontWeight: string) => Plot.Markish[]): Plot.Markish[] {
  const strong = rows.filter((r) => r.strong);
  return [
    ...marks(
      rows.filter((r) => !r.strong),
      'normal',
    ),
    ...(strong.length > 0 ? marks(strong, 'bold') : []),
  ];
}
