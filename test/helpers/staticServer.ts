import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

/**
 * A tiny static file server for browser tests: serves `root` under a deep sub-path, as an intranet
 * file server would (`http://127.0.0.1:PORT/intranet/zhaoshang/site/index.html`).
 *
 * Strict on purpose: no directory index (a link to `rankings/` must be a link to
 * `rankings/index.html`, or it breaks from file://), 404 for anything outside the sub-path, and
 * every request path is recorded so a test can assert that nothing escaped the sub-path.
 *
 * @example
 *   const server = await startStaticServer({ root: 'dist' });
 *   await page.goto(server.url + 'index.html');
 *   expect(server.outside()).toEqual([]);
 *   await server.close();
 */
export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/intranet/zhaoshang/site/`. */
  url: string;
  /** Every request as `METHOD path` (raw, still percent-encoded), in arrival order. */
  requests: string[];
  /** The requests whose path is not under the sub-path. */
  outside(): string[];
  close(): Promise<void>;
}

export const DEFAULT_BASE = '/intranet/zhaoshang/site/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function startStaticServer(opts: { root: string; base?: string }): Promise<StaticServer> {
  const root = resolve(opts.root);
  const base = opts.base ?? DEFAULT_BASE;
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/": ${base}`);
  const requests: string[] = [];

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '';
    requests.push(`${req.method} ${rawUrl}`);
    const notFound = (why: string) => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : `404 ${why}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const rawPath = rawUrl.split(/[?#]/, 1)[0]!;
    if (!rawPath.startsWith(base)) return notFound('outside the site sub-path');
    let rel: string;
    try {
      rel = decodeURIComponent(rawPath.slice(base.length));
    } catch {
      return notFound('bad percent-encoding');
    }
    const file = resolve(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return notFound('path escapes the root');
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return notFound('not a file (no directory index)');
      size = st.size;
    } catch {
      return notFound('no such file');
    }
    res.writeHead(200, { 'content-type': contentType(file), 'content-length': size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  // Chromium keeps connections alive; close them on shutdown instead of waiting for the timeout.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    outside: () => requests.filter((r) => !r.slice(r.indexOf(' ') + 1).startsWith(base)),
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((e) => (e ? fail(e) : ok()));
        server.closeAllConnections();
      }),
  };
}
