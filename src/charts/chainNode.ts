/**
 * One segment node of the 招商图谱: the segment's name and 强弱 (colour, border and a word), its
 * enterprises by name — 链主 first and in bold, then 本地, then 目标 — with `等N家` when they do
 * not fit, and this year's signed projects. Nodes are measured first (their height follows
 * their content) and drawn where the map places them.
 */
import { COLORS, type SvgNode, h, safeHref } from './svg.ts';
import { fitNames, shortCompanyName } from './nameRun.ts';
import { textWidth, wrapText } from './wrapText.ts';

/** Where a segment sits in the chain (contract §5 sheet 环节, column 位置). */
export type ChainPosition = '上游' | '中游' | '下游';
/** 强弱 of a segment (contract §5). */
export type ChainStrength = '强' | '弱' | '缺' | '风险';
/** 企业类别 (contract §5 sheet 企业). */
export type CompanyCategory = '链主' | '本地' | '目标';
/** What attracting a segment's targets does in the 远景 view. */
export type ChainAction = '补链' | '强链' | '延链';

/** An enterprise as the map names it, e.g. `{name: '星辰新能源有限公司', category: '链主'}`. */
export interface ChainMapCompany {
  name: string;
  category: CompanyCategory;
}

/** What a node shows. */
export interface NodeSpec {
  segment: string;
  position?: ChainPosition | undefined;
  strength?: ChainStrength | undefined;
  companies: readonly ChainMapCompany[];
  signed: number;
  href?: string | undefined;
  /** The 远景 action of the node, or null (现状, or no target). */
  action: ChainAction | null;
  view: '现状' | '远景';
  /** Label of the signed count, e.g. `2025年签约`; null leaves the line out. */
  signedLabel: string | null;
}

/** Node look per 强弱; each differs by border style as well as colour so it survives greyscale print. */
export const NODE_STYLES: Record<
  ChainStrength | 'none' | 'filled' | 'extend',
  { fill: string; stroke: string; width: number; dash?: string; pill: string; pillText: string; pillStroke?: string }
> = {
  强: { fill: '#DCEBF7', stroke: '#0072B2', width: 2.5, pill: '#0072B2', pillText: '#FFFFFF' },
  弱: { fill: '#FCEFD2', stroke: '#B07800', width: 1.5, dash: '2 3', pill: '#E69F00', pillText: '#1A1A1A' },
  缺: {
    fill: 'hatch',
    stroke: '#555555',
    width: 2,
    dash: '7 4',
    pill: '#FFFFFF',
    pillText: '#1A1A1A',
    pillStroke: '#555555',
  },
  风险: { fill: '#F9DFD0', stroke: '#A33F00', width: 3, pill: '#A33F00', pillText: '#FFFFFF' },
  none: { fill: '#FFFFFF', stroke: '#8C8C8C', width: 1.5, pill: '#FFFFFF', pillText: '#1A1A1A' },
  /** 远景: a 缺 segment whose target enterprises are assumed attracted (补链后). */
  filled: { fill: '#D5EFE6', stroke: '#007A5A', width: 2.5, pill: '#007A5A', pillText: '#FFFFFF' },
  /** 远景: a segment the map does not have yet, named by target enterprises (延链). */
  extend: { fill: '#FFFFFF', stroke: '#007A5A', width: 2, dash: '5 3', pill: '#007A5A', pillText: '#FFFFFF' },
};
/** Text colour of target enterprises (dark green: ≥ 4.5 : 1 on every node fill). */
export const TARGET_TEXT = '#00664B';
const ACTION_FILL = '#007A5A';

const PAD = 10;
const NAME_FONT = 15;
const NAME_LINE = 19;
const CO_FONT = 12.5;
const CO_LINE = 17;
const TAG_FONT = 11;
const SIGNED_FONT = 11.5;
/** Lines of names per category before `等N家`. */
const MAX_LINES: Record<CompanyCategory, number> = { 链主: 2, 本地: 3, 目标: 2 };
const CATEGORIES: readonly CompanyCategory[] = ['链主', '本地', '目标'];

interface Pill {
  text: string;
  fill: string;
  color: string;
  stroke?: string | undefined;
}
const PILL_FONT = 12;
const pillWidth = (p: Pill): number => textWidth(p.text, PILL_FONT) + 14;

/** The 远景 action first, then the 强弱 word (远景: 原缺 when filled, 仍缺 when no target fills it). */
function pillsOf(s: NodeSpec, targets: number): Pill[] {
  const pills: Pill[] = [];
  if (s.action) pills.push({ text: `${s.action} ${targets} 家`, fill: ACTION_FILL, color: '#FFFFFF' });
  if (s.action === '延链') pills.push({ text: '新增', fill: '#FFFFFF', color: COLORS.text, stroke: '#007A5A' });
  else if (s.strength) {
    const st = NODE_STYLES[s.strength];
    if (s.action === '补链') pills.push({ text: '原缺', fill: '#FFFFFF', color: COLORS.text, stroke: '#555555' });
    else
      pills.push({
        text: s.view === '远景' && s.strength === '缺' ? '仍缺' : s.strength,
        fill: st.pill,
        color: st.pillText,
        stroke: st.pillStroke,
      });
  }
  return pills;
}

/** Pills drawn right to left from `right`, vertically centred on `cy`. */
function pillRow(pills: readonly Pill[], right: number, cy: number): SvgNode[] {
  const out: SvgNode[] = [];
  let r = right;
  for (const p of pills) {
    const w = pillWidth(p);
    out.push(
      h('rect', {
        x: r - w,
        y: cy - 10,
        width: w,
        height: 20,
        rx: 10,
        fill: p.fill,
        stroke: p.stroke,
        'stroke-width': p.stroke ? 1.2 : undefined,
        'stroke-dasharray': p.stroke ? '3 2' : undefined,
      }),
      h(
        'text',
        {
          x: r - w / 2,
          y: cy,
          dy: '0.35em',
          'text-anchor': 'middle',
          'font-size': PILL_FONT,
          'font-weight': 'bold',
          fill: p.color,
        },
        p.text,
      ),
    );
    r -= w + 6;
  }
  return out;
}

/** Distinct names of one category, in input order. */
export function namesOf(companies: readonly ChainMapCompany[], category: CompanyCategory): string[] {
  return [...new Set(companies.filter((c) => c.category === category).map((c) => c.name.trim()))];
}

/** The tag before a category's names: what it is called and how it looks. */
function tagOf(category: CompanyCategory, s: NodeSpec): { text: string; fill: string; color: string; stroke?: string } {
  if (category === '链主') return { text: '链主', fill: '#3A3A3A', color: '#FFFFFF' };
  if (category === '本地') return { text: '本地', fill: '#FFFFFF', color: COLORS.text, stroke: '#555555' };
  return s.action
    ? { text: s.action, fill: ACTION_FILL, color: '#FFFFFF' }
    : { text: '目标', fill: '#FFFFFF', color: TARGET_TEXT, stroke: ACTION_FILL };
}
const TAG_W = textWidth('链主', TAG_FONT) + 10;

/** The node's full text, for its tooltip and the link's accessible name. */
export function nodeTip(s: NodeSpec): string {
  const names = CATEGORIES.map((c) => {
    const list = namesOf(s.companies, c);
    return list.length ? `${c}企业：${list.join('、')}` : null;
  }).filter((x) => x !== null);
  const where = [s.action === '延链' ? '图谱外新增环节' : s.position, s.strength].filter(Boolean).join('，');
  return (
    `${s.segment}${where ? `（${where}）` : ''}：` +
    (names.length ? names.join('；') : s.strength === '缺' ? '本地暂无企业' : '暂无企业名单') +
    (s.signedLabel ? `；${s.signedLabel} ${s.signed} 个项目` : '') +
    (s.action ? `；远景${s.action} ${namesOf(s.companies, '目标').length} 家` : '')
  );
}

/** A measured node: its height, and how to draw it at a position. */
export interface MeasuredNode {
  height: number;
  render(x: number, y: number, hatchId: string): SvgNode;
}

/**
 * Measures a node of `width` px: name lines (at most 2), one block of names per category,
 * a line saying the segment has no enterprise when it has none, and the signed line.
 */
export function measureNode(s: NodeSpec, width: number): MeasuredNode {
  const inner = width - 2 * PAD;
  const targets = namesOf(s.companies, '目标').length;
  const pills = pillsOf(s, targets);
  const pillsW = pills.reduce((t, p) => t + pillWidth(p) + 6, 0);
  const nameLines = wrapText(s.segment, Math.max(inner - pillsW - 2, inner / 3), NAME_FONT, 2);
  const runs = CATEGORIES.map((category) => {
    const names = namesOf(s.companies, category).map(shortCompanyName);
    return { category, run: fitNames(names, inner - TAG_W - 6, CO_FONT, MAX_LINES[category]) };
  }).filter((r) => r.run.lines.length > 0);
  const showSigned = s.signedLabel !== null && s.signed > 0;

  let height = PAD - 2 + nameLines.length * NAME_LINE + 6;
  height += runs.reduce((t, r) => t + r.run.lines.length * CO_LINE + 3, 0);
  if (runs.length === 0) height += CO_LINE + 3;
  if (showSigned) height += 16;
  height += PAD - 4;

  const render = (x: number, y: number, hatchId: string): SvgNode => {
    const style =
      s.action === '延链'
        ? NODE_STYLES.extend
        : s.action === '补链'
          ? NODE_STYLES.filled
          : NODE_STYLES[s.strength ?? 'none'];
    const box = { x, y, width, height, rx: 8 };
    const parts: SvgNode[] = [];
    let cy = y + PAD - 2;
    const nameTop = cy;
    parts.push(
      h(
        'text',
        {
          x: x + PAD,
          y: cy + NAME_LINE / 2,
          dy: '0.35em',
          'font-size': NAME_FONT,
          'font-weight': 'bold',
          fill: COLORS.text,
          'text-anchor': 'start',
        },
        nameLines.map((l, i) => h('tspan', { x: x + PAD, dy: i === 0 ? undefined : NAME_LINE }, l)),
      ),
    );
    cy += nameLines.length * NAME_LINE + 6;
    for (const { category, run } of runs) {
      const tag = tagOf(category, s);
      const tagW = Math.max(TAG_W, textWidth(tag.text, TAG_FONT) + 10);
      const mid = cy + CO_LINE / 2;
      parts.push(
        h('rect', {
          x: x + PAD,
          y: mid - 8,
          width: tagW,
          height: 16,
          rx: 3,
          fill: tag.fill,
          stroke: tag.stroke,
          'stroke-width': tag.stroke ? 1 : undefined,
        }),
        h(
          'text',
          {
            x: x + PAD + tagW / 2,
            y: mid,
            dy: '0.35em',
            'text-anchor': 'middle',
            'font-size': TAG_FONT,
            'font-weight': 'bold',
            fill: tag.color,
          },
          tag.text,
        ),
        h(
          'text',
          {
            x: x + PAD + TAG_W + 6,
            y: mid,
            dy: '0.35em',
            'font-size': CO_FONT,
            'font-weight': category === '链主' ? 'bold' : undefined,
            fill: category === '目标' ? TARGET_TEXT : COLORS.text,
            'text-anchor': 'start',
          },
          run.lines.map((l, i) => h('tspan', { x: x + PAD + TAG_W + 6, dy: i === 0 ? undefined : CO_LINE }, l)),
        ),
      );
      cy += run.lines.length * CO_LINE + 3;
    }
    if (runs.length === 0) {
      parts.push(
        h(
          'text',
          {
            x: x + PAD,
            y: cy + CO_LINE / 2,
            dy: '0.35em',
            'font-size': 12,
            fill: COLORS.muted,
            'text-anchor': 'start',
          },
          s.strength === '缺' ? '本地暂无企业' : '暂无企业名单',
        ),
      );
      cy += CO_LINE + 3;
    }
    if (showSigned) {
      parts.push(
        h(
          'text',
          {
            x: x + PAD,
            y: cy + 8,
            dy: '0.35em',
            'font-size': SIGNED_FONT,
            fill: COLORS.muted,
            'text-anchor': 'start',
          },
          `${s.signedLabel} ${s.signed} 个项目`,
        ),
      );
    }
    // the tooltip is the link's first child: it names the link for screen readers too
    const tip = h('title', {}, nodeTip(s));
    const link = safeHref(s.href);
    const node = h(
      'g',
      { class: `zs-segment zs-segment--${s.strength ?? 'none'}${s.action ? ` zs-segment--${s.action}` : ''}` },
      link ? null : tip,
      style.fill === 'hatch'
        ? [h('rect', { ...box, fill: '#FFFFFF' }), h('rect', { ...box, fill: `url(#${hatchId})` })]
        : h('rect', { ...box, fill: style.fill }),
      h('rect', {
        ...box,
        fill: 'none',
        stroke: style.stroke,
        'stroke-width': style.width,
        'stroke-dasharray': style.dash,
      }),
      s.strength === '风险' && !s.action
        ? h('rect', {
            x: x + 4,
            y: y + 4,
            width: width - 8,
            height: height - 8,
            rx: 5,
            fill: 'none',
            stroke: style.stroke,
            'stroke-width': 1,
          })
        : null,
      pillRow(pills, x + width - PAD, nameTop + NAME_LINE / 2),
      parts,
    );
    return link ? h('a', { href: link }, tip, node) : node;
  };
  return { height, render };
}
