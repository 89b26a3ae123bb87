/**
 * The test pages' server, for the e2e, trust and Firefox suites: a fixtures folder on
 * http://127.0.0.1:<port> and again on http://127.0.0.2:<port2> (Linux routes all of 127/8 to
 * loopback; a second origin for cross-origin frames), every request recorded (with its Referer).
 * A page asks for response headers through a sibling file "<name>.headers.json" (a strict CSP,
 * a Permissions-Policy); a suite adds generated pages through `routes`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface Served {
  url: string;
  host: string;
  method: string;
  referer?: string;
  at: number;
}

/** Answers a request itself and returns true, or returns false to let the fixture files answer. */
export type Route = (path: string, url: URL, res: ServerResponse) => boolean;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export class FixtureServer {
  readonly log: Served[] = [];
  private servers: Server[] = [];
  origin1 = '';
  origin2 = '';

  constructor(private readonly opts: { dir: string; routes?: Route }) {}

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'x'}`);
      this.log.push({ url: url.href, host: url.host, method: req.method ?? 'GET', referer: req.headers.referer, at: Date.now() });
      const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      if (path === '/favicon.ico') res.writeHead(204).end();
      else if (!this.opts.routes?.(path, url, res)) this.serveFile(path, res);
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

  private serveFile(path: string, res: ServerResponse): void {
    const dir = this.opts.dir;
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    const extra = `${file}.headers.json`;
    if (existsSync(extra)) Object.assign(headers, JSON.parse(readFileSync(extra, 'utf8')));
    res.writeHead(200, headers).end(readFileSync(file));
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
