/** "Remove? Only the file brings it back." with Remove and Keep: removing a pack cannot be undone here. */
export function ConfirmRemove({ label, question, onYes, onKeep, hook, yesHook }: { label: string; question: string; onYes: () => void; onKeep: () => void; hook?: string; yesHook: string }) {
  return (
    <span class="ol-row" role="group" aria-label={label} {...(hook ? { 'data-ol': hook } : {})}>
      <span class="ol-muted">{question}</span>
      <button type="button" class="ol-btn" onClick={onYes} data-ol={yesHook}>
        Remove
      </button>
      <button type="button" class="ol-btn ol-btn--ghost" onClick={onKeep}>
        Keep
      </button>
    </span>
  );
}
