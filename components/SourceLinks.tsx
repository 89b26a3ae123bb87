import type { Entry, Source } from '../core/schema/pack';

/** Link attributes for every outbound source link: no opener, no Referer (the article's URL stays private). */
export const SAFE_LINK = { target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' } as const;

/** Only http(s) links are rendered as links (the pack schema already requires it). */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** "Star Tribune (copy at pubt.io)": the original publisher first, and where the copy we read lives. */
export function publisherLabel(s: Pick<Source, 'publisher' | 'via'>): string {
  return s.via ? `${s.publisher} (copy at ${s.via})` : s.publisher;
}

/** "[1] [2]" links to the sources a point rests on. */
export function SourceRefs({ entry, ids }: { entry: Pick<Entry, 'sources'>; ids: readonly string[] }) {
  return (
    <span class="ol-srcs">
      {ids.map((id) => {
        const n = entry.sources.findIndex((s) => s.id === id);
        const src = entry.sources[n];
        if (!src) return null;
        const href = safeHref(src.url);
        const label = `Source ${n + 1}: ${publisherLabel(src)}${src.title ? `, ${src.title}` : ''}`;
        return href ? (
          <a key={id} href={href} {...SAFE_LINK} aria-label={label} title={label}>
            [{n + 1}]
          </a>
        ) : (
          <span key={id}>[{n + 1}]</span>
        );
      })}
    </span>
  );
}

export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <ol class="ol-sources">
      {sources.map((s, i) => {
        const href = safeHref(s.url);
        const original = s.originalUrl ? safeHref(s.originalUrl) : undefined;
        const name = `${s.publisher}${s.title ? `, ${s.title}` : ''}`;
        return (
          <li key={s.id} data-ol="source">
            [{i + 1}]{' '}
            {s.via ? (
              // A copy: the original's address (when found) on the publisher, the copy's on "copy at …".
              <>
                {original ? (
                  <a href={original} {...SAFE_LINK}>
                    {name}
                  </a>
                ) : (
                  <span>{name}</span>
                )}{' '}
                (
                {href ? (
                  <a href={href} {...SAFE_LINK}>
                    copy at {s.via}
                  </a>
                ) : (
                  <span>copy at {s.via}</span>
                )}
                )
              </>
            ) : href ? (
              <a href={href} {...SAFE_LINK}>
                {name}
              </a>
            ) : (
              <span>{s.publisher}</span>
            )}{' '}
            <span class={`ol-badge ${s.type === 'primary' ? 'ol-badge--official' : 'ol-badge--reported'}`}>
              {s.type === 'primary' ? 'Official source' : 'Secondary source'}
            </span>
            {s.asOf ? <span class="ol-muted"> · {s.asOf}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
