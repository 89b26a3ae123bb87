/**
 * The trust suite's test pages: tests/trust/fixtures on the shared fixture server
 * (tests/support/fixture-server.ts; the strict CSP and clipboard-hostile pages carry their
 * headers in "<name>.headers.json"), plus a few pages made on request: /huge.html (5 MB,
 * 100,000 nodes), /mb-selection.html (1 MB), /slow.png (an image that takes ?ms=) and
 * /never-ends.html (a document that stays "loading").
 */
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { FixtureServer } from '../../support/fixture-server';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export const TARGET = 'Minneapolis Code of Ordinances § 19.30';

export function trustFixtures(): FixtureServer {
  return new FixtureServer({ dir: FIXTURES, routes: trustRoutes });
}

function trustRoutes(path: string, url: URL, res: ServerResponse): boolean {
  if (path === '/slow.png') {
    // An image that takes ?ms= milliseconds: the page's load event waits for it.
    const t = setTimeout(() => res.writeHead(200, { 'content-type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')), Number(url.searchParams.get('ms') ?? 8000));
    res.on('close', () => clearTimeout(t));
    return true;
  }
  if (path === '/never-ends.html') {
    // A response that never ends: the document stays "loading" for as long as the test runs.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(`<!doctype html><meta charset="utf-8"><title>Never ends</title><p>Still loading: <span id="target">${TARGET}</span>.</p>${' '.repeat(2048)}\n`);
    return true;
  }
  const page = generated(path);
  if (page === undefined) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
  return true;
}

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
