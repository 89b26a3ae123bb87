import { segments, type Range } from '../core/typeahead/index';

/** `text` with the matched ranges in <mark> elements: built as elements, never as an HTML string. */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly Range[] | undefined }) {
  return (
    <>
      {segments(text, ranges).map((s, i) =>
        s.matched ? (
          <mark class="ol-hl" key={i}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
