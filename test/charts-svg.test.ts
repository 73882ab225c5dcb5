import { describe, expect, test } from 'vitest';
import { formatFixed, formatNumber, formatPercent, formatPp } from '../src/charts/formatNumber.ts';
import { COLORS, PALETTE, escapeXml, h, num, safeHref, serialize, stableId, svgRoot } from '../src/charts/svg.ts';
import { ellipsize, textWidth, wrapText } from '../src/charts/wrapText.ts';

describe('svg helpers', () => {
  test('escapeXml escapes markup, quotes and drops characters XML forbids', () => {
    expect(escapeXml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeXml('a & "b"')).toBe('a &amp; &quot;b&quot;');
    expect(escapeXml('a\u0000b\u000Bc')).toBe('abc');
  });

  test('serialize escapes text children and attribute values; numbers at two decimals', () => {
    expect(serialize(h('text', { x: 4.004, y: -0.001, 'aria-label': '"><script>' }, '签约 <3>'))).toBe(
      '<text x="4" y="0" aria-label="&quot;&gt;&lt;script&gt;">签约 &lt;3&gt;</text>',
    );
    expect(serialize(h('path', { d: 'M80.00000000000006,1.5e-7L3,4' }))).toBe('<path d="M80,0L3,4"/>');
    expect(serialize(h('g', { hidden: false, x: undefined, y: null }))).toBe('<g/>');
  });

  test('num rounds to two decimals without -0', () => {
    expect(num(80.00000000000006)).toBe('80');
    expect(num(-0.001)).toBe('0');
    expect(num(1.234)).toBe('1.23');
    expect(num(Number.NaN)).toBe('0');
  });

  test('safeHref keeps relative and http(s) links, drops script schemes', () => {
    expect(safeHref('units/经济合作局/')).toBe('units/经济合作局/');
    expect(safeHref('../signed/?size=50#top')).toBe('../signed/?size=50#top');
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(safeHref(bad)).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });

  test('stableId is stable and differs by input', () => {
    expect(stableId('a')).toBe('zs1r9wi7g');
    expect(stableId({ a: 1 })).toBe(stableId({ a: 1 }));
    expect(stableId({ a: 1 })).not.toBe(stableId({ a: 2 }));
  });

  test('svgRoot: responsive root, title, desc and ids renamed with a stable prefix', () => {
    const svg = svgRoot(
      { width: 300, height: 100, title: '标题', description: '一句话说明。', kind: 'test', idSeed: 1 },
      h('defs', {}, h('pattern', { id: 'p' })),
      h('rect', { fill: 'url(#p)' }),
    );
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 300 100" width="100%" role="img" aria-label="一句话说明。"/,
    );
    expect(svg).toContain('<title>标题</title><desc>一句话说明。</desc>');
    const id = /id="([^"]+)"/.exec(svg)?.[1];
    expect(id).toMatch(/^zs[0-9a-z]+-1$/);
    expect(svg).toContain(`fill="url(#${id})"`);
  });

  test('palette is Okabe–Ito with the semantic colours of the style guide', () => {
    expect(PALETTE).toContain('#0072B2');
    expect(PALETTE).toContain('#D55E00');
    expect(COLORS.ahead).toBe('#0072B2');
    expect(COLORS.behind).toBe('#D55E00');
    expect(COLORS.target).toBe('#000000');
  });
});

describe('wrapText', () => {
  test('breaks between CJK characters, balanced, with an ellipsis past maxLines', () => {
    expect(wrapText('新能源汽车动力电池及储能系统', 60, 12)).toEqual(['新能源汽车', '动力电池及', '储能系统']);
    expect(wrapText('新能源汽车动力电池及储能系统', 60, 12, 2)).toEqual(['新能源汽车', '动力电池…']);
    expect(wrapText('驻深圳招商联络处', 84, 12)).toEqual(['驻深圳招', '商联络处']);
    expect(wrapText('经济合作局', 200, 12)).toEqual(['经济合作局']);
  });

  test('keeps numbers and Latin words whole, and closing punctuation off line starts', () => {
    const lines = wrapText('年产10万吨锂电池正极材料（一期）项目', 100, 12);
    expect(lines.join('')).toBe('年产10万吨锂电池正极材料（一期）项目');
    expect(lines.some((l) => l.includes('10'))).toBe(true);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、）]/);
    for (const l of lines.slice(0, -1)) expect(l).not.toMatch(/（$/);
  });

  test('cuts a Latin run longer than the line', () => {
    const lines = wrapText('<script>alert(1)</script>', 60, 12);
    expect(lines.join('')).toBe('<script>alert(1)</script>');
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(60);
  });

  test('textWidth counts CJK as 1 em and digits about half', () => {
    expect(textWidth('经济合作局', 12)).toBe(60);
    expect(textWidth('12', 10)).toBeCloseTo(11.6);
    expect(ellipsize('经济技术开发区招商服务局', 80, 12)).toBe('经济技术开…');
  });
});

describe('formatNumber', () => {
  test.each([
    [formatNumber(12), '12'],
    [formatNumber(12.345), '12.35'],
    [formatNumber(1.005), '1.01'],
    [formatNumber(12345.6), '12,345.60'],
    [formatNumber(-0.001), '0.00'],
    [formatFixed(3, 2), '3.00'],
    [formatPercent(0.7234), '72.3%'],
    [formatPercent(12.5), '1,250.0%'],
    [formatPp(5.61), '+5.6'],
    [formatPp(-13.33), '-13.3'],
  ])('%s = %s', (got, want) => expect(got).toBe(want));
});
