/** A small user pack for the storage, lookup-service and e2e tests. */
/** A small valid pack in the import format (what `lens export` prints). */
export function userPack(over: { id?: string; version?: string; title?: string; entryIds?: string[]; related?: string[] } = {}) {
  const ids = over.entryIds ?? ['snow-1'];
  return {
    id: over.id ?? 'snow',
    title: over.title ?? 'Snow emergency rules',
    jurisdiction: 'Testville',
    version: over.version ?? '1.0.0',
    asOf: '2026-01-15',
    schemaVersion: 1,
    entries: ids.map((id) => ({
      id,
      kind: 'ordinance-section',
      jurisdiction: 'Testville',
      title: `Snowplow parking ban ${id}`,
      summary: 'Cars must leave snow emergency routes.',
      status: 'in-force',
      points: [{ text: 'Tow after 9 pm.', confidence: 'primary', sources: ['s1'] }],
      sources: [{ id: 's1', url: 'https://example.org/snow', publisher: 'Testville', type: 'primary' }],
      related: over.related ?? [],
    })),
  };
}
