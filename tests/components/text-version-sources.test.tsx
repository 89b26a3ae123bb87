/**
 * What a reader sees of pack 1.1's honesty fields, on the real bundled pack (happy-dom, as the
 * card, popup and side panel render it): the text-version note beside the status, "Stayed pending
 * appeal" rather than "Reversed", and "Publisher (copy at …)" in the source list.
 */
// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { EntryCard } from '../../components/EntryCard';
import { SourceList } from '../../components/SourceLinks';
import { createLookupService } from '../../lib/lookup-service';
import { bundledPacks } from '../support/bundled';

const service = createLookupService(bundledPacks());
const copy = async () => true;
const card = (id: string, mode: 'card' | 'detail') => {
  const view = service.entryView(id)!;
  return render(<EntryCard view={view} mode={mode} citationStyle="memo" copy={copy} idPrefix="t" />).container;
};

describe('text version beside the status', () => {
  it.each(['card', 'detail'] as const)('§ 19.30 says it describes the 2003 text (%s)', (mode) => {
    const c = card('mpls-19.30', mode);
    const meta = c.querySelector('.ol-meta')!;
    expect(meta.querySelector('[data-ol="text-version"]')?.textContent).toBe('2003 text; Chapter 19 amended Dec. 11, 2025; amended text not available');
    // Beside the status badge, not among the open questions.
    expect(meta.textContent).toMatch(/^In force/);
    expect(c.querySelector('[data-ol="questions"]')?.textContent ?? '').not.toMatch(/points above are the 2003 text/);
  });

  it('the memo citation preview carries the note too', () => {
    expect(card('mpls-ch19', 'detail').textContent).toContain('(2003 text; amended Dec. 11, 2025; amended text not available) (current as of');
  });

  it('an entry about current text has no note', () => {
    expect(card('mpls-eo-2025-02', 'card').querySelector('[data-ol="text-version"]')).toBeNull();
  });

  it('the Menendez order reads "Stayed pending appeal"', () => {
    const meta = card('menendez-order-2026', 'card').querySelector('.ol-meta')!;
    expect(meta.textContent).toContain('Stayed pending appeal');
    expect(meta.textContent).not.toMatch(/Reversed/);
  });
});

describe('sources that are copies', () => {
  it('name the original publisher, then link the copy as "copy at …"', () => {
    const c = card('mpls-19.30', 'detail');
    const item = [...c.querySelectorAll('[data-ol="source"]')].find((li) => li.textContent!.includes('aclu.org'))!;
    expect(item.textContent).toMatch(/City of Minneapolis, Code of Ordinances \(2003 text\).*\(copy at aclu\.org\)/);
    const link = [...item.querySelectorAll('a')].find((a) => a.textContent === 'copy at aclu.org')!;
    expect(link.getAttribute('href')).toBe('https://www.aclu.org/documents/minneapolis-mn-ordinance');
  });

  it('link the publisher to the original address when one is known, the copy to the copy', () => {
    const { container } = render(
      <SourceList sources={[{ id: 's1', url: 'https://pubt.io/view/1', publisher: 'Star Tribune', via: 'pubt.io', originalUrl: 'https://www.startribune.com/a/1', type: 'secondary' }]} />,
    );
    const links = [...container.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Star Tribune', 'https://www.startribune.com/a/1'],
      ['copy at pubt.io', 'https://pubt.io/view/1'],
    ]);
    expect(container.textContent).toContain('Star Tribune (copy at pubt.io)');
  });

  it('a source that is not a copy is one link, as before', () => {
    const { container } = render(<SourceList sources={[{ id: 's1', url: 'https://www.minneapolismn.gov/federal', publisher: 'City of Minneapolis', type: 'primary' }]} />);
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container.textContent).not.toContain('copy at');
  });
});
