/**
 * Shared helpers of the chart functions: a tiny SVG element tree that escapes every text and
 * attribute when serialised, Observable Plot rendered on the server through linkedom, the
 * responsive root element, and the colour-blind-safe palette (Okabe–Ito).
 *
 * Why a tree of our own instead of `outerHTML`: linkedom writes attribute values unescaped
 * (`href="u/<script>"`), Plot's floats come out as `80.00000000000006`, and Plot's clip/marker
 * ids come from a global counter. Serialising ourselves gives one place that escapes, rounds and
 * renames ids, so that the same input always gives the same string.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { appendAll } from '../schemas/arrays.ts';

// ------------------------------------------------------------------------------------ palette

/**
 * Okabe–Ito palette, distinguishable with the common colour-vision deficiencies, in the order
 * categorical series take them.
 *
 * @example PALETTE[0] // '#0072B2'
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#F0E442',
  '#000000',
] as const;

/**
 * Colours with a meaning across the site. `ahead`/`behind` = 超进度/欠进度, `target` = 目标 line,
 * `neutral` = bars without a judgement, `track` = empty part of a bullet, `text`/`muted` = labels.
 */
export const COLORS = {
  ahead: '#0072B2',
  behind: '#D55E00',
  neutral: '#8C8C8C',
  neutralLight: '#D9D9D9',
  track: '#EDEDED',
  target: '#000000',
  accent: '#009E73',
  text: '#1A1A1A',
  muted: '#555555',
  grid: '#E3E3E3',
} as const;

/**
 * Font stack the page should set on the element holding the charts (the SVG inherits it and
 * loads no web font), e.g. `body { font-family: ${CJK_FONT_STACK} }`.
 */
export const CJK_FONT_STACK =
  "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

/** Default chart width in px (the viewBox width; the SVG itself scales to its container). */
export const DEFAULT_WIDTH = 640;

/** Base font size of chart text in px. */
export const FONT_SIZE = 12;

// ------------------------------------------------------------------------------------ tree

/** Attribute values; `undefined`/`null`/`false` attributes are left out, numbers rounded to 0.01. */
export type AttrValue = string | number | boolean | null | undefined;

/** An SVG element: strings among `children` are text and are always escaped. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, AttrValue>;
  children: SvgChild[];
}
export type SvgChild = SvgNode | string;

/**
 * Builds an element (hyperscript). Children that are `null`/`false` are dropped; arrays flatten.
 *
 * @example h('text', { x: 4, y: 12 }, '签约 <3>') // serialises to <text x="4" y="12">签约 &lt;3&gt;</text>
 */
export function h(tag: string, attrs: Record<string, AttrValue> = {}, ...children: Children[]): SvgNode {
  return { tag, attrs, children: flatten(children) };
}
export type Children = SvgChild | null | undefined | false | Children[];

function flatten(children: Children[]): SvgChild[] {
  const out: SvgChild[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) appendAll(out, flatten(c));
    else out.push(c);
  }
  return out;
}

/** Characters XML 1.0 does not allow at all (a ledger cell may hold them). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for element content and attribute values (both quoted with `"`).
 *
 * @example escapeXml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A number as an attribute: at most two decimals, no `-0`.
 *
 * @example num(80.00000000000006) // '80'
 */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Attributes whose numbers are geometry and get rounded when they come from Plot. */
const GEOMETRY = new Set([
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'width',
  'height',
  'd',
  'transform',
  'points',
  'viewBox',
  'dx',
  'dy',
]);
const NUMBER_RE = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** Serialises a tree to a string; text and attribute values are escaped here and nowhere else. */
export function serialize(node: SvgChild): string {
  if (typeof node === 'string') return escapeXml(node);
  let out = `<${node.tag}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined || v === null || v === false) continue;
    const value =
      v === true
        ? ''
        : typeof v === 'number'
          ? num(v)
          : GEOMETRY.has(k)
            ? v.replace(NUMBER_RE, (m) => num(Number(m)))
            : v;
    out += ` ${k}="${escapeXml(value)}"`;
  }
  if (node.children.length === 0) return `${out}/>`;
  return `${out}>${node.children.map(serialize).join('')}</${node.tag}>`;
}

/**
 * A link target a chart may write: relative URLs and http(s) only; anything else (`javascript:`,
 * `data:`) gives `undefined` and the figure is drawn without a link.
 *
 * @example safeHref('units/经济合作局/') // 'units/经济合作局/'
 * @example safeHref('javascript:alert(1)') // undefined
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const t = href.trim();
  if (t === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t.replace(/[\s\u0000-\u001F]/g, ''));
  if (scheme && !/^https?$/i.test(scheme[1] ?? '')) return undefined;
  return t;
}

// ------------------------------------------------------------------------------------ ids

/**
 * A short stable hash (FNV-1a, base 36) used to make element ids unique between charts of one
 * page yet identical between builds.
 *
 * @example stableId('a') // 'zs1r9wi7g'
 */
export function stableId(input: unknown): string {
  const s = typeof input === 'string' ? input : (JSON.stringify(input) ?? '');
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    hash ^= s.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `zs${hash.toString(36)}`;
}

/** Renames every `id` in the tree to `${prefix}-${n}` (in document order) and updates references. */
function renameIds(root: SvgNode, prefix: string): void {
  const map = new Map<string, string>();
  const collect = (n: SvgNode): void => {
    const id = n.attrs['id'];
    if (typeof id === 'string' && !map.has(id)) map.set(id, `${prefix}-${map.size + 1}`);
    for (const c of n.children) if (typeof c !== 'string') collect(c);
  };
  const rewrite = (n: SvgNode): void => {
    for (const [k, v] of Object.entries(n.attrs)) {
      if (typeof v !== 'string') continue;
      if (k === 'id') n.attrs[k] = map.get(v) ?? v;
      else if (v.includes('url(#'))
        n.attrs[k] = v.replace(/url\(#([^)]+)\)/g, (m, id: string) => (map.has(id) ? `url(#${map.get(id)})` : m));
      else if ((k === 'href' || k === 'xlink:href') && v.startsWith('#') && map.has(v.slice(1)))
        n.attrs[k] = `#${map.get(v.slice(1))}`;
    }
    for (const c of n.children) if (typeof c !== 'string') rewrite(c);
  };
  collect(root);
  if (map.size > 0) rewrite(root);
}

// ------------------------------------------------------------------------------------ Plot

interface DomLike {
  nodeType: number;
  localName?: string;
  tagName?: string;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes?: ArrayLike<DomLike>;
  textContent?: string | null;
}

/** Converts a (linkedom) DOM element into a tree; comments and `<style>` are dropped. */
export function fromDom(node: DomLike): SvgChild | null {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return null;
  const tag = node.localName ?? node.tagName?.toLowerCase() ?? 'g';
  if (tag === 'style') return null;
  const attrs: Record<string, AttrValue> = {};
  for (const a of Array.from(node.attributes ?? [])) attrs[a.name] = a.value;
  const children: SvgChild[] = [];
  for (const c of Array.from(node.childNodes ?? [])) {
    const t = fromDom(c);
    if (t !== null) children.push(t);
  }
  return { tag, attrs, children };
}

/**
 * Renders a Plot chart on the server and returns the contents of its `<svg>` as a `<g>`, ready to
 * be placed in {@link svgRoot}. Plot's own style sheet, class names, `style` option, font family
 * and size are dropped (they differ between Plot versions and the page styles the chart); text
 * takes `fontSize` (px) or the root's size.
 *
 * @example plotBody({ width: 640, height: 200, marks: [Plot.barX([1, 2])] }, 11)
 */
export function plotBody(options: Plot.PlotOptions, fontSize?: number): SvgNode {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document, className: 'zs-plot' } as Plot.PlotOptions) as unknown as DomLike;
  const tree = fromDom(el);
  if (tree === null || typeof tree === 'string' || tree.tag !== 'svg')
    throw new Error('Plot did not render an <svg> (a legend or figure option was set)');
  const { fill, 'text-anchor': anchor, 'font-variant': variant } = tree.attrs;
  return h('g', { fill, 'text-anchor': anchor, 'font-variant': variant, 'font-size': fontSize }, tree.children);
}

// ------------------------------------------------------------------------------------ root

/** What every chart root says about itself. */
export interface RootOptions {
  /** viewBox width and the largest width the SVG grows to, e.g. `640`. */
  width: number;
  /** Largest display width when it differs from the viewBox width, e.g. `1120`. */
  maxWidth?: number | undefined;
  /** viewBox height, e.g. `240`. */
  height: number;
  /** Short name shown as tooltip, e.g. `'各单位签约金额'`. */
  title: string;
  /** One Chinese sentence that says what the chart shows, read by screen readers. */
  description: string;
  /** Chart kind for the CSS class `zs-chart--${kind}`, e.g. `'bar'`. */
  kind: string;
  /** Seed of the id prefix (the chart input); ids stay stable and unique per chart. */
  idSeed: unknown;
}

/**
 * Wraps a chart body in a responsive root: `viewBox` only, `width="100%"`, `height:auto` and a
 * `max-width` of the design width, so the chart shrinks on phones and never grows blurry-wide.
 * With links inside the role is `group` (links stay reachable), else `img`.
 */
export function svgRoot(opts: RootOptions, ...body: Children[]): string {
  const content = flatten(body);
  const hasLink = (n: SvgChild): boolean => typeof n !== 'string' && (n.tag === 'a' || n.children.some(hasLink));
  const root = h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${num(opts.width)} ${num(opts.height)}`,
      width: '100%',
      role: content.some(hasLink) ? 'group' : 'img',
      'aria-label': opts.description,
      class: `zs-chart zs-chart--${opts.kind}`,
      style: `display:block;width:100%;max-width:${num(opts.maxWidth ?? opts.width)}px;height:auto;font-family:inherit;overflow:visible`,
      'font-size': FONT_SIZE,
      fill: 'currentColor',
    },
    h('title', {}, opts.title),
    h('desc', {}, opts.description),
    content,
  );
  renameIds(root, stableId([opts.kind, opts.idSeed]));
  return serialize(root);
}

/** Root of a chart with no data: says so in words instead of drawing empty axes. */
export function emptyChart(opts: Omit<RootOptions, 'height' | 'description'> & { what: string }): string {
  const height = 80;
  return svgRoot(
    { ...opts, height, description: `${opts.title}：暂无${opts.what}数据。` },
    h(
      'text',
      { x: opts.width / 2, y: height / 2, 'text-anchor': 'middle', 'dominant-baseline': 'middle', fill: COLORS.muted },
      `暂无${opts.what}数据`,
    ),
  );
}
