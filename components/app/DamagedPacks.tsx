/**
 * Damaged imported packs, kept in storage but not used (lib/storage/user-packs.ts): said here
 * for as long as they are stored, with the one way to remove them. Nothing is removed unless
 * the reader asks, since a damaged pack cannot be recreated without its file.
 */
import { useEffect, useState } from 'preact/hooks';
import { readDamagedPacks, removeDamagedPacks, watchUserPacks, type DamagedPack } from '../../lib/storage/user-packs';

const nameOf = (d: DamagedPack) => (d.title ? `“${d.title}”` : d.id ? `“${d.id}”` : 'a pack with no readable name');

export function DamagedPacks() {
  const [damaged, setDamaged] = useState<DamagedPack[]>([]);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    const load = () => void readDamagedPacks().then(setDamaged, () => undefined);
    load();
    return watchUserPacks(load);
  }, []);

  async function remove() {
    const r = await removeDamagedPacks();
    setConfirming(false);
    setMessage(r.message);
    setDamaged(await readDamagedPacks());
  }

  if (!damaged.length) return message ? <p class="ol-muted" role="status">{message}</p> : null;
  const n = damaged.length;
  return (
    <div class="ol-notice" role="status" data-ol="damaged-packs">
      <p class="ol-notice-text">
        {n === 1 ? 'One imported pack is' : `${n} imported packs are`} damaged in the browser's storage and not used: {damaged.map(nameOf).join(', ')}. {n === 1 ? 'It is' : 'They are'} kept as{' '}
        {n === 1 ? 'it was' : 'they were'}; import {n === 1 ? 'its file' : 'their files'} again to use {n === 1 ? 'it' : 'them'}.
      </p>
      {confirming ? (
        <span class="ol-row" role="group" aria-label="Remove the damaged packs?">
          <span class="ol-muted">Remove? Only the files bring them back.</span>
          <button type="button" class="ol-btn" onClick={() => void remove()} data-ol="remove-damaged-yes">
            Remove
          </button>
          <button type="button" class="ol-btn ol-btn--ghost" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" class="ol-btn ol-btn--ghost" onClick={() => setConfirming(true)} data-ol="remove-damaged">
          Remove the damaged {n === 1 ? 'pack' : 'packs'}
        </button>
      )}
      {message ? <p class="ol-muted">{message}</p> : null}
    </div>
  );
}
