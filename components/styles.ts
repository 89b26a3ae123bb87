/**
 * The one stylesheet of every surface (in-page card, popup, side panel, options), as a string:
 * the card inlines it into its closed shadow root (no web-accessible CSS file, nothing added to
 * the page), extension pages put it in a <style>. px units only (page `rem` must not leak in),
 * our own `--ol-*` custom properties, light and dark schemes.
 */
import { CLAIM_CSS } from './claim-styles';

export const LENS_CSS = `
.ol-root {
  --ol-bg: #ffffff; --ol-fg: #1b1f24; --ol-muted: #57606a; --ol-border: #d0d7de; --ol-soft: #f6f8fa;
  --ol-accent: #0b5cad; --ol-accent-fg: #ffffff; --ol-focus: #0b5cad;
  --ol-official-bg: #dff3e4; --ol-official-fg: #11502a; --ol-reported-bg: #fff1c7; --ol-reported-fg: #6b4a00;
  --ol-warn-bg: #fff4e5; --ol-warn-fg: #7a3e00; --ol-status-bg: #e7eefb; --ol-status-fg: #1e3f75;
  --ol-shadow: 0 8px 28px rgba(20, 30, 45, 0.22), 0 1px 3px rgba(20, 30, 45, 0.18);
  color-scheme: light;
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ol-fg); background: var(--ol-bg); text-align: left; letter-spacing: normal; word-spacing: normal;
  text-transform: none; text-indent: 0; text-shadow: none; font-style: normal; direction: ltr;
}
@media (prefers-color-scheme: dark) {
  .ol-root {
    --ol-bg: #1d2228; --ol-fg: #e8ecf0; --ol-muted: #a4afba; --ol-border: #3d4650; --ol-soft: #262c33;
    --ol-accent: #7db7ff; --ol-accent-fg: #0d1117; --ol-focus: #9ccaff;
    --ol-official-bg: #17402a; --ol-official-fg: #b7f0c8; --ol-reported-bg: #4a3b10; --ol-reported-fg: #ffe4a0;
    --ol-warn-bg: #4a2f12; --ol-warn-fg: #ffd8a8; --ol-status-bg: #1f3354; --ol-status-fg: #cfe0ff;
    --ol-shadow: 0 8px 28px rgba(0, 0, 0, 0.6), 0 1px 3px rgba(0, 0, 0, 0.5);
    color-scheme: dark;
  }
}
.ol-root, .ol-root *, .ol-root *::before, .ol-root *::after { box-sizing: border-box; }
:where(.ol-root) :where(h1, h2, h3, h4, p, ul, ol, li, dl, dd) { margin: 0; padding: 0; }
:where(.ol-root) :where(ul, ol) { list-style: none; }
:where(.ol-root) a { color: var(--ol-accent); text-decoration: underline; text-underline-offset: 2px; }
:where(.ol-root) :where(button, input, select, textarea) { font: inherit; color: inherit; }
.ol-root :focus-visible { outline: 2px solid var(--ol-focus); outline-offset: 2px; }
.ol-root [tabindex="-1"]:focus, .ol-root [tabindex="-1"]:focus-visible { outline: none; }
.ol-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; padding: 0; margin: -1px; }

.ol-card { width: 400px; max-width: calc(100vw - 16px); max-height: min(560px, calc(100vh - 16px), var(--ol-max-h, 560px)); overflow: auto;
  border: 1px solid var(--ol-border); border-radius: 10px; box-shadow: var(--ol-shadow); background: var(--ol-bg); }
.ol-root.ol-card:focus, .ol-root.ol-card:focus-visible { outline: none; }
.ol-card-bar { position: sticky; top: 0; z-index: 1; display: flex; align-items: center; gap: 8px; padding: 8px 10px 8px 14px;
  background: var(--ol-soft); border-bottom: 1px solid var(--ol-border); }
.ol-card-brand { font-size: 12px; font-weight: 600; color: var(--ol-muted); flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ol-card-body { padding: 12px 14px 14px; }
.ol-icon-btn { border: 1px solid transparent; background: transparent; border-radius: 6px; width: 28px; height: 28px; cursor: pointer;
  display: inline-flex; align-items: center; justify-content: center; font-size: 18px; line-height: 1; color: var(--ol-muted); padding: 0; }
.ol-icon-btn:hover { background: var(--ol-bg); border-color: var(--ol-border); color: var(--ol-fg); }

.ol-entry { display: flex; flex-direction: column; gap: 10px; }
.ol-kicker { font-size: 12px; color: var(--ol-muted); }
.ol-title { font-size: 17px; line-height: 1.3; font-weight: 650; overflow-wrap: anywhere; }
.ol-cite { font-size: 13px; color: var(--ol-muted); margin-top: 2px; }
.ol-meta { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 12px; color: var(--ol-muted); }
.ol-summary { font-size: 14px; }
.ol-section { display: flex; flex-direction: column; gap: 6px; }
.ol-section-title { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ol-muted); }
.ol-points { display: flex; flex-direction: column; gap: 8px; }
.ol-point { padding: 8px 10px; border-radius: 8px; background: var(--ol-soft); border: 1px solid var(--ol-border); }
.ol-point--matched { border-color: var(--ol-accent); }
.ol-point--exception { border-left: 4px solid #c77700; }
.ol-point-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 4px; font-size: 12px; }
.ol-sub { font-weight: 700; font-variant-numeric: tabular-nums; }
.ol-point-text { font-size: 13.5px; }
.ol-badge { display: inline-block; font-size: 11px; font-weight: 700; line-height: 16px; padding: 1px 6px; border-radius: 999px; white-space: nowrap; }
.ol-badge--official { background: var(--ol-official-bg); color: var(--ol-official-fg); }
.ol-badge--reported { background: var(--ol-reported-bg); color: var(--ol-reported-fg); }
.ol-badge--status { background: var(--ol-status-bg); color: var(--ol-status-fg); }
.ol-badge--version { background: var(--ol-status-bg); color: var(--ol-status-fg); white-space: normal; border-radius: 6px; font-weight: 600; }
.ol-badge--conf { background: var(--ol-soft); color: var(--ol-muted); border: 1px solid var(--ol-border); }
.ol-srcs { font-size: 12px; }
.ol-srcs a { margin-right: 6px; }
.ol-questions li { font-size: 13px; padding-left: 18px; position: relative; }
.ol-questions li::before { content: "?"; position: absolute; left: 2px; font-weight: 700; color: #c77700; }
.ol-related { display: flex; flex-direction: column; gap: 4px; }
.ol-link-btn { display: block; width: 100%; text-align: left; border: 1px solid var(--ol-border); background: var(--ol-bg); border-radius: 6px;
  padding: 6px 8px; cursor: pointer; font-size: 13px; }
.ol-link-btn:hover { background: var(--ol-soft); }
.ol-link-rel { display: block; font-size: 11px; color: var(--ol-muted); font-weight: 600; }
.ol-sources li { font-size: 12px; margin-bottom: 4px; overflow-wrap: anywhere; }
.ol-empty { padding: 10px 12px; border-radius: 8px; background: var(--ol-warn-bg); color: var(--ol-warn-fg); font-size: 13.5px; }
.ol-echo { margin-bottom: 8px; padding-bottom: 8px; border-bottom: 1px dashed var(--ol-border); font-size: 12px; color: var(--ol-muted); overflow-wrap: anywhere; }
.ol-echo q { font-style: italic; }

.ol-copy { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.ol-copy select { border: 1px solid var(--ol-border); border-radius: 6px; padding: 4px 6px; background: var(--ol-bg); font-size: 13px; height: 30px; }
.ol-btn { border: 1px solid var(--ol-accent); background: var(--ol-accent); color: var(--ol-accent-fg); border-radius: 6px; padding: 4px 10px;
  font-size: 13px; font-weight: 600; cursor: pointer; height: 30px; }
.ol-btn--ghost { background: var(--ol-bg); color: var(--ol-accent); }
.ol-copy-preview { flex-basis: 100%; font-size: 12px; color: var(--ol-muted); overflow-wrap: anywhere; }
.ol-copy-status { font-size: 12px; color: var(--ol-official-fg); }

.ol-timeline { border-left: 2px solid var(--ol-border); margin-left: 4px; padding-left: 12px; display: flex; flex-direction: column; gap: 8px; }
.ol-timeline li { font-size: 13px; position: relative; }
.ol-timeline li::before { content: ""; position: absolute; left: -18px; top: 5px; width: 10px; height: 10px; border-radius: 50%;
  background: var(--ol-bg); border: 2px solid var(--ol-accent); }
.ol-tl-date { font-weight: 650; font-variant-numeric: tabular-nums; }
.ol-tl-type { color: var(--ol-muted); font-size: 12px; }

.ol-results { display: flex; flex-direction: column; gap: 2px; }
.ol-result { display: block; padding: 7px 9px; border-radius: 7px; cursor: pointer; border: 1px solid transparent; }
.ol-result[aria-selected="true"] { background: var(--ol-status-bg); border-color: var(--ol-accent); }
.ol-result:hover { background: var(--ol-soft); }
.ol-result-title { font-size: 14px; font-weight: 600; }
.ol-result-sub { font-size: 12px; color: var(--ol-muted); display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin-top: 2px; }
.ol-result-cite { font-size: 12px; color: var(--ol-muted); }
/* Characters that matched what the reader typed: bold and underlined, readable on any row background. */
mark.ol-hl { background: transparent; color: inherit; font-weight: 700; text-decoration: underline 2px var(--ol-accent); text-underline-offset: 2px; }
.ol-result-alias { font-size: 12px; color: var(--ol-muted); }

.ol-app { min-height: 100%; display: flex; flex-direction: column; }
.ol-app-head { padding: 10px 12px; border-bottom: 1px solid var(--ol-border); background: var(--ol-soft); display: flex; flex-direction: column; gap: 8px; }
.ol-app-title { font-size: 13px; font-weight: 700; color: var(--ol-muted); display: flex; justify-content: space-between; align-items: center; }
.ol-app-main { padding: 10px 12px 16px; display: flex; flex-direction: column; gap: 12px; }
.ol-search { width: 100%; border: 1px solid var(--ol-border); border-radius: 8px; padding: 8px 10px; font-size: 15px; background: var(--ol-bg); }
.ol-textarea { width: 100%; min-height: 90px; border: 1px solid var(--ol-border); border-radius: 8px; padding: 8px 10px; font-size: 13px; background: var(--ol-bg); resize: vertical; }
.ol-tabs { display: flex; gap: 4px; }
.ol-tab { border: 1px solid var(--ol-border); background: var(--ol-bg); border-radius: 6px; padding: 4px 10px; font-size: 13px; cursor: pointer; }
.ol-tab[aria-selected="true"] { background: var(--ol-accent); color: var(--ol-accent-fg); border-color: var(--ol-accent); }
.ol-history li { display: flex; justify-content: space-between; gap: 8px; align-items: center; }
.ol-history .ol-link-btn { flex: 1; }
.ol-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.ol-row > input[type="radio"], .ol-row > input[type="checkbox"] { flex: none; }
.ol-row > input[type="radio"] { margin-top: 3px; }
.ol-row > input[type="radio"] + span, .ol-row > input[type="checkbox"] + span { flex: 1 1 0; min-width: 0; }
.ol-muted { color: var(--ol-muted); font-size: 12px; }
.ol-back { align-self: flex-start; }
.ol-field { display: flex; flex-direction: column; gap: 4px; }
.ol-field label { font-weight: 600; }
.ol-notice { border: 1px solid var(--ol-border); border-left: 4px solid #bf8700; background: var(--ol-soft); border-radius: 6px; padding: 8px 10px; display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.ol-notice-text { margin: 0; }
` + CLAIM_CSS;
