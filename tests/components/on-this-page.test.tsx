/** The side panel's "On this page" list from a page report: page order, counts, badges, status. */
// @vitest-environment happy-dom
import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OnThisPage } from '../../components/OnThisPage';
import type { PageReport } from '../../lib/scan/protocol';

const report: PageReport = {
  tabId: 7,
  title: 'A story',
  marks: 5,
  more: 2,
  at: 0,
  items: [
    { id: 'term-ice', title: 'ICE', kind: 'term', status: 'term', confidence: 'primary', count: 3, first: 1 },
    { id: 'mpls-19.30', title: 'Public safety services', citation: 'Minneapolis Code § 19.30', kind: 'ordinance-section', status: 'in-force', confidence: 'primary', count: 1, first: 0 },
    { id: 'x', title: 'Something reported', kind: 'event', status: 'event', confidence: 'reported', count: 1, first: 4 },
  ],
};

describe('On this page', () => {
  it('lists each entry once, in the order of its first mention, with count, badge and status', () => {
    const { container } = render(<OnThisPage initial={report} />);
    const rows = Array.from(container.querySelectorAll('[data-ol="page-entry"]')) as HTMLElement[];
    expect(rows.map((r) => r.dataset.id)).toEqual(['mpls-19.30', 'term-ice', 'x']);
    expect(rows[0]!.textContent).toContain('Minneapolis Code § 19.30');
    expect(rows[0]!.textContent).toContain('In force');
    expect(rows[1]!.textContent).toContain('× 3');
    expect(rows[1]!.textContent).toContain('Go to mention (1 of 3)');
    expect(rows[2]!.textContent).toContain('Reported');
    expect(container.textContent).toContain('5 mentions of 3 entries, 2 more not marked');
  });
  it('sends a sentence of the page about a listed law to the claim check in one click', () => {
    const claim = 'Under § 19.30, officers may not ask about <b>immigration status</b>.';
    const withClaims: PageReport = { ...report, items: report.items.map((it) => (it.id === 'mpls-19.30' ? { ...it, claims: [claim] } : it)) };
    const onCheck = vi.fn();
    const { container } = render(<OnThisPage initial={withClaims} onCheck={onCheck} />);
    const row = container.querySelector('[data-id="mpls-19.30"]')!;
    expect(row.querySelector('[data-ol="page-claim"] q')!.textContent).toBe(claim); // page text stays text
    expect(row.querySelector('b')).toBeNull();
    expect(container.querySelectorAll('[data-ol="check-claim"]')).toHaveLength(1);
    fireEvent.click(row.querySelector('[data-ol="check-claim"]')!);
    expect(onCheck).toHaveBeenCalledWith(claim);
  });
  it('shows nothing before a page was explained', () => {
    const { container } = render(<OnThisPage initial={null} />);
    expect(container.textContent).toBe('');
  });
});
