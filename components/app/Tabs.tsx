/** The app's four tabs. */
export type Tab = 'search' | 'passage' | 'changes' | 'recent';

const TABS: readonly (readonly [Tab, string])[] = [
  ['search', 'Search'],
  ['passage', 'Check a passage'],
  ['changes', 'What changed'],
  ['recent', 'Recent'],
];

/** `panelShown`: the selected tab's panel is on screen (not replaced by a detail view), so the tab may point at it. */
export function Tabs({ tab, panelShown, onSelect }: { tab: Tab; panelShown: boolean; onSelect: (tab: Tab) => void }) {
  return (
    <div class="ol-tabs" role="tablist" aria-label="Ordinance Lens">
      {TABS.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`ol-tab-${id}`}
          aria-selected={tab === id}
          {...(tab === id && panelShown ? { 'aria-controls': `ol-panel-${id}` } : {})}
          class="ol-tab"
          onClick={() => onSelect(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
