/**
 * "Search in": with more than one pack searched (the bundled one and an imported code, say), the
 * reader can search one of them only. Hidden with a single pack; "All packs" is the default.
 */
import { useEffect, useState } from 'preact/hooks';
import { askBackground, type PackInfo } from '../../lib/messages';

export interface PackFilterProps {
  /** The pack chosen ("" = every pack). */
  value: string;
  onChange: (id: string) => void;
  /** How many packs the last lookup searched: the list is read again when it changes (an import or a removal while the popup or side panel is open). */
  packCount: number | undefined;
}

export function PackFilter({ value, onChange, packCount }: PackFilterProps) {
  const [packs, setPacks] = useState<PackInfo[]>([]);
  useEffect(() => {
    // Without the list the box searches every pack, as with one pack: nothing to say.
    askBackground('packs', {}).then(
      (r) => setPacks(r?.packs ?? []),
      () => setPacks([]),
    );
  }, [packCount]);
  if (packs.length < 2) return null;
  return (
    <p class="ol-pack-filter">
      <label for="ol-pack-filter">Search in </label>
      <select id="ol-pack-filter" data-ol="pack-filter" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">All packs</option>
        {packs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
            {p.imported ? ' (imported)' : ''}
          </option>
        ))}
      </select>
    </p>
  );
}
