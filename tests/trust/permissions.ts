/**
 * The documented permissions: the only ones a build may ask for. SECURITY.md explains each one
 * in a table, and tests/trust/manifest.trust.ts fails on any permission that is not here, and on
 * any entry here that SECURITY.md does not explain.
 */
export interface DocumentedPermission {
  permission: string;
  browsers: ('chrome' | 'firefox')[];
  /** Plain-words reason, the same as in SECURITY.md. */
  why: string;
}

export const DOCUMENTED_PERMISSIONS: DocumentedPermission[] = [
  { permission: 'contextMenus', browsers: ['chrome', 'firefox'], why: 'adds "Explain “…” with Ordinance Lens" to the menu you get when you right-click a selection' },
  { permission: 'activeTab', browsers: ['chrome', 'firefox'], why: 'lets the extension reach the one tab you are using, only after you chose the menu item or shortcut there; no access to any other tab or site' },
  { permission: 'scripting', browsers: ['chrome', 'firefox'], why: 'with activeTab, shows the card in that tab by injecting our own bundled script at the moment you ask' },
  { permission: 'storage', browsers: ['chrome', 'firefox'], why: 'keeps your settings, (if you want) your lookup history, and packs you import, on this computer' },
  { permission: 'sidePanel', browsers: ['chrome'], why: 'Chrome only: lets you open the results in the browser side panel' },
];

/**
 * Optional permissions the extension may request at run time, never granted at install: host
 * access for "Always explain pages on this site", asked for one site at a time (`*://site/*`,
 * lib/scan/always-here-ask.ts). MV3 declares it in `optional_host_permissions`, MV2 in
 * `optional_permissions`.
 */
export const DOCUMENTED_OPTIONAL_PERMISSIONS: DocumentedPermission[] = [
  { permission: '*://*/*', browsers: ['chrome', 'firefox'], why: 'only if you turn on "Always explain pages on this site": the browser asks you for that one site then' },
];

export function allowedFor(browser: 'chrome' | 'firefox'): Set<string> {
  return new Set(DOCUMENTED_PERMISSIONS.filter((p) => p.browsers.includes(browser)).map((p) => p.permission));
}
