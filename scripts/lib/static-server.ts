/** Serves one folder on 127.0.0.1 (a free port) for `npm run demo`: pages the extension can run on. */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

export interface StaticServer {
  url(path: string): string;
  close(): Promise<void>;
}

export async function serveFolder(dir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const file = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
