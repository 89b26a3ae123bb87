import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { packsPlugin } from './scripts/lib/vite-packs-plugin';
import { quietZodCommentNotices } from './scripts/lib/vite-quiet-zod';
import { ANY_SITE } from './core/scan/site';

// See docs/decisions/ for why each manifest choice is what it is, and SECURITY.md for permissions.
export default defineConfig({
  imports: false, // explicit imports keep the dependency graph visible
  vite: () => ({
    plugins: [preact(), packsPlugin(), quietZodCommentNotices()],
    build: { sourcemap: false },
  }),
  // `npm run zip` (scripts/zip.ts) runs `wxt zip` and makes the archives reproducible; docs/store/.
  zip: {
    // The sources archive is for building the extension: no tests, store screenshots or artefacts.
    excludeSources: ['tests/**', 'docs/store/screenshots/**', 'docs/screenshots/**', '**/*.log', 'coverage/**', 'stats.html'],
  },
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: 'Ordinance Lens',
    description: 'Explains the law behind what you read: the governing section, in plain words, with its sources. Works offline.',
    permissions: ['contextMenus', 'storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // e2e builds only: stands in for the activeTab grant a real context-menu click gives
    // (a test cannot click a native menu). Production builds ask for no host permission.
    // (`*://`: the same pattern "always explain pages on this site" asks for, so its e2e test finds it granted.)
    ...(mode === 'e2e' && { host_permissions: ['*://127.0.0.1/*'] }),
    // "Always explain pages on this site" (off until the reader turns it on for one site): the
    // browser asks for that one site then; nothing is granted at install. MV2 lists host
    // patterns among the optional permissions.
    ...(manifestVersion === 2 ? { optional_permissions: [ANY_SITE] } : { optional_host_permissions: [ANY_SITE] }),
    // The toolbar tooltip (action.default_title) is the popup's <title> in entrypoints/popup/index.html:
    // WXT writes it over any action.default_title set here.
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Explain the selected text with Ordinance Lens',
      },
      // On request only: marks every law and term of the packs on this page (again: clears them).
      'explain-page': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Explain this page: mark every law, order and term it mentions',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; connect-src 'self'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'ordinance-lens@example.org',
          // Firefox's data-collection disclosure: we collect nothing.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
