/**
 * The popup's "Always explain pages on <site>": shown only over a web page, off until ticked;
 * ticking asks the browser for that one site inside the click (Firefox refuses a request made
 * after an await), then the background turns it on.
 */
// @vitest-environment happy-dom
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AlwaysHereToggle } from '../../components/AlwaysHereToggle';

const overTab = (url: string) => vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url } as never]);
const sent: unknown[] = [];
const findBox = (container: Element) =>
  waitFor(() => {
    const box = container.querySelector<HTMLInputElement>('[data-ol="always-here"] input');
    if (!box) throw new Error('no checkbox yet');
    return box;
  });

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  fakeBrowser.runtime.onMessage.addListener(((msg: { type: string }) => {
    sent.push(msg);
    return Promise.resolve({ ok: true, value: msg.type === 'scan:always-on' ? { ok: true } : { ok: true, permissionRemoved: true } });
  }) as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
});

describe('always explain pages on this site (popup)', () => {
  it('is offered, unticked, over a web page, and asks for that one site inside the click', async () => {
    overTab('https://www.startribune.com/story/123?x=1');
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const { container, findByText } = render(<AlwaysHereToggle />);
    const box = await findBox(container);
    expect(container.textContent).toContain('Always explain pages on www.startribune.com');
    expect(box.checked).toBe(false);
    expect(request).not.toHaveBeenCalled();
    fireEvent.click(box);
    expect(request).toHaveBeenCalledWith({ origins: ['*://www.startribune.com/*'] }); // before any await
    await findByText('Pages on www.startribune.com will be explained as they load.');
    expect(sent).toContainEqual({ type: 'scan:always-on', site: 'www.startribune.com' });
    expect((container.querySelector('[data-ol="always-here"] input') as HTMLInputElement).checked).toBe(true);
  });

  it('says so and stays off when the browser is not allowed the site', async () => {
    overTab('https://example.org/');
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const { container, findByText } = render(<AlwaysHereToggle />);
    const box = await findBox(container);
    fireEvent.click(box);
    await findByText('Not turned on: example.org was not allowed.');
    expect((container.querySelector('[data-ol="always-here"] input') as HTMLInputElement).checked).toBe(false);
  });

  it('is not offered over a browser or extension page', async () => {
    const query = overTab('chrome://extensions/');
    const { container } = render(<AlwaysHereToggle />);
    await waitFor(() => expect(query).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });
});
