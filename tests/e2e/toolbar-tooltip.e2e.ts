/**
 * The toolbar button's tooltip reaches the built manifest. WXT writes the popup's <title> into
 * action.default_title (over anything set in wxt.config.ts), so the tooltip is set there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD, ROOT } from './harness';

describe('toolbar tooltip', () => {
  it('says what the button does, in the built manifest', () => {
    const manifest = JSON.parse(readFileSync(join(E2E_BUILD, 'manifest.json'), 'utf8')) as { action?: { default_title?: string } };
    expect(manifest.action?.default_title).toBe('Ordinance Lens: search the law');
    const popupTitle = /<title>([^<]*)<\/title>/.exec(readFileSync(join(ROOT, 'entrypoints/popup/index.html'), 'utf8'))?.[1];
    expect(popupTitle).toBe(manifest.action?.default_title);
  });
});
