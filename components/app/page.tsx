/** Mounts an extension page (popup, side panel, options) with the shared stylesheet. */
import { render, type ComponentChild } from 'preact';
import { LENS_CSS } from '../styles';

export function mountPage(node: ComponentChild, opts: { width?: number } = {}): void {
  const style = document.getElementById('ol-style') ?? document.head.appendChild(document.createElement('style'));
  style.id = 'ol-style';
  style.textContent = `${LENS_CSS}
html, body { margin: 0; padding: 0; }
body { ${opts.width ? `width: ${opts.width}px; min-height: 520px;` : 'min-height: 100vh;'} }
@media (prefers-color-scheme: dark) { html, body { background: #1d2228; } }`;
  render(node, document.getElementById('app')!);
}
