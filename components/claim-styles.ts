/** Styles of the claim check, the pack timeline and the before/after view (appended to LENS_CSS). */
export const CLAIM_CSS = `
.ol-claims-note { font-size: 12px; color: var(--ol-muted); }
.ol-claims-list { display: flex; flex-direction: column; gap: 10px; }
.ol-claim { display: flex; flex-direction: column; gap: 6px; padding-bottom: 10px; border-bottom: 1px dashed var(--ol-border); }
.ol-claim-text { font-size: 13.5px; }
.ol-claim-text mark { background: var(--ol-status-bg); color: var(--ol-status-fg); border-radius: 3px; padding: 0 1px; }
.ol-claim-evidence { display: flex; flex-direction: column; gap: 4px; }
.ol-flags { display: flex; flex-wrap: wrap; gap: 4px; }
.ol-flag { font-size: 11px; font-weight: 700; line-height: 16px; padding: 1px 6px; border-radius: 6px; background: var(--ol-soft); color: var(--ol-fg); border: 1px solid var(--ol-border); }
.ol-flag--opposite, .ol-flag--not-in-force { background: var(--ol-warn-bg); color: var(--ol-warn-fg); border-color: transparent; }
.ol-flag--exception { border-left: 4px solid #c77700; }
.ol-row-wrap { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.ol-tl-controls { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-end; }
.ol-tl-controls label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--ol-muted); }
.ol-tl-controls input, .ol-tl-controls select { border: 1px solid var(--ol-border); border-radius: 6px; padding: 4px 6px; background: var(--ol-bg); color: var(--ol-fg); font-size: 13px; height: 30px; }
.ol-tl-controls input { width: 110px; }
.ol-tl-entry { border: 0; background: none; padding: 0; color: var(--ol-accent); text-decoration: underline; cursor: pointer; font: inherit; text-align: left; }
.ol-ba { width: 100%; border-collapse: collapse; font-size: 12.5px; table-layout: fixed; }
.ol-ba caption { text-align: left; font-size: 12px; color: var(--ol-muted); padding-bottom: 6px; }
.ol-ba th, .ol-ba td { border: 1px solid var(--ol-border); padding: 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.ol-ba thead th { background: var(--ol-soft); }
.ol-ba th[scope="row"] { font-weight: 700; }
.ol-ba thead th:first-child { width: 78px; }
.ol-change--added { color: var(--ol-official-fg); }
.ol-change--unknown { color: var(--ol-warn-fg); }
.ol-ba-none { color: var(--ol-muted); font-style: italic; }
`;
