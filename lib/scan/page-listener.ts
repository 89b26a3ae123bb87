/**
 * The page-scan script's listener. It answers the background's `scan:start`, `scan:jump` and
 * `scan:clear` with a `Reply` (lib/reply.ts), as every listener of ours does, so a scan that threw
 * reaches the background as a failure it names ("Marking this page failed"), not a cast answer.
 */
import { browser } from 'wxt/browser';
import { answerWith } from '../reply';
import type { PageScanMessage, PageScanProtocol } from './protocol';

type Handle = (m: PageScanMessage) => Promise<PageScanProtocol[PageScanMessage['type']]['res']>;

export function listenForPageScan(handle: Handle): void {
  browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse) => {
    const m = msg as PageScanMessage | undefined;
    if (m?.type !== 'scan:start' && m?.type !== 'scan:jump' && m?.type !== 'scan:clear') return false;
    return answerWith(m.type, () => handle(m), sendResponse);
  });
}
