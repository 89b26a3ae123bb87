/**
 * Serves tests/trust/fixtures on http://127.0.0.1:<port> and a second origin on
 * http://127.0.0.2:<port2> (Linux routes all of 127/8 to loopback), records every request it
 * gets (with its Referer), and adds per-fixture headers (the strict CSP page's CSP).
 * A few pages are generated: /huge.html (5 MB, 100,000 nodes) and /mb-selection.html (1 MB).
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface Served {
  url: string;
  host: string;
  method: string;
  referer?: string;
  at: number;
}

/** Extra response headers by path. */
const HEADERS: Record<string, Record<string, string>> = {
  '/clipboard-hostile.html': { 'Permissions-Policy': 'clipboard-write=(), clipboard-read=()' },
  '/strict-csp.html': {
    'Content-Security-Policy':
      "default-src 'none'; script-src 'nonce-lens-fixture'; style-src 'nonce-lens-fixture'; img-src 'none'; connect-src 'none'; frame-src 'none'; require-trusted-types-for 'script'; trusted-types fixture-policy",
  },
};

export const TARGET = 'Minneapolis Code of Ordinances § 19.30';

function generated(path: string): string | undefined {
  if (path === '/huge.html') {
    // ~5 MB of text in 100,000 nodes, and the target at the very end.
    const para = 'Residents of the city discussed many ordinances at length during the public hearing held downtown. ';
    const parts: string[] = [];
    for (let i = 0; i < 50_000; i++) parts.push(`<p>${para}${i}</p>`); // 50,000 elements + 50,000 text nodes
    return `<!doctype html><meta charset="utf-8"><title>huge</title><body><main>${parts.join('')}</main><p id="target">${TARGET}</p></body>`;
  }
  if (path === '/mb-selection.html') {
    const word = 'ordinance § 19.30 sanctuary detainer 287(g) ';
    const text = word.repeat(Math.ceil(1_048_576 / word.length)).slice(0, 1_048_576);
    return `<!doctype html><meta charset="utf-8"><title>1 MB</title><body><div id="target">${text}</div><script src="/longtasks.js"></script></body>`;
  }
  return undefined;
}

export class FixtureServer {
  readonly log: Served[] = [];
  private servers: Server[] = [];
  origin1 = '';
  origin2 = '';

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'x'}`);
      this.log.push({ url: url.href, host: url.host, method: req.method ?? 'GET', referer: req.headers.referer, at: Date.now() });
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      if (path === '/slow.png') {
        // An image that takes ?ms= milliseconds: the page's load event waits for it.
        const t = setTimeout(() => res.writeHead(200, { 'content-type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')), Number(url.searchParams.get('ms') ?? 8000));
        res.on('close', () => clearTimeout(t));
        return;
      }
      if (path === '/never-ends.html') {
        // A response that never ends: the document stays "loading" for as long as the test runs.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.write(`<!doctype html><meta charset="utf-8"><title>Never ends</title><p>Still loading: <span id="target">${TARGET}</span>.</p>${' '.repeat(2048)}\n`);
        return;
      }
      const gen = generated(path);
      let body: string | Buffer | undefined = gen;
      if (body === undefined) {
        const file = normalize(join(FIXTURES, path));
        if (file.startsWith(FIXTURES) && existsSync(file)) body = readFileSync(file);
      }
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : path.endsWith('.xml') ? 'application/xml' : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...HEADERS[path] }).end(body);
    };
    const listen = (host: string, port = 0) =>
      new Promise<Server>((resolve, reject) => {
        const s = createServer(handler);
        s.once('error', reject);
        s.listen(port, host, () => resolve(s));
      });
    const a = await listen('127.0.0.1');
    const port = (a.address() as AddressInfo).port;
    // Same port on 127.0.0.2 when free, so the two origins differ only by host.
    const b = await listen('127.0.0.2', port).catch(() => listen('127.0.0.2'));
    this.servers = [a, b];
    this.origin1 = `http://127.0.0.1:${port}`;
    this.origin2 = `http://127.0.0.2:${(b.address() as AddressInfo).port}`;
    return this;
  }

  /** URL of a fixture on the first origin (or the second with `second: true`). */
  url(path: string, second = false): string {
    return `${second ? this.origin2 : this.origin1}/${path.replace(/^\//, '')}`;
  }

  async stop(): Promise<void> {
    // Responses left open on purpose (never-ends, slow images) must not hold the close.
    for (const s of this.servers) s.closeAllConnections();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}
