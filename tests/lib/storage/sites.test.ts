/**
 * "Card off" sites match the pages they name: what the reader types with a port, a scheme and
 * path, a non-ASCII host, a leading "*." or a trailing dot is saved in the form pages are matched
 * in; a site that could never match is refused with a reason, not saved.
 */
import { describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../../lib/storage/settings';
import { cardOffFor } from '../../../lib/background';
import { freshStorage } from './fresh-storage';

freshStorage();

describe('sites where the card is off', () => {
  it.each([
    ['example.com:8080', 'http://example.com:8080/page', 'example.com'],
    ['https://News.Example.org/some/path?q=1', 'https://news.example.org/other', 'news.example.org'],
    ['bücher.de', 'https://www.bücher.de/katalog', 'xn--bcher-kva.de'],
    ['*.example.net', 'https://a.example.net/', 'example.net'],
    ['example.org.', 'https://example.org./x', 'example.org'],
    ['127.0.0.1:39069', 'http://127.0.0.1:39069/fixture.html', '127.0.0.1'],
  ])('"%s" is saved so that %s has the card off', async (typed, page, stored) => {
    expect(await writeSettings({ disabledSites: [typed] })).toEqual({ ok: true });
    const s = await readSettings();
    expect(s.disabledSites).toEqual([stored]);
    expect(cardOffFor(s, page)).toBe(true);
    expect(cardOffFor(s, 'https://unrelated.test/')).toBe(false);
  });

  it.each(['ex*ample.com', 'exa mple.com', 'http://', '*'])('"%s" is refused with a reason, and nothing is saved', async (typed) => {
    await writeSettings({ disabledSites: ['kept.test'] });
    const r = await writeSettings({ disabledSites: ['fine.test', typed] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Not saved: Sites where the card is off: /);
    expect((await readSettings()).disabledSites).toEqual(['kept.test']);
  });
});
