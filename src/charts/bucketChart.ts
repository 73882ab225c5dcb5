import { scaleLinear } from 'd3';
import { SIZE_BUCKET_LABELS } from '../schemas/buckets.ts';
import { formatFixed, formatNumber } from './formatNumber.ts';
import { COLORS, DEFAULT_WIDTH, FONT_SIZE, PALETTE, type SvgNode, emptyChart, h, safeHref, svgRoot } from './svg.ts';
import { textWidth } from './wrapText.ts';
import { maxOf } from '../schemas/arrays.ts';

/** One size bucket: `{bucket: '10–50亿元', count: 4, amount: 86.5, href: 'signed/?size=10-50'}`. */
export interface BucketDatum {
  /** Bucket label, e.g. `'50亿元以上'` (contract §7 labels are put in their order, largest first). */
  bucket: string;
  /** Projects in the bucket, e.g. `4`. */
  count: number;
  /** Sum of 总投资 in `unit`, e.g. `86.5`. */
  amount: number;
  /** Relative URL listing the bucket's projects. */
  href?: string | undefined;
}

/** Input of {@link bucketChart}. */
export interface BucketChartInput {
  data: readonly BucketDatum[];
  /** e.g. `'签约项目规模分布'`. */
  title: string;
  /** Unit of `amount` (default `'亿元'`). */
  unit?: string | undefined;
  /** Unit of `count` (default `'个'`). */
  countUnit?: string | undefined;
  /** Design width in px (default 640). */
  width?: number | undefined;
}

const ROW_H = 30;
const BAR_H = 18;
const HEADER_H = 26;

/**
 * Two panels side by side sharing the bucket labels: 项目数 and 投资额 per size bucket, each bar
 * with its value written after it (each panel has its own scale, so no axis is drawn).
 *
 * @example
 * bucketChart({
 *   title: '签约项目规模分布',
 *   data: [
 *     { bucket: '50亿元以上', count: 1, amount: 60 }, { bucket: '10–50亿元', count: 4, amount: 86.5 },
 *     { bucket: '5–10亿元', count: 3, amount: 21 }, { bucket: '1–5亿元', count: 10, amount: 25.3 },
 *     { bucket: '亿元以下', count: 12, amount: 4.2 },
 *   ],
 * })
 */
export function bucketChart(input: BucketChartInput): string {
  const { title, unit = '亿元', countUnit = '个', width = DEFAULT_WIDTH } = input;
  if (input.data.length === 0) return emptyChart({ width, title, kind: 'bucket', idSeed: input, what: '规模分布' });

  const order = (b: string): number => {
    const i = (SIZE_BUCKET_LABELS as readonly string[]).indexOf(b);
    return i === -1 ? SIZE_BUCKET_LABELS.length : i;
  };
  const data = input.data
    .map((d, i) => ({ d, i }))
    .sort((a, b) => order(a.d.bucket) - order(b.d.bucket) || a.i - b.i)
    .map(({ d }) => d);
  const amountText = (v: number): string =>
    `${data.every((d) => Number.isInteger(d.amount)) ? formatNumber(v) : formatFixed(v, 2)}${unit}`;
  const countText = (v: number): string => `${formatNumber(v)}${countUnit}`;

  const labelW = Math.ceil(maxOf(data.map((d) => textWidth(d.bucket, FONT_SIZE)))) + 12;
  const gap = 24;
  const panelW = (width - labelW - gap) / 2;
  const panels = [
    {
      name: `项目数（${countUnit}）`,
      value: (d: BucketDatum) => d.count,
      text: countText,
      color: PALETTE[4],
      x0: labelW,
    },
    {
      name: `投资额（${unit}）`,
      value: (d: BucketDatum) => d.amount,
      text: amountText,
      color: PALETTE[0],
      x0: labelW + panelW + gap,
    },
  ];
  const height = HEADER_H + data.length * ROW_H + 6;

  const body: SvgNode[] = [];
  for (const p of panels) {
    const room = maxOf(data.map((d) => textWidth(p.text(p.value(d)), FONT_SIZE))) + 8;
    const x = scaleLinear()
      .domain([0, Math.max(maxOf(data.map(p.value)), 0) || 1])
      .range([p.x0, p.x0 + Math.max(panelW - room, 20)]);
    body.push(
      h(
        'text',
        { x: p.x0, y: HEADER_H / 2, dy: '0.35em', 'font-weight': 'bold', fill: COLORS.text, 'text-anchor': 'start' },
        p.name,
      ),
      h('line', { x1: p.x0, x2: p.x0, y1: HEADER_H - 2, y2: height - 4, stroke: COLORS.muted }),
    );
    data.forEach((d, i) => {
      const v = p.value(d);
      const y = HEADER_H + i * ROW_H + (ROW_H - BAR_H) / 2;
      const w = Math.max(0, x(Math.max(0, v)) - p.x0);
      const tip = `${d.bucket}：${countText(d.count)}，${amountText(d.amount)}`;
      const bar = h('rect', { x: p.x0, y, width: w, height: BAR_H, fill: p.color }, h('title', {}, tip));
      const link = safeHref(d.href);
      body.push(
        link ? h('a', { href: link, 'aria-label': tip }, bar) : bar,
        h(
          'text',
          { x: p.x0 + w + 5, y: y + BAR_H / 2, dy: '0.35em', fill: COLORS.text, 'text-anchor': 'start' },
          p.text(v),
        ),
      );
    });
  }
  const labels = data.map((d, i) =>
    h(
      'text',
      { x: labelW - 10, y: HEADER_H + i * ROW_H + ROW_H / 2, dy: '0.35em', 'text-anchor': 'end', fill: COLORS.text },
      d.bucket,
    ),
  );

  const totalCount = data.reduce((s, d) => s + d.count, 0);
  const totalAmount = data.reduce((s, d) => s + d.amount, 0);
  const description = `${title}：共 ${countText(totalCount)}项目、${amountText(totalAmount)}，按总投资规模分为 ${data.length} 档，${data.map((d) => `${d.bucket} ${countText(d.count)} ${amountText(d.amount)}`).join('，')}。`;
  return svgRoot({ width, height, title, description, kind: 'bucket', idSeed: input }, labels, body);
}
