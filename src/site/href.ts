/**
 * Relative links between output pages. Astro has no relative-URL mode, and the site must work
 * under any sub-path and from file://, so every href on every page is built here from two output
 * paths (`index.html`, `bulletins/2025-10.html`, `projects/p-3f9a1c2b7d.html`).
 */

/** Splits an output path into its segments, refusing absolute or escaping paths (a caller bug). */
function segments(path: string): string[] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/'))
    throw new Error(`rel(): expected an output path, got “${path}”`);
  const parts = path.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) throw new Error(`rel(): “..” is not allowed in “${path}”`);
  return parts;
}

/** Encodes one path segment; keeps the characters that are safe and readable in a path. */
function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/%40/g, '@').replace(/%2C/g, ',').replace(/%3D/g, '=');
}

/**
 * The relative URL from one output page to another, with segments URI-encoded. A `#fragment`
 * on `toPage` is kept (encoded).
 *
 * @example rel('index.html', 'bulletins/2025-10.html') // 'bulletins/2025-10.html'
 * @example rel('bulletins/2025-10.html', 'index.html') // '../index.html'
 * @example rel('bulletins/2025-10.html', 'bulletins/2025-09.html') // '2025-09.html'
 * @example rel('units/u-1.html', 'pages/区位优势.html') // '../pages/%E5%8C%BA%E4%BD%8D%E4%BC%98%E5%8A%BF.html'
 */
export function rel(fromPage: string, toPage: string): string {
  const hash = toPage.indexOf('#');
  const target = hash >= 0 ? toPage.slice(0, hash) : toPage;
  const fragment = hash >= 0 ? `#${encodeURIComponent(toPage.slice(hash + 1))}` : '';
  const from = segments(fromPage).slice(0, -1); // the folder of the current page
  const to = segments(target);
  if (to.length === 0) return fragment || './';
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].map((s) => (s === '..' ? s : encodeSegment(s))).join('/') + fragment;
}

/**
 * The output path of the page being rendered, from `Astro.url.pathname`. With
 * `build.format: 'file'` Astro gives `/bulletins/2025-10.html` (URI-encoded) during a static
 * build; a dev server may give `/bulletins/2025-10` or `/`. A site `base` is not used.
 *
 * @example pagePath('/bulletins/2025-10.html') // 'bulletins/2025-10.html'
 * @example pagePath('/bulletins/2025-10') // 'bulletins/2025-10.html'
 * @example pagePath('/') // 'index.html'
 * @example pagePath('/pages/%E5%8C%BA%E4%BD%8D.html') // 'pages/区位.html'
 */
export function pagePath(pathname: string): string {
  let p = pathname.split(/[?#]/)[0] ?? '';
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep as written
  }
  p = p.replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) return `${p}index.html`;
  return /\.[a-z0-9]+$/i.test(p) ? p : `${p}.html`;
}
