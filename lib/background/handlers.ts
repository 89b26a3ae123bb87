/**
 * What the background answers to each message of `BackgroundProtocol`, one small function per
 * message, typed by the protocol. Payloads come from other contexts, so every field is coerced
 * and text is capped here, whatever its declared type says.
 */
import type { Browser } from 'wxt/browser';
import { addHistory, capText, clearHistory } from '../storage/history';
import { MAX_SELECTION_CHARS, type BackgroundProtocol } from '../messages';
import { beforeAfterView, packTimelineView } from '../claims-service';
import { claimCheckWhole } from '../claims-whole';
import { isFilterDate } from '../../core/timeline/pack';
import { cleanContext } from '../card/page-context';
import type { BackgroundContext } from './context';
import { toPanel } from './panel';
import { recordLookup } from './record';
import { openEntry } from './open-entry';
import { entryViewWhole, lookupWhole } from '../large-packs';

type Proto = BackgroundProtocol;
/** Who asked: `mayRecord` is false for a card in a frame we did not inject into (lib/sender-check.ts). */
export interface Caller {
  sender: Browser.runtime.MessageSender;
  mayRecord: boolean;
}
type Handler<K extends keyof Proto> = (ctx: BackgroundContext, msg: { type: K } & Proto[K]['req'], caller: Caller) => Promise<Proto[K]['res']>;
export type Handlers = { [K in keyof Proto]: Handler<K> };

const lookup: Handler<'lookup'> = async (ctx, msg, { mayRecord }) => {
  const settings = await ctx.settings.ready();
  await ctx.packs.answerable(); // lookupWhole reads the index shards it needs
  const context = cleanContext(msg.context);
  const text = String(msg.text ?? '');
  const view = await lookupWhole(ctx.service, text.slice(0, MAX_SELECTION_CHARS + 1), {
    citationStyle: settings.citationStyle,
    ...(context ? { context } : {}),
    ...(typeof msg.limit === 'number' ? { limit: Math.min(Math.max(1, msg.limit), 50) } : {}),
    ...(msg.typeahead === true ? { typeahead: true } : {}),
    ...(typeof msg.pack === 'string' ? { pack: msg.pack.slice(0, 200) } : {}),
  });
  if (msg.record && mayRecord) void recordLookup(text, view);
  return view;
};

const timeline: Handler<'timeline'> = async (ctx, msg) => {
  await ctx.packs.ready();
  const date = (d: unknown) => (typeof d === 'string' && isFilterDate(d) ? d : undefined);
  const since = date(msg.since);
  const until = date(msg.until);
  return packTimelineView(ctx.service.corpus(), {
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(Array.isArray(msg.jurisdictions) ? { jurisdictions: msg.jurisdictions.map(String) } : {}),
    ...(Array.isArray(msg.kinds) ? { kinds: msg.kinds } : {}),
  });
};

const recordHistory: Handler<'recordHistory'> = async (_ctx, msg) => {
  const r = await addHistory({
    query: capText(String(msg.query ?? '').trim(), 500),
    at: Date.now(),
    ...(msg.topId ? { topId: msg.topId } : {}),
    ...(msg.topTitle ? { topTitle: msg.topTitle } : {}),
  }).catch(() => ({ ok: false }));
  return { ok: r.ok };
};

export const HANDLERS: Handlers = {
  lookup,
  timeline,
  recordHistory,
  entry: async (ctx, msg) => (await ctx.packs.ready(), entryViewWhole(ctx.service, String(msg.id))),
  // A large pack was stored or removed in IndexedDB (no storage event tells us): read the packs
  // again and build and keep their index now, so the settings page can say when it is ready.
  packsChanged: async (ctx) => (await ctx.packs.reload(true), { entries: ctx.service.size() }),
  packs: async (ctx) => (await ctx.packs.ready(), { packs: ctx.service.packs(), bundledEntryIds: ctx.service.bundledEntryIds() }),
  bundledPacks: async (ctx) => ctx.service.bundledPacks(),
  takePending: (ctx) => ctx.pending.take(),
  panelForCopy: async (ctx, msg, { sender }) => {
    // The page blocks the clipboard: the same lookup in the side panel, whose copy works.
    const out = await toPanel(ctx.pending, { tab: sender.tab, text: String(msg.text ?? '') }, 'copy-blocked');
    return { opened: !!(out.panelOpened || out.windowOpened) };
  },
  openEntry, // lib/background/open-entry.ts
  check: async (ctx, msg) => (await ctx.packs.ready(), claimCheckWhole(ctx.service, String(msg.text ?? '').slice(0, MAX_SELECTION_CHARS))),
  beforeAfter: async (ctx, msg) => (await ctx.packs.ready(), beforeAfterView(ctx.service.corpus(), String(msg.id))),
  clearHistory: async () => {
    // Here, not in the page: every history write then goes through this worker's one queue
    // (lib/storage/area.ts serialized), so a lookup recorded at the same moment cannot write
    // back the list it read before the clear.
    const r = await clearHistory();
    return r.ok ? { ok: true } : { ok: false, message: r.message };
  },
};
