/**
 * The entry card on the real bundled pack (rendered in happy-dom, as the card, popup and side
 * panel render it): the related list starts short and "Show all" reveals every related entry,
 * and that choice does not carry over to the next entry shown.
 */
// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { EntryCard } from '../../components/EntryCard';
import { createLookupService } from '../../lib/lookup-service';
import { bundledPacks } from '../support/bundled';

const service = createLookupService(bundledPacks());
const copy = async () => true;
const related = (c: Element) => c.querySelectorAll('[data-ol="related"] li').length;

describe('related entries on a card', () => {
  // The chapter entry has more related entries than a card lists at first.
  const chapter = service.entryView('mpls-ch19')!;

  it('lists four on the in-page card, then all of them on "Show all"', () => {
    expect(chapter.related.length).toBeGreaterThan(4);
    const { container } = render(<EntryCard view={chapter} mode="card" citationStyle="short" copy={copy} idPrefix="t" />);
    expect(related(container)).toBe(4);
    fireEvent.click(screen.getByRole('button', { name: `Show all ${chapter.related.length} related entries` }));
    expect(related(container)).toBe(chapter.related.length);
  });

  it('starts short again for the next entry (keyed by entry id, as the card and detail views render it)', () => {
    const other = service.entryView('mpls-19.30')!;
    const { container, rerender } = render(<EntryCard key={chapter.entry.id} view={chapter} mode="card" citationStyle="short" copy={copy} idPrefix="t" />);
    fireEvent.click(screen.getByRole('button', { name: /Show all/ }));
    rerender(<EntryCard key={other.entry.id} view={other} mode="card" citationStyle="short" copy={copy} idPrefix="t" />);
    expect(related(container)).toBe(Math.min(4, other.related.length));
  });
});
