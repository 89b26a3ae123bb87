/**
 * Before/after fixtures for stored values. `before` is exactly what an older build wrote to
 * storage.local; `after` is what readSettings/readHistory must return from it.
 */
import type { Settings } from '../../../lib/storage/settings';

export const settingsMigrations: { name: string; before: unknown; after: Settings }[] = [
  {
    name: 'v1 with a comma-separated site list and the "long" style',
    before: { v: 1, data: { enabled: false, blockedSites: 'Example.com, news.example.org', style: 'long' } },
    after: { cardEnabled: false, disabledSites: ['example.com', 'news.example.org'], citationStyle: 'memo', historyEnabled: true },
  },
  {
    name: 'v1 with newline-separated sites, duplicates and blanks',
    before: { v: 1, data: { enabled: true, blockedSites: 'a.test\n\nA.TEST\nb.test\n', style: 'markdown' } },
    after: { cardEnabled: true, disabledSites: ['a.test', 'b.test'], citationStyle: 'markdown', historyEnabled: true },
  },
  {
    name: 'v1 with an empty site list and the short style',
    before: { v: 1, data: { enabled: true, blockedSites: '', style: 'short' } },
    after: { cardEnabled: true, disabledSites: [], citationStyle: 'short', historyEnabled: true },
  },
  {
    name: 'v1 with one damaged field keeps the others',
    before: { v: 1, data: { enabled: 'yes', blockedSites: 'x.test', style: 'long' } },
    after: { cardEnabled: true, disabledSites: ['x.test'], citationStyle: 'memo', historyEnabled: true },
  },
  {
    name: 'current v2 is read as is',
    before: { v: 2, data: { cardEnabled: false, disabledSites: ['x.test'], citationStyle: 'plain', historyEnabled: false } },
    after: { cardEnabled: false, disabledSites: ['x.test'], citationStyle: 'plain', historyEnabled: false },
  },
];

/** Stored settings values that are damaged beyond use: each must read as defaults, reported. */
export const corruptedSettings: { name: string; value: unknown }[] = [
  { name: 'null', value: null },
  { name: 'a garbage string', value: '\u0000{{not json' },
  { name: 'a number', value: 42 },
  { name: 'an array', value: [1, 2, 3] },
  { name: 'an object with no version', value: { cardEnabled: false } },
  { name: 'a version that is not a number', value: { v: 'two', data: {} } },
  { name: 'version 0', value: { v: 0, data: {} } },
  { name: 'a fractional version', value: { v: 1.5, data: {} } },
  { name: 'v2 with data null', value: { v: 2, data: null } },
  { name: 'v2 with every field of the wrong type', value: { v: 2, data: { cardEnabled: 'no', disabledSites: 'a.test', citationStyle: 7, historyEnabled: null } } },
  { name: 'v1 with data a string', value: { v: 1, data: 'enabled' } },
  { name: 'v2 with a prototype-polluting key', value: JSON.parse('{"v":2,"data":{"__proto__":{"cardEnabled":false}}}') },
];

export const corruptedHistory: { name: string; value: unknown; keeps: number }[] = [
  { name: 'null', value: null, keeps: 0 },
  { name: 'a garbage string', value: 'ÿÿÿ', keeps: 0 },
  { name: 'an envelope whose data is an object', value: { v: 1, data: { query: 'x' } }, keeps: 0 },
  {
    name: 'a list with some damaged items',
    value: { v: 1, data: [{ query: 'ok one', at: 2 }, { query: 5, at: 1 }, null, 'x', { query: 'ok two', at: 1 }, { query: '   ', at: 3 }, { query: 'bad at', at: Number.NaN }] },
    keeps: 2,
  },
];
