/** Who may send "Explain this page" messages to the background (lib/scan/background.ts). */
import { describe, expect, it } from 'vitest';
import { allowScanMessage, entryInfo } from '../../../lib/scan/background';
import type { Entry } from '../../../core/schema/pack';

const HOUR = 60 * 60_000;

describe('scan messages', () => {
  it('lets only our own pages start a scan or jump to a mention', () => {
    expect(allowScanMessage('page', 'scan:explain', undefined, 0)).toBe(true);
    expect(allowScanMessage('page', 'scan:jump', undefined, 0)).toBe(true);
    expect(allowScanMessage('card', 'scan:explain', 0, 0)).toBe(false);
    expect(allowScanMessage('card', 'scan:jump', 0, 0)).toBe(false);
  });
  it('takes page text and reports only from a tab we injected the scan script into within the hour', () => {
    expect(allowScanMessage('card', 'scan:page', 1000, 1000 + HOUR)).toBe(true);
    expect(allowScanMessage('card', 'scan:report', 1000, 1000 + HOUR + 1)).toBe(false);
    expect(allowScanMessage('card', 'scan:page', undefined, 5)).toBe(false);
    expect(allowScanMessage('refused', 'scan:page', 1000, 1000)).toBe(false);
  });
  it('takes page text unasked only from an "always explain" site, and never lets a page turn that on or off', () => {
    expect(allowScanMessage('card', 'scan:page', undefined, 5, true)).toBe(true);
    expect(allowScanMessage('card', 'scan:report', undefined, 5, true)).toBe(true);
    expect(allowScanMessage('card', 'scan:always-on', undefined, 5, true)).toBe(false);
    expect(allowScanMessage('card', 'scan:always-off', 0, 0, true)).toBe(false);
    expect(allowScanMessage('refused', 'scan:page', undefined, 5, true)).toBe(false);
    expect(allowScanMessage('page', 'scan:always-on', undefined, 0)).toBe(true);
  });
});

describe('entry info for the list', () => {
  const base = { id: 'x', kind: 'term', jurisdiction: 'US', title: 'X', aliases: [], summary: 's', exceptions: [], dates: [], status: 'term', related: [], openQuestions: [], keywords: [] } as const;
  it('is Official when a point rests on an official source, Reported when only press reports do', () => {
    const src = [{ id: 's1', url: 'https://example.org', publisher: 'p', type: 'secondary' as const }];
    expect(entryInfo({ ...base, sources: src, points: [{ text: 't', confidence: 'reported', sources: ['s1'] }] } as unknown as Entry).confidence).toBe('reported');
    expect(entryInfo({ ...base, sources: src, points: [{ text: 't', confidence: 'primary', sources: ['s1'] }] } as unknown as Entry).confidence).toBe('primary');
  });
});
