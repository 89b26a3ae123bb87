/**
 * A small reusable in-page container (in the spirit of Hypothesis's PreactContainer): one host
 * element with a neutral random name ("x-…"), a CLOSED shadow root (page scripts get `null` from
 * host.shadowRoot and cannot read what is inside), and the given CSS inlined into a <style> in
 * that root (no web-accessible CSS, nothing in the page's <head>). It knows nothing of the card:
 * where it goes, when it shows and what it renders are its owner's business.
 */
import { render, type ComponentChild } from 'preact';

function randomName(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  for (const b of crypto.getRandomValues(new Uint8Array(8))) s += letters[b % 26];
  return `x-${s}`;
}

export class ShadowContainer {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;

  constructor(doc: Document, css: string, name = randomName()) {
    this.host = doc.createElement(name);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = css;
    this.root.appendChild(style);
  }

  get isConnected(): boolean {
    return this.host.isConnected;
  }

  /** Renders (or re-renders) `node` inside the shadow root; page text must only ever be text nodes. */
  render(node: ComponentChild): void {
    render(node, this.root);
  }

  query<T extends Element>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  /** Unmounts what was rendered and takes the host out of the page. */
  destroy(): void {
    render(null, this.root);
    this.host.remove();
  }
}
