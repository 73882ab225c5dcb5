import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Request } from 'playwright-core';

/**
 * Walks every page of a built site reachable from `start` by same-site links, breadth first, and
 * lists every problem found.
 *
 * Every reachable page (each distinct URL, query strings included) gets the **HTML checks**, from
 * its file:
 * - every link resolves inside the site: to an existing page or file; not outside the site, not to
 *   a folder (`units/` has no index page on a file server or from file://), not `javascript:`, not
 *   empty; a `#fragment` names an existing id;
 * - download links (`.csv`, `.xlsx`, … see `DOWNLOAD`) point at existing, non-empty files;
 * - no root-absolute (`href="/…"`, `src="/…"`, `url(/…)`) or protocol-relative (`//host`) URL;
 * - a non-empty `<title>`; over http a `<link rel="icon">` (without one the browser asks the server
 *   root for `/favicon.ico`, outside the site; that automatic request is ignored at run time, since
 *   it comes and goes with Chromium's favicon cache, so this check is what catches it).
 *
 * Pages **opened in Chromium** (several tabs of one browser in parallel) also get the run-time
 * checks: no console error, uncaught exception or dialog; no failed request, HTTP status ≥ 400, or
 * request outside `scope`; links and ids read from the live DOM (so links made by scripts are
 * followed too). Every page is opened unless `maxOpenPerFolder` is set: then all pages of the top
 * folder and the first N URLs of each sub-folder are opened (pages of one folder share a template
 * and its scripts), and the rest get the HTML checks only.
 */
export interface CrawlOptions {
  context: BrowserContext;
  /** Absolute URL of the first page, e.g. `${server.url}index.html` or `file:///…/dist/index.html`. */
  start: string;
  /** Every URL of the site starts with this (the server's sub-path, or the dist folder's file:// URL). */
  scope: string;
  /** The folder served at `scope` (over http), for the HTML checks; without it pages are fetched. */
  root?: string;
  /** Stop discovering after this many distinct page URLs (`capHit` then says so). */
  maxPages?: number;
  /** Open at most this many URLs per sub-folder in Chromium (see above); unset: open every page. */
  maxOpenPerFolder?: number | undefined;
  concurrency?: number;
  /** Extra checks on each opened page, after it has loaded; a thrown error is reported as a problem. */
  onPage?: (page: Page, url: string) => Promise<void>;
}

export interface PageVisit {
  url: string;
  title: string;
  ids: Set<string>;
  links: string[];
}

export interface CrawlResult {
  /** Pages opened in Chromium. */
  pages: Map<string, PageVisit>;
  /** Every page URL reached (opened or HTML-checked), broken ones excluded. */
  reached: Set<string>;
  /** Distinct HTML files behind `reached`. */
  files: number;
  /** Download targets and whether they exist (non-empty). */
  downloads: Map<string, boolean>;
  problems: string[];
  capHit: boolean;
  requests: number;
  linksChecked: number;
  seconds: number;
}

export const DOWNLOAD = /\.(csv|xlsx|xls|json|zip|pdf|png|jpe?g|gif|svg|txt|docx?)$/i;

const ROOT_ABSOLUTE = /\s(href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*(["']?)\/(?!\/)/gi;
const PROTOCOL_RELATIVE = /\s(href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*(["']?)\/\//gi;
const CSS_ROOT_ABSOLUTE = /url\(\s*(&quot;|["'])?\/(?!\/)/gi;
const ICON_MESSAGE =
  'no <link rel="icon">: the browser then requests /favicon.ico from the server root, outside the site (add a relative icon, or <link rel="icon" href="data:,">)';

interface Link {
  raw: string;
  abs: string;
  download: boolean;
  text: string;
}

interface StaticPage {
  title: string;
  icon: boolean;
  ids: string[];
  /** Raw hrefs; resolved per URL (a query-only href depends on the page's URL). */
  links: { raw: string; download: boolean }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e.toLowerCase()] ?? m),
  );
}

/** The parts of a page the HTML checks need, read with regular expressions (Astro's output is regular). */
function parseStatic(html: string): StaticPage {
  const attr = (tag: string, name: string) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, 'i').exec(tag);
    return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
  };
  const links: StaticPage['links'] = [];
  for (const [tag] of html.matchAll(/<(?:a|area)\b[^>]*>/gi)) {
    const raw = attr(tag, 'href') ?? attr(tag, 'xlink:href');
    if (raw !== null) links.push({ raw, download: /\sdownload(\s|=|>|\/)/i.test(tag) });
  }
  const ids = [...html.matchAll(/<[a-z][^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)].map((m) =>
    decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''),
  );
  for (const [tag] of html.matchAll(/<a\b[^>]*\sname\s*=[^>]*>/gi)) ids.push(attr(tag, 'name') ?? '');
  const title = decodeEntities(/<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '').trim();
  const icon = [...html.matchAll(/<link\b[^>]*>/gi)].some(([tag]) => /(^|\s)icon(\s|$)/i.test(attr(tag, 'rel') ?? ''));
  return { title, icon, ids, links };
}

/** Why a file:// URL is not an openable file, or null when it is one. */
function fileProblem(url: string): string | null {
  try {
    return statSync(fileURLToPath(url.split(/[?#]/)[0]!)).isFile()
      ? null
      : 'not a file (a folder has no index page from file://)';
  } catch {
    return 'no such file';
  }
}

export async function crawl(opts: CrawlOptions): Promise<CrawlResult> {
  const started = Date.now();
  const maxPages = opts.maxPages ?? 20_000;
  const concurrency = opts.concurrency ?? 4;
  const { scope } = opts;
  const isFile = scope.startsWith('file:');
  const pages = new Map<string, PageVisit>();
  const reached = new Set<string>();
  const downloads = new Map<string, boolean>();
  const problems: string[] = [];
  const referrer = new Map<string, string>();
  const openQueue: string[] = [];
  const staticQueue: string[] = [];
  const fragments = new Map<string, { target: string; fragment: string; from: string }>();
  /** Files whose links have been checked once (from the live DOM or the HTML). */
  const linksDone = new Set<string>();
  const idsByFile = new Map<string, Set<string>>();
  const htmlChecked = new Set<string>();
  const perFolder = new Map<string, number>();
  let capHit = false;
  let requests = 0;
  let linksChecked = 0;

  const rel = (u: string) => {
    const s = u.startsWith(scope) ? u.slice(scope.length) || '(site root)' : u;
    try {
      return decodeURI(s);
    } catch {
      return s;
    }
  };
  const problem = (pageUrl: string, what: string): void => {
    problems.push(`${rel(pageUrl)}: ${what}`);
  };
  const inScope = (u: string) => u.startsWith(scope);
  const allowedRequest = (u: string) => inScope(u) || /^(data|blob|about):/.test(u);
  const isRootFavicon = (u: string) => !isFile && u === new URL('/favicon.ico', scope).href;
  const fileOf = (url: string) => url.split(/[?#]/)[0]!;

  const enqueue = (url: string, from: string) => {
    if (referrer.has(url)) return;
    if (referrer.size >= maxPages) {
      capHit = true;
      return;
    }
    referrer.set(url, from);
    const path = fileOf(url);
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    const opened = perFolder.get(folder) ?? 0;
    if (opts.maxOpenPerFolder === undefined || folder === scope || opened < opts.maxOpenPerFolder) {
      perFolder.set(folder, opened + 1);
      openQueue.push(url);
    } else {
      staticQueue.push(url);
    }
  };

  const downloadChecks = new Map<string, Promise<boolean>>();
  const checkDownload = (url: string): Promise<boolean> => {
    let p = downloadChecks.get(url);
    if (!p) {
      p = (async () => {
        if (isFile) return fileProblem(url) === null && statSync(fileURLToPath(url)).size > 0;
        const res = await fetch(url, { method: 'HEAD' });
        return res.status === 200 && Number(res.headers.get('content-length') ?? '0') > 0;
      })();
      downloadChecks.set(url, p);
    }
    return p;
  };

  /** The page's HTML as served, or why it cannot be read. */
  const readHtml = async (url: string): Promise<{ html: string } | { error: string }> => {
    if (isFile) {
      const why = fileProblem(url);
      return why ? { error: why } : { html: readFileSync(fileURLToPath(fileOf(url)), 'utf8') };
    }
    if (opts.root) {
      const path = join(opts.root, decodeURIComponent(fileOf(url).slice(scope.length)));
      try {
        if (!statSync(path).isFile()) return { error: 'not a file (no directory index on a file server)' };
      } catch {
        return { error: 'no such file' };
      }
      return { html: readFileSync(path, 'utf8') };
    }
    const res = await fetch(url);
    if (res.status !== 200) return { error: `HTTP ${res.status}` };
    return { html: await res.text() };
  };

  /** Root-absolute URLs etc., once per file. */
  const checkHtml = (url: string, html: string, parsed: StaticPage) => {
    const file = fileOf(url);
    if (htmlChecked.has(file)) return;
    htmlChecked.add(file);
    for (const [re, what] of [
      [ROOT_ABSOLUTE, 'root-absolute URL'],
      [PROTOCOL_RELATIVE, 'protocol-relative URL'],
      [CSS_ROOT_ABSOLUTE, 'root-absolute url() in CSS'],
    ] as const) {
      for (const m of html.matchAll(re))
        problem(url, `${what} in the HTML: …${html.slice(m.index, m.index + 60).trim()}…`);
    }
    if (!parsed.title) problem(url, 'empty <title>');
    if (!parsed.icon && !isFile) problem(url, ICON_MESSAGE);
  };

  const addIds = (url: string, ids: Iterable<string>) => {
    const file = fileOf(url);
    let set = idsByFile.get(file);
    if (!set) idsByFile.set(file, (set = new Set()));
    for (const id of ids) set.add(id);
  };

  async function checkLinks(url: string, links: Link[]): Promise<void> {
    for (const link of links) {
      linksChecked++;
      const label = `link${link.text ? ` “${link.text}”` : ''} href="${link.raw}"`;
      const raw = link.raw.trim();
      if (raw === '') {
        problem(url, `${label}: empty href`);
        continue;
      }
      if (/^(mailto|tel):/i.test(raw)) continue;
      if (/^javascript:/i.test(raw)) {
        problem(url, `${label}: javascript: URL`);
        continue;
      }
      if (raw.startsWith('/')) continue; // reported by checkHtml as root-absolute / protocol-relative
      const hashAt = link.abs.indexOf('#');
      const target = hashAt < 0 ? link.abs : link.abs.slice(0, hashAt);
      const fragment = hashAt < 0 ? '' : link.abs.slice(hashAt + 1);
      if (!inScope(target)) {
        problem(url, `${label}: leaves the site (${link.abs})`);
        continue;
      }
      const path = fileOf(target);
      if (path.endsWith('/') || path === scope.replace(/\/$/, '')) {
        problem(url, `${label}: links to a folder, which has no index page on a file server or from file://`);
        continue;
      }
      if (DOWNLOAD.test(path) || link.download) {
        const ok = await checkDownload(path);
        downloads.set(path, ok);
        if (!ok) problem(url, `${label}: download target missing or empty`);
        continue;
      }
      if (fragment && !fragments.has(link.abs)) fragments.set(link.abs, { target, fragment, from: url });
      if (target !== url) enqueue(target, url);
    }
  }

  /** The HTML checks of a page that is not opened. */
  const staticCache = new Map<string, Promise<{ html: string; parsed: StaticPage } | { error: string }>>();
  async function checkStatic(url: string): Promise<void> {
    const file = fileOf(url);
    let p = staticCache.get(file);
    if (!p) {
      p = readHtml(url).then((r) => ('error' in r ? r : { html: r.html, parsed: parseStatic(r.html) }));
      staticCache.set(file, p);
    }
    const r = await p;
    if ('error' in r) {
      problem(referrer.get(url) || url, `broken link to ${rel(url)}: ${r.error}`);
      return;
    }
    reached.add(url);
    checkHtml(url, r.html, r.parsed);
    addIds(url, r.parsed.ids);
    // Another URL of a file already checked (drill/2025-10.html?f=…): only query-only hrefs
    // (`?f=…`) resolve differently.
    const again = linksDone.has(file);
    linksDone.add(file);
    const links = r.parsed.links
      .filter((l) => !again || l.raw.trim().startsWith('?'))
      .map((l) => {
        let abs = l.raw;
        try {
          abs = new URL(l.raw, url).href;
        } catch {
          /* not in the site: reported by checkLinks */
        }
        return { raw: l.raw, abs, download: l.download, text: '' };
      });
    await checkLinks(url, links);
  }

  type State = { current: string; inflight: Set<Request>; idle: (ms: number) => Promise<boolean> };

  async function visit(page: Page, state: State, url: string): Promise<void> {
    state.current = url;
    // A page that cannot be opened is reported on the page that links to it.
    const from = referrer.get(url) || url;
    const broken = (why: string): void => {
      problem(from, `broken link to ${rel(url)}: ${why}`);
    };
    const source = await readHtml(url);
    if ('error' in source) return broken(source.error);
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    } catch (e) {
      return broken(`could not load: ${(e as Error).message.split('\n')[0]}`);
    }
    if (!isFile) {
      const status = response?.status();
      if (status !== 200) return broken(`HTTP ${status}`);
      const type = response?.headers()['content-type'] ?? '';
      if (!type.startsWith('text/html')) return broken(`linked as a page but served as ${type}`);
    }
    reached.add(url);
    // Let late requests (fetches started by scripts) finish before leaving the page.
    if (!(await state.idle(5000)))
      problem(url, `requests still pending 5 s after load: ${[...state.inflight].map((r) => rel(r.url())).join(', ')}`);
    checkHtml(url, source.html, parseStatic(source.html));

    // After a frame and a task, so that scripts run on load have run (and logged any error).
    const info = await page.evaluate(async () => {
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const links = [];
      // HTML <a>/<area>, and SVG <a> (href or xlink:href; its .href is not a string).
      for (const a of document.querySelectorAll('a, area')) {
        const raw = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
        if (raw === null) continue;
        let abs = raw;
        try {
          abs = new URL(raw, document.baseURI).href;
        } catch {
          /* not in the site: reported by checkLinks */
        }
        links.push({
          raw,
          abs,
          download: a.hasAttribute('download'),
          text: (a.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30),
        });
      }
      return {
        title: document.title.trim(),
        ids: [...document.querySelectorAll('[id]')]
          .map((e) => e.id)
          .concat([...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name') ?? '')),
        links,
      };
    });
    pages.set(url, { url, title: info.title, ids: new Set(info.ids), links: info.links.map((l) => l.abs) });
    linksDone.add(fileOf(url));
    addIds(url, info.ids);
    await checkLinks(url, info.links);

    if (opts.onPage) {
      try {
        await opts.onPage(page, url);
      } catch (e) {
        problem(url, (e as Error).message);
      }
    }
  }

  const worker = async () => {
    const page = await opts.context.newPage();
    const inflight = new Set<Request>();
    let onIdle: (() => void) | null = null;
    const settle = (r: Request) => {
      inflight.delete(r);
      if (inflight.size === 0) onIdle?.();
    };
    const state: State = {
      current: '',
      inflight,
      /** Resolves true once no request is in flight, false after `ms`. */
      idle: (ms: number) =>
        new Promise<boolean>((ok) => {
          if (inflight.size === 0) return ok(true);
          const timer = setTimeout(() => {
            onIdle = null;
            ok(false);
          }, ms);
          onIdle = () => {
            clearTimeout(timer);
            onIdle = null;
            ok(true);
          };
        }),
    };
    page.on('request', (r) => {
      requests++;
      inflight.add(r);
      if (isRootFavicon(r.url())) return;
      if (!allowedRequest(r.url())) problem(state.current, `request outside the site: ${r.url()}`);
    });
    page.on('requestfinished', settle);
    page.on('requestfailed', (r) => {
      settle(r);
      if (isRootFavicon(r.url())) return;
      problem(state.current, `request failed: ${rel(r.url())} (${r.failure()?.errorText})`);
    });
    page.on('response', (r) => {
      // The page's own document is checked by visit(), and reported on the page linking to it.
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) return;
      if (r.status() >= 400 && !isRootFavicon(r.url()))
        problem(state.current, `HTTP ${r.status()} for ${rel(r.url())}`);
    });
    page.on('console', (m) => {
      if (m.type() !== 'error' || isRootFavicon(m.location().url)) return;
      // Chromium's echo of a failed document load: reported by visit() already.
      if (m.text().startsWith('Failed to load resource') && m.location().url === state.current) return;
      problem(
        state.current,
        `console error: ${m.text()}${m.location().url ? ` (${rel(m.location().url)}:${m.location().lineNumber})` : ''}`,
      );
    });
    page.on('pageerror', (e) => problem(state.current, `uncaught exception: ${e.message}`));
    page.on('dialog', (d) => {
      problem(state.current, `${d.type()} dialog: ${d.message()}`);
      void d.dismiss().catch(() => {});
    });
    return { page, state };
  };

  enqueue(opts.start, '');
  const tabs = await Promise.all(Array.from({ length: concurrency }, worker));
  let active = 0;
  let nextOpen = 0;
  let nextStatic = 0;
  try {
    await Promise.all(
      tabs.map(async ({ page, state }) => {
        for (;;) {
          if (nextOpen < openQueue.length) {
            const url = openQueue[nextOpen++]!;
            active++;
            try {
              await visit(page, state, url);
            } catch (e) {
              problem(url, `crawler error: ${(e as Error).message}`);
            } finally {
              active--;
            }
          } else if (nextStatic < staticQueue.length) {
            const url = staticQueue[nextStatic++]!;
            active++;
            try {
              await checkStatic(url);
            } catch (e) {
              problem(url, `crawler error: ${(e as Error).message}`);
            } finally {
              active--;
            }
          } else if (active > 0) {
            await new Promise((ok) => setTimeout(ok, 5));
          } else {
            break;
          }
        }
      }),
    );
  } finally {
    await Promise.all(tabs.map((t) => t.page.close()));
  }

  for (const { target, fragment, from } of fragments.values()) {
    if (!reached.has(target)) continue; // reported as a broken link
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      /* keep as written */
    }
    if (!idsByFile.get(fileOf(target))?.has(id))
      problem(from, `link to ${rel(target)}#${fragment}: no element with that id`);
  }

  const files = new Set([...reached].map(fileOf)).size;
  return {
    pages,
    reached,
    files,
    downloads,
    problems,
    capHit,
    requests,
    linksChecked,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/**
 * A problem list as an assertion message, sorted; a problem found on many pages is listed once
 * with the pages (`page: what` → `what — on N pages: a, b, …`).
 */
export function formatProblems(problems: string[], max = 60): string {
  const byWhat = new Map<string, string[]>();
  for (const p of [...problems].sort()) {
    const at = p.indexOf(': ');
    const [where, what] = at < 0 ? ['', p] : [p.slice(0, at), p.slice(at + 2)];
    byWhat.set(what, [...(byWhat.get(what) ?? []), where]);
  }
  const lines = [...byWhat].map(([what, where]) =>
    where.length === 1
      ? `${where[0]}: ${what}`
      : `${what} — on ${where.length} pages: ${where.slice(0, 5).join(', ')}${where.length > 5 ? ', …' : ''}`,
  );
  const shown = lines.slice(0, max).map((l) => `  - ${l}`);
  if (lines.length > max) shown.push(`  … and ${lines.length - max} more`);
  return `${problems.length} problems:\n${shown.join('\n')}`;
}
