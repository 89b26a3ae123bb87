/**
 * Tells the reader about storage repairs (settings reset, history wiped, packs skipped) made in
 * any context: the background, a card, another page. The notices are kept in storage
 * (lib/storage/repair.ts) and shown here, in the popup, side panel and options page, until the
 * reader dismisses them. Loaded after the first paint (a dynamic import), like the rest of storage
 * in the popup, so it costs the first results nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { watchStorage } from '../../lib/extension-pages';
import type { RepairNotice } from '../../lib/storage/repair';

const repairModule = () => import('../../lib/storage/repair');

export function RepairNotices() {
  const [notices, setNotices] = useState<RepairNotice[]>([]);

  useEffect(() => {
    let live = true;
    const load = () =>
      repairModule()
        .then((m) => m.readRepairNotices())
        .then((n) => live && setNotices(n), () => undefined);
    void load();
    const unwatch = watchStorage('local', ['storageRepairs'], () => void load());
    // A repair made in this very page (it read damaged settings) is announced here too.
    let stop: (() => void) | undefined;
    void repairModule().then((m) => {
      if (live) stop = m.onStorageRepaired(() => void load());
    });
    return () => {
      live = false;
      unwatch();
      stop?.();
    };
  }, []);

  // One line per distinct message: a repair seen by several contexts is said once.
  const messages = [...new Set(notices.map((n) => n.message))];
  if (!messages.length) return null;
  return (
    <section class="ol-notice" role="alert" data-ol="repairs" aria-label="Stored data was repaired">
      {messages.map((m) => (
        <p key={m} class="ol-notice-text">
          {m}
        </p>
      ))}
      <button
        type="button"
        class="ol-btn"
        data-ol="repairs-dismiss"
        onClick={() => {
          setNotices([]);
          void repairModule().then((m) => m.dismissRepairNotices());
        }}
      >
        Dismiss
      </button>
    </section>
  );
}
