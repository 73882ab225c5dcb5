/**
 * Invariants every chart keeps, checked on realistic inputs that each carry a hostile label:
 * well-formed XML, responsive root, accessible name, escaping, stable ids, deterministic output.
 */
import { describe, expect, test } from 'vitest';
import { barChart } from '../src/charts/barChart.ts';
import { bucketChart } from '../src/charts/bucketChart.ts';
import { bulletChart } from '../src/charts/bulletChart.ts';
import { assetMap } from '../src/charts/assetMap.ts';
import { assetSchematic } from '../src/charts/assetSchematic.ts';
import { chainMap } from '../src/charts/chainMap.ts';
import { chainMiniMap } from '../src/charts/chainMiniMap.ts';
import { AREAS, ASSETS } from './fixtures/zone-map/mapInputs.ts';
import { cumulativeLine } from '../src/charts/cumulativeLine.ts';
import { funnelChart } from '../src/charts/funnelChart.ts';
import { rankChart } from '../src/charts/rankChart.ts';

const EVIL = '<script>alert(1)</script>';
const EVIL_HREF = 'units/"><script>alert(2)</script>';
const tp = 10 / 12;

const charts: [string, () => string][] = [
  [
    'barChart',
    () =>
      barChart({
        title: '各单位签约金额',
        unit: '亿元',
        data: [
          { label: '经济合作局', value: 35.2, href: 'units/jjhzj/' },
          { label: EVIL, value: 12, href: EVIL_HREF },
          { label: '高新技术产业开发区管理委员会', value: 58.75 },
        ],
      }),
  ],
  [
    'barChart vertical',
    () =>
      barChart({
        title: '各单位签约项目数',
        unit: '个',
        horizontal: false,
        data: [
          { label: EVIL, value: 3 },
          { label: '城关镇', value: 5, href: 'units/cgz/' },
        ],
      }),
  ],
  [
    'bulletChart',
    () =>
      bulletChart({
        title: '签约金额目标完成情况',
        unit: '亿元',
        data: [
          { label: '经济合作局', actual: 32.5, target: 40, timeProgress: tp, href: 'units/jjhzj/' },
          { label: EVIL, actual: 16, target: 10, timeProgress: tp, href: EVIL_HREF },
        ],
      }),
  ],
  [
    'cumulativeLine',
    () =>
      cumulativeLine({
        title: EVIL,
        unit: '亿元',
        target: 100,
        actual: [3.2, 8.5, 15, 19.6, 26].map((value, i) => ({ month: i + 1, value })),
      }),
  ],
  [
    'bucketChart',
    () =>
      bucketChart({
        title: '签约项目规模分布',
        data: [
          { bucket: '50亿元以上', count: 1, amount: 60, href: EVIL_HREF },
          { bucket: EVIL, count: 4, amount: 86.5 },
          { bucket: '亿元以下', count: 12, amount: 4.2 },
        ],
      }),
  ],
  [
    'funnelChart',
    () =>
      funnelChart({
        title: '招商项目推进漏斗',
        data: [
          { stage: '线索', count: 120 },
          { stage: EVIL, count: 45, href: EVIL_HREF },
          { stage: '签约', count: 30, href: 'signed/' },
        ],
      }),
  ],
  [
    'rankChart',
    () =>
      rankChart({
        title: `${EVIL} 综合排名走势`,
        total: 12,
        data: [
          { period: '2025-09', rank: 4 },
          { period: '2025-10', rank: 2 },
        ],
      }),
  ],
  [
    'chainMap',
    () =>
      chainMap({
        chain: '新能源汽车',
        view: '远景',
        year: '2025',
        segments: [
          {
            segment: EVIL,
            position: '上游',
            strength: '缺',
            companies: [{ name: EVIL, category: '目标' }],
            signed: 0,
            href: EVIL_HREF,
          },
          {
            segment: '动力电池',
            position: '中游',
            strength: '强',
            companies: [{ name: '星辰新能源科技有限公司', category: '链主' }],
            signed: 3,
            href: 'chains/xny/dldc/',
          },
          { segment: '整车制造', position: '下游', strength: '弱', companies: [], signed: 1 },
        ],
        extensions: [{ segment: EVIL, companies: [{ name: EVIL, category: '目标' }], href: EVIL_HREF }],
      }),
  ],
  [
    'chainMap narrow',
    () =>
      chainMap({
        chain: EVIL,
        view: '现状',
        layout: 'narrow',
        segments: [{ segment: '动力电池', position: '中游', strength: '强', companies: [], signed: 3 }],
      }),
  ],
  [
    'chainMiniMap',
    () =>
      chainMiniMap({
        chain: '新能源',
        year: '2025',
        segments: [
          { segment: EVIL, position: '上游', strength: '缺', signed: 2, href: EVIL_HREF },
          { segment: '电芯制造', position: '中游', strength: '强', signed: 0, href: 'chains/c-1.html#seg-2' },
        ],
      }),
  ],
  [
    'assetMap',
    () =>
      assetMap({
        title: '示例开发区存量资产分布图',
        areas: [...AREAS, { ...AREAS[2]!, name: EVIL, href: EVIL_HREF }],
        assets: [...ASSETS, { ...ASSETS[0]!, no: 5, name: EVIL, href: EVIL_HREF }],
      }),
  ],
  [
    'assetSchematic',
    () =>
      assetSchematic({
        title: '存量资产示意图',
        width: 380,
        groups: [
          { name: EVIL, href: EVIL_HREF, assets: [{ ...ASSETS[0]!, size: 80000 }] },
          { name: '其他位置', assets: [{ ...ASSETS[2]!, name: EVIL, size: null, href: EVIL_HREF }] },
        ],
      }),
  ],
];

/**
 * A strict check of XML well-formedness, independent of the serialiser: tags balance, attribute
 * values are double-quoted without `<`, and `&` only starts an entity.
 */
function assertWellFormed(xml: string): void {
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let i = 0;
  while (i < xml.length) {
    token.lastIndex = i;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${i}: ${xml.slice(i, i + 60)}`);
    const [all, close, name, attrs, selfClose, text] = m;
    const entityText = text ?? attrs ?? '';
    const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(entityText);
    if (badAmp) throw new Error(`bare & at ${i}: ${entityText.slice(0, 60)}`);
    if (name !== undefined) {
      if (close) {
        const open = stack.pop();
        if (open !== name) throw new Error(`</${name}> closes <${open}> at ${i}`);
      } else if (!selfClose) stack.push(name);
    }
    i += all.length;
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(' > ')}`);
}

test('the well-formedness check rejects broken markup', () => {
  expect(() => assertWellFormed('<svg><g></svg>')).toThrow(/closes/);
  expect(() => assertWellFormed('<svg><a href="x<y"/></svg>')).toThrow(/not well-formed/);
  expect(() => assertWellFormed('<svg><text>a & b</text></svg>')).toThrow(/bare &/);
  expect(() => assertWellFormed('<svg><g>')).toThrow(/unclosed/);
  expect(() => assertWellFormed('<svg><text>a &amp; b &lt;</text><rect x="1"/></svg>')).not.toThrow();
});

describe.each(charts)('%s', (_name, render) => {
  const svg = render();
  const rootTag = svg.slice(0, svg.indexOf('>') + 1);

  test('is well-formed XML with one <svg> root', () => {
    assertWellFormed(svg);
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  test('is responsive: viewBox, width 100%, no fixed pixel width or height on the root', () => {
    expect(rootTag).toMatch(/ viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
    expect(rootTag).toContain(' width="100%"');
    expect(rootTag).not.toMatch(/ width="\d+(\.\d+)?(px)?"/);
    expect(rootTag).not.toMatch(/ height="/);
    expect(rootTag).toMatch(/max-width:\d+px/);
    expect(svg).not.toContain('width="640"');
  });

  test('has an accessible name: a <title> and a one-sentence Chinese aria-label', () => {
    expect(svg).toMatch(/^<svg [^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
    const label = /aria-label="([^"]+)"/.exec(rootTag)?.[1] ?? '';
    expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(label.endsWith('。')).toBe(true);
    expect(rootTag).toMatch(/ role="(img|group)"/);
  });

  test('escapes hostile text in labels and hrefs', () => {
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // an href cannot break out of its attribute
    expect(svg).not.toContain('"><script');
  });

  test('uses no Plot class names, web fonts or fixed font family', () => {
    expect(svg).not.toMatch(/plot-[0-9a-f]{6}/);
    expect(svg).not.toContain('@font-face');
    expect(svg).not.toContain('system-ui');
    expect(rootTag).toContain('font-family:inherit');
  });

  test('ids are unique and stable', () => {
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^zs[0-9a-z]+-\d+$/);
  });

  test('is deterministic, also after other charts were rendered', () => {
    for (const [, other] of charts) other();
    expect(render()).toBe(svg);
  });
});
