import { describe, expect, test } from 'vitest';
import { pagePath, rel } from '../src/site/href.ts';

describe('rel()', () => {
  test.each([
    ['index.html', 'bulletins/2025-10.html', 'bulletins/2025-10.html'],
    ['bulletins/2025-10.html', 'index.html', '../index.html'],
    ['bulletins/2025-10.html', 'bulletins/2025-09.html', '2025-09.html'],
    ['bulletins/2025-10.html', 'projects/p-3f9a1c2b7d.html', '../projects/p-3f9a1c2b7d.html'],
    ['a/b/c.html', 'a/d/e.html', '../d/e.html'],
    ['a/b/c.html', 'x.html', '../../x.html'],
    ['index.html', 'index.html', 'index.html'],
    ['search.html', 'downloads/projects.csv', 'downloads/projects.csv'],
    ['bulletins.html', 'bulletins/2025-10.html', 'bulletins/2025-10.html'],
  ])('%s → %s', (from, to, expected) => {
    expect(rel(from, to)).toBe(expected);
  });

  test('encodes segments (Chinese, spaces, #, ?) but keeps the separators', () => {
    expect(rel('units/u-1.html', 'pages/区位 优势.html')).toBe('../pages/%E5%8C%BA%E4%BD%8D%20%E4%BC%98%E5%8A%BF.html');
    expect(rel('index.html', 'pages/a?b.html')).toBe('pages/a%3Fb.html');
    expect(rel('index.html', 'pages/a%b.html')).toBe('pages/a%25b.html');
  });

  test('keeps a fragment', () => {
    expect(rel('bulletins/2025-10.html', 'chains.html#新能源')).toBe('../chains.html#%E6%96%B0%E8%83%BD%E6%BA%90');
  });

  test('never returns an absolute URL', () => {
    for (const [a, b] of [
      ['x/y/z.html', 'x/y/z.html'],
      ['index.html', 'a/b/c/d.html'],
      ['a/b/c/d.html', 'index.html'],
    ] as const) {
      expect(rel(a, b)).not.toMatch(/^(\/|[a-z]+:)/i);
    }
  });

  test('refuses absolute and escaping paths (caller bugs)', () => {
    expect(() => rel('index.html', '/projects.html')).toThrow(/output path/);
    expect(() => rel('index.html', 'https://example.com/')).toThrow(/output path/);
    expect(() => rel('index.html', '../x.html')).toThrow(/\.\./);
  });
});

describe('pagePath()', () => {
  test.each([
    ['/bulletins/2025-10.html', 'bulletins/2025-10.html'],
    ['/bulletins/2025-10', 'bulletins/2025-10.html'],
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/units/', 'units/index.html'],
    ['/pages/%E5%8C%BA%E4%BD%8D%20%E4%BC%98%E5%8A%BF.html', 'pages/区位 优势.html'],
    ['/downloads/projects.csv', 'downloads/projects.csv'],
    ['/search.html?q=x#top', 'search.html'],
  ])('%s → %s', (pathname, expected) => {
    expect(pagePath(pathname)).toBe(expected);
  });

  test('round-trips with rel()', () => {
    const page = pagePath('/pages/%E5%8C%BA%E4%BD%8D.html');
    expect(rel(page, 'index.html')).toBe('../index.html');
  });
});
