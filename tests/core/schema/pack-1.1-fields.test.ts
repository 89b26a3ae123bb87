/**
 * Pack format fields added in 1.1: `textVersion` (the points describe an older text), source
 * `via` / `originalUrl` (the address read is a copy), and the `stayed` status.
 */
import { describe, expect, it } from 'vitest';
import { validatePackValue } from '../../../core/schema/validate';
import { copyReliance } from '../../../core/pack/stats';

const src = (over: Record<string, unknown> = {}) => ({ id: 's1', url: 'https://docslib.org/doc/1', publisher: 'City of Sample', type: 'primary', ...over });

function pack(entry: Record<string, unknown>) {
  return {
    id: 'sample', title: 'Sample', jurisdiction: 'Sample City', version: '1.0.0', asOf: '2026-02-13', schemaVersion: 1,
    entries: [
      {
        id: 'law', kind: 'ordinance-section', jurisdiction: 'Sample City', title: 'A law', summary: 'It says something.', status: 'in-force',
        points: [{ text: 'Rule.', confidence: 'primary', sources: ['s1'] }],
        sources: [src()],
        ...entry,
      },
    ],
  };
}
const problems = (entry: Record<string, unknown>) => {
  const r = validatePackValue(pack(entry));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.reason}`);
};

describe('textVersion', () => {
  const tv = { describes: '2003 text', amended: '2025-12-11', amendedTextAvailable: false };

  it('is optional and kept when given', () => {
    expect(problems({})).toEqual([]);
    const r = validatePackValue(pack({ textVersion: { ...tv, what: 'Chapter 19' } }));
    expect(r.ok && r.pack.entries[0]!.textVersion).toEqual({ ...tv, what: 'Chapter 19' });
  });

  it('needs what the points describe, a real amendment date and whether the amended text was available', () => {
    expect(problems({ textVersion: { ...tv, describes: ' ' } })[0]).toMatch(/^entries\[0\]\.textVersion\.describes:/);
    expect(problems({ textVersion: { ...tv, amended: '2025-02-30' } })).toEqual(['entries[0].textVersion.amended: not a calendar date "2025-02-30"']);
    expect(problems({ textVersion: { ...tv, amended: 'Dec. 11' } })[0]).toMatch(/^entries\[0\]\.textVersion\.amended: expected a date/);
    const { amendedTextAvailable: _, ...noFlag } = tv;
    expect(problems({ textVersion: noFlag })[0]).toMatch(/^entries\[0\]\.textVersion\.amendedTextAvailable:/);
  });
});

describe('source via / originalUrl', () => {
  it('accepts a copy naming where it lives, with or without the original address', () => {
    expect(problems({ sources: [src({ via: 'docslib.org' })] })).toEqual([]);
    expect(problems({ sources: [src({ via: 'pubt.io', originalUrl: 'https://city.example.gov/news/1' })] })).toEqual([]);
  });

  it('rejects an original address without via, or equal to the copy, or not http(s)', () => {
    expect(problems({ sources: [src({ originalUrl: 'https://city.example.gov/news/1' })] })).toEqual([
      'entries[0].sources[0].originalUrl: an original address needs "via" naming the copy at "url"',
    ]);
    expect(problems({ sources: [src({ via: 'x', originalUrl: 'https://docslib.org/doc/1' })] })).toEqual([
      "entries[0].sources[0].originalUrl: the original address is the same as the copy's",
    ]);
    expect(problems({ sources: [src({ via: 'x', originalUrl: 'ftp://x.org/a' })] })[0]).toMatch(/originalUrl: expected an http\(s\) URL/);
  });
});

describe('status', () => {
  it('knows "stayed" (a court order paused pending appeal) as a status and a date type', () => {
    expect(problems({ status: 'stayed', dates: [{ date: '2026-01-21', type: 'stayed', what: 'Stayed.', confidence: 'primary', sources: ['s1'] }] })).toEqual([]);
  });
});

describe('copyReliance (lens validate)', () => {
  it('counts points whose every source is a copy with no original address', () => {
    const r = validatePackValue(
      pack({
        points: [
          { text: 'Only a copy.', confidence: 'primary', sources: ['s1'] },
          { text: 'A copy and the publisher.', confidence: 'primary', sources: ['s1', 's2'] },
          { text: 'A copy whose original is known.', confidence: 'primary', sources: ['s3'] },
        ],
        exceptions: [{ text: 'Only a copy too.', confidence: 'primary', sources: ['s1'] }],
        sources: [
          src({ via: 'docslib.org' }),
          src({ id: 's2', url: 'https://city.example.gov/code' }),
          src({ id: 's3', url: 'https://pubt.io/view/1', via: 'pubt.io', originalUrl: 'https://city.example.gov/news/1' }),
        ],
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.ok && copyReliance(r.pack.entries)).toEqual({ points: 4, onlyOnCopies: 2, copiesWithOriginal: 1 });
  });
});
