import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Request } from 'playwright-core';

/**
 * Visits every page of a built site reachable from `start` by same-site links, breadth first,
 * with a few Chromium pages in parallel, and lists every problem found:
 *
 * - a console error, an uncaught exception, an alert/confirm dialog;
 * - a failed request, an HTTP status ≥ 400, or a request outside `scope` (the site's folder);
 * - a broken link: to a missing page or file, outside the site, to a folder (`units/`: no index
 *   page on a file server or from file://), `javascript:`, an empty href, or a `#fragment` whose
 *   target id does not exist;
 * - a root-absolute (`href="/…"`, `src="/…"`, `url(/…)`) or protocol-relative (`//host`) URL in the
 *   HTML, which would break under a sub-path or from file://;
 * - a page with an empty `<title>`, or without `<link rel="icon">` (over http): without one the
 *   browser asks the server root for `/favicon.ico`, outside the site. That automatic request is
 *   then ignored at run time (it comes and goes with Chromium's favicon cache), so this HTML check
 *   is what catches it, every time.
 *
 * Download links (`.csv`, `.xlsx`, … see `DOWNLOAD`) are not opened in the browser: their targets
 * are checked to exist and be non-empty (HEAD over http, stat from file://).
 */
export interface CrawlOptions {
  context: BrowserContext;
  /** Absolute URL of the first page, e.g. `${server.url}index.html` or `file:///…/dist/index.html`. */
  start: string;
  /** Every URL of the site starts with this (the server's sub-path, or the dist folder's file:// URL). */
  scope: string;
  /** The folder served at `scope` (over http): the raw HTML is read from it rather than fetched again. */
  root?: string;
  maxPages?: number;
  concurrency?: number;
  /**
   * Open at most this many pages per sub-folder (`projects/`, `units/` …; the site's top folder is
   * never sampled). The links to the others are still checked: their targets must exist. Leave
   * unset to open every page.
   */
  maxPerFolder?: number;
  /** Extra per-page checks, after the page has loaded; a thrown error is reported as a problem. */
  onPage?: (page: Page, url: string) => Promise<void>;
}

export interface PageVisit {
  url: string;
  title: string;
  ids: Set<string>;
  links: string[];
}

export interface CrawlResult {
  pages: Map<string, PageVisit>;
  /** Download targets and whether they exist (non-empty). */
  downloads: Map<string, boolean>;
  problems: string[];
  capHit: boolean;
  /** Pages linked but not opened because of `maxPerFolder` (their targets were checked to exist). */
  notOpened: number;
  requests: number;
  linksChecked: number;
  seconds: number;
}

export const DOWNLOAD = /\.(csv|xlsx|xls|json|zip|pdf|png|jpe?g|gif|svg|txt|docx?)$/i;

const ROOT_ABSOLUTE = /\s(href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*(["']?)\/(?!\/)/gi;
const PROTOCOL_RELATIVE = /\s(href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*(["']?)\/\//gi;
const CSS_ROOT_ABSOLUTE = /url\(\s*(&quot;|["'])?\/(?!\/)/gi;

/** Why a file:// URL is not an openable file, or null when it is one. */
function fileProblem(url: string): string | null {
  try {
    return statSync(fileURLToPath(url.split(/[?#]/)[0]!)).isFile() ? null : 'not a file (a folder has no index page from file://)';
  } catch {
    return 'no such file';
  }
}

export async function crawl(opts: CrawlOptions): Promise<CrawlResult> {
  const started = Date.now();
  const maxPages = opts.maxPages ?? 3000;
  const concurrency = opts.concurrency ?? 4;
  const { scope } = opts;
  const isFile = scope.startsWith('file:');
  const pages = new Map<string, PageVisit>();
  const downloads = new Map<string, boolean>();
  const problems: string[] = [];
  const queue: string[] = [];
  const referrer = new Map<string, string>();
  const fragments: { target: string; fragment: string; from: string }[] = [];
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
  const perFolder = new Map<string, number>();
  const notOpened = new Map<string, string>();
  const enqueue = (url: string, from: string) => {
    if (referrer.has(url) || notOpened.has(url)) return;
    if (opts.maxPerFolder !== undefined) {
      const path = url.split('?')[0]!;
      const folder = path.slice(0, path.lastIndexOf('/') + 1);
      const n = perFolder.get(folder) ?? 0;
      if (folder !== scope && n >= opts.maxPerFolder) {
        notOpened.set(url, from);
        return;
      }
      perFolder.set(folder, n + 1);
    }
    if (referrer.size >= maxPages) {
      capHit = true;
      return;
    }
    referrer.set(url, from);
    queue.push(url);
  };
  const inScope = (u: string) => u.startsWith(scope);
  const allowedRequest = (u: string) => inScope(u) || /^(data|blob|about):/.test(u);
  const isRootFavicon = (u: string) => !isFile && u === new URL('/favicon.ico', scope).href;

  const downloadChecks = new Map<string, Promise<boolean>>();
  const checkDownload = (url: string): Promise<boolean> => {
    let p = downloadChecks.get(url);
    if (!p) {
      p = (async () => {
        if (isFile) {
          try {
            const st = statSync(fileURLToPath(url));
            return st.isFile() && st.size > 0;
          } catch {
            return false;
          }
        }
        const res = await fetch(url, { method: 'HEAD' });
        return res.status === 200 && Number(res.headers.get('content-length') ?? '0') > 0;
      })();
      downloadChecks.set(url, p);
    }
    return p;
  };

  async function visit(page: Page, state: { current: string; inflight: Set<Request>; idle: (ms: number) => Promise<boolean> }, url: string): Promise<void> {
    state.current = url;
    // A page that cannot be opened is reported on the page that links to it.
    const from = referrer.get(url) || url;
    const broken = (why: string): void => {
      problem(from, `broken link to ${rel(url)}: ${why}`);
    };
    if (isFile) {
      const why = fileProblem(url);
      if (why) return broken(why);
    }
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
    // Let late requests (fetches started by scripts) finish before leaving the page.
    if (!(await state.idle(5000))) problem(url, `requests still pending 5 s after load: ${[...state.inflight].map((r) => rel(r.url())).join(', ')}`);

    const html = isFile ? readFileSync(fileURLToPath(url.split(/[?#]/)[0]!), 'utf8') : opts.root ? readFileSync(join(opts.root, decodeURIComponent(url.slice(scope.length).split(/[?#]/)[0]!)), 'utf8') : await response!.text();
    for (const [re, what] of [
      [ROOT_ABSOLUTE, 'root-absolute URL'],
      [PROTOCOL_RELATIVE, 'protocol-relative URL'],
      [CSS_ROOT_ABSOLUTE, 'root-absolute url() in CSS'],
    ] as const) {
      for (const m of html.matchAll(re)) problem(url, `${what} in the HTML: …${html.slice(m.index, m.index + 60).trim()}…`);
    }

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
          /* reported as broken below: not in the site */
        }
        links.push({ raw, abs, download: a.hasAttribute('download'), text: (a.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30) });
      }
      return {
        title: document.title.trim(),
        icon: document.querySelector('link[rel~="icon" i]') !== null,
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id).concat([...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name') ?? '')),
        links,
      };
    });
    if (!info.title) problem(url, 'empty <title>');
    if (!info.icon && !isFile) problem(url, 'no <link rel="icon">: the browser then requests /favicon.ico from the server root, outside the site (add a relative icon, or <link rel="icon" href="data:,">)');
    pages.set(url, { url, title: info.title, ids: new Set(info.ids), links: info.links.map((l) => l.abs) });

    for (const link of info.links) {
      linksChecked++;
      const label = `link “${link.text}” href="${link.raw}"`;
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
      if (raw.startsWith('/')) continue; // already reported as root-absolute / protocol-relative
      const hashAt = link.abs.indexOf('#');
      const target = hashAt < 0 ? link.abs : link.abs.slice(0, hashAt);
      const fragment = hashAt < 0 ? '' : link.abs.slice(hashAt + 1);
      if (!inScope(target)) {
        problem(url, `${label}: leaves the site (${link.abs})`);
        continue;
      }
      const path = target.split('?')[0]!;
      if (path.endsWith('/') || path === scope.replace(/\/$/, '')) {
        problem(url, `${label}: links to a folder, which has no index page on a file server or from file://`);
        continue;
      }
      if (DOWNLOAD.test(path) || link.download) {
        if (!downloads.has(path)) downloads.set(path, false);
        if (!(await checkDownload(path))) problem(url, `${label}: download target missing or empty`);
        else downloads.set(path, true);
        continue;
      }
      if (fragment) fragments.push({ target, fragment, from: url });
      if (target !== url) enqueue(target, url);
    }

    if (opts.onPage) {
      try {
        await opts.onPage(page, url);
      } catch (e) {
        problem(url, (e as Error).message);
      }
    }
  }

  enqueue(opts.start, '');
  let next = 0;
  let active = 0;
  const worker = async () => {
    const page = await opts.context.newPage();
    const inflight = new Set<Request>();
    let onIdle: (() => void) | null = null;
    const settle = (r: Request) => {
      inflight.delete(r);
      if (inflight.size === 0) onIdle?.();
    };
    const state = {
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
      state.inflight.add(r);
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
      if (r.status() >= 400 && !isRootFavicon(r.url())) problem(state.current, `HTTP ${r.status()} for ${rel(r.url())}`);
    });
    page.on('console', (m) => {
      if (m.type() !== 'error' || isRootFavicon(m.location().url)) return;
      // Chromium's echo of a failed document load: reported by visit() already.
      if (m.text().startsWith('Failed to load resource') && m.location().url === state.current) return;
      problem(state.current, `console error: ${m.text()}${m.location().url ? ` (${rel(m.location().url)}:${m.location().lineNumber})` : ''}`);
    });
    page.on('pageerror', (e) => problem(state.current, `uncaught exception: ${e.message}`));
    page.on('dialog', (d) => {
      problem(state.current, `${d.type()} dialog: ${d.message()}`);
      void d.dismiss().catch(() => {});
    });
    try {
      for (;;) {
        if (next < queue.length) {
          const url = queue[next++]!;
          active++;
          try {
            await visit(page, state, url);
          } catch (e) {
            problem(url, `crawler error: ${(e as Error).message}`);
          } finally {
            active--;
          }
        } else if (active > 0) {
          await new Promise((ok) => setTimeout(ok, 10));
        } else {
          break;
        }
      }
    } finally {
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  await Promise.all(
    [...notOpened].map(async ([url, from]) => {
      let why: string | null;
      if (isFile) why = fileProblem(url);
      else {
        const res = await fetch(url, { method: 'HEAD' });
        why = res.status !== 200 ? `HTTP ${res.status}` : !(res.headers.get('content-type') ?? '').startsWith('text/html') ? 'not served as HTML' : null;
      }
      if (why) problem(from, `broken link to ${rel(url)}: ${why}`);
    }),
  );

  for (const { target, fragment, from } of fragments) {
    const visited = pages.get(target);
    if (!visited) continue; // not opened (maxPerFolder), or reported as a broken link
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      /* keep as written */
    }
    if (!visited.ids.has(id)) problem(from, `link to ${rel(target)}#${fragment}: no element with that id`);
  }

  return { pages, downloads, problems, capHit, notOpened: notOpened.size, requests, linksChecked, seconds: Math.round((Date.now() - started) / 100) / 10 };
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
    where.length === 1 ? `${where[0]}: ${what}` : `${what} — on ${where.length} pages: ${where.slice(0, 5).join(', ')}${where.length > 5 ? ', …' : ''}`,
  );
  const shown = lines.slice(0, max).map((l) => `  - ${l}`);
  if (lines.length > max) shown.push(`  … and ${lines.length - max} more`);
  return `${problems.length} problems:\n${shown.join('\n')}`;
}
