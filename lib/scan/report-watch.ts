/**
 * The side panel's view of the page report the background keeps in storage.session
 * (lib/scan/background.ts): read once, then followed. The browser adapter for components/OnThisPage.
 */
import { browser } from 'wxt/browser';
import { REPORT_KEY, type PageReport } from './protocol';

/**
 * Calls `listener` with the stored report (null: none), then with each new one; `changed` is true
 * for a report that replaced the one shown. Returns an unsubscribe function.
 */
export function watchPageReport(listener: (report: PageReport | null, changed: boolean) => void): () => void {
  let live = true;
  void browser.storage.session
    .get(REPORT_KEY)
    .then((s) => live && listener((s as Record<string, PageReport | undefined>)[REPORT_KEY] ?? null, false))
    .catch(() => undefined);
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && REPORT_KEY in changes) listener((changes[REPORT_KEY]!.newValue as PageReport | undefined) ?? null, true);
  };
  browser.storage.onChanged.addListener(onChange);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(onChange);
  };
}
