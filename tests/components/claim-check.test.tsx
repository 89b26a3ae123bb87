/**
 * The claim-check and before/after views on the real bundled pack (happy-dom): what the reader
 * sees beside each claim, that page text is never parsed as HTML, and that the memo buttons copy
 * the Markdown and plain-text blocks.
 */
// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ClaimCheck } from '../../components/ClaimCheck';
import { BeforeAfter } from '../../components/BeforeAfter';
import { createLookupService } from '../../lib/lookup-service';
import { beforeAfterView, claimCheckView } from '../../lib/claims-service';
import { bundledPacks } from '../support/bundled';

const service = createLookupService(bundledPacks());

describe('claim check view', () => {
  it('shows each claim beside the pack, with the opposite flagged and the not-a-verdict note', () => {
    const view = claimCheckView(service.corpus(), 'Police may ask people about their immigration status. The governor painted the bridge green yesterday.');
    const { container } = render(<ClaimCheck view={view} copy={async () => true} idPrefix="t" />);
    const claims = container.querySelectorAll('[data-ol="claim"]');
    expect(claims).toHaveLength(2);
    expect(claims[0]!.textContent).toMatch(/may not/);
    expect(claims[0]!.textContent).toMatch(/The pack says the opposite/);
    expect(claims[1]!.textContent).toMatch(/Nothing in this pack speaks to this claim/);
    expect(container.textContent).toMatch(/not a true\/false verdict/);
    expect(container.textContent).not.toMatch(/\b(True|False)\b/);
  });

  it('says once that nothing speaks to any claim of unrelated text', () => {
    const view = claimCheckView(service.corpus(), 'Tomatoes like warm soil. Compost and mulch keep beds moist. Water the roots early.');
    const { container } = render(<ClaimCheck view={view} copy={async () => true} idPrefix="t" />);
    expect(container.querySelectorAll('[data-ol="claim"]')).toHaveLength(0);
    expect(container.querySelector('[data-ol="claims-none"]')?.textContent).toBe('Nothing in this pack speaks to any of these 3 claims.');
  });

  it('renders page text as text, never as HTML', () => {
    const view = claimCheckView(service.corpus(), 'Police may ask <img src=x onerror="alert(1)"> about immigration status.');
    const { container } = render(<ClaimCheck view={view} copy={async () => true} idPrefix="t" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('copies the memo as Markdown and as plain text', async () => {
    const view = claimCheckView(service.corpus(), 'Officers may not ask anyone about their immigration status.');
    const copied: string[] = [];
    render(<ClaimCheck view={view} copy={async (t) => (copied.push(t), true)} idPrefix="t" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy memo (Markdown)' }));
    await waitFor(() => expect(screen.getByText('Memo copied as Markdown')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Copy memo (plain text)' }));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[0]).toMatch(/^\*\*Claim check\*\*/);
    expect(copied[0]).toMatch(/\]\(https?:\/\//);
    expect(copied[0]).toMatch(/Official|Reported/);
    expect(copied[1]).toMatch(/^Claim check \(Ordinance Lens, current as of /);
    expect(copied[1]).not.toMatch(/\*\*|\]\(/);
  });
});

describe('before/after view', () => {
  it('labels rows Unknown where the later text is missing, and never "Unchanged"', () => {
    const view = beforeAfterView(service.corpus(), 'mpls-19.30')!;
    const { container } = render(<BeforeAfter view={view} />);
    const changes = Array.from(container.querySelectorAll('[data-ol="ba-row"]')).map((r) => r.getAttribute('data-change'));
    expect(changes).toContain('unknown');
    expect(container.textContent).toMatch(/Later text not available/);
    expect(container.textContent).not.toMatch(/Unchanged/);
    expect(container.querySelector('caption')?.textContent).toMatch(/2003 text beside/);
  });
});
