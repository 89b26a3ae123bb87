/**
 * The fallback marks (own elements, for browsers without the CSS Custom Highlight API; happy-dom
 * has none, so this is the path it takes): marks land on the right words, even across inline
 * elements, and Clear puts back the page's markup and its very text nodes.
 */
// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createMarks } from '../../../lib/scan/marks';

function rangeOf(doc: Document, node: Node, start: number, endNode: Node, end: number): Range {
  const r = doc.createRange();
  r.setStart(node, start);
  r.setEnd(endNode, end);
  return r;
}

describe('fallback marks', () => {
  it('wraps the marked words and Clear restores the markup and the text nodes themselves', () => {
    document.body.innerHTML = '<p id="a">The separation ordinance and ICE. Under § 19.30<em>(a)(3)</em> police may not ask.</p>';
    const p = document.getElementById('a')!;
    const before = document.body.innerHTML;
    const first = p.firstChild as Text;
    const em = p.querySelector('em')!.firstChild as Text;
    const marks = createMarks(document);
    expect(marks.kind).toBe('elements');
    const text = first.data;
    marks.add([
      rangeOf(document, first, text.indexOf('separation'), first, text.indexOf(' and')),
      rangeOf(document, first, text.indexOf('ICE'), first, text.indexOf('ICE') + 3),
      rangeOf(document, first, text.indexOf('§'), em, em.data.length),
    ]);
    const wrapped = Array.from(p.querySelectorAll('*')).filter((e) => e.localName.startsWith('x-olm-'));
    expect(wrapped.map((e) => e.textContent)).toEqual(['separation ordinance', 'ICE', '§ 19.30', '(a)(3)']);
    expect(document.body.innerHTML).not.toBe(before);
    marks.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(p.firstChild).toBe(first); // the same node, not a copy
    expect(first.data).toBe(text);
    expect(p.childNodes.length).toBe(3);
  });

  it('are drawn with the colours of marks.css', () => {
    document.body.innerHTML = '<p id="b">The separation ordinance and ICE.</p>';
    const t = document.getElementById('b')!.firstChild as Text;
    const marks = createMarks(document);
    const r = rangeOf(document, t, 4, t, 14);
    marks.add([r]);
    const el = document.querySelector('#b > *') as HTMLElement;
    expect(el.style.backgroundColor.replace(/\s/g, '')).toBe('rgba(255,196,0,0.35)');
    expect(el.style.textDecoration).toContain('underline');
    marks.clear();
  });
});

describe('highlight marks', () => {
  it("style the page's highlights under their random name, from marks.css", () => {
    const names: string[] = [];
    const g = globalThis as { Highlight?: unknown; CSS?: unknown };
    const saved = { Highlight: g.Highlight, CSS: g.CSS };
    g.Highlight = class {
      priority = 0;
      add() {}
      clear() {}
    };
    g.CSS = { highlights: { set: (n: string) => names.push(n), delete: () => undefined } };
    try {
      // The sheet's text as given (happy-dom's parser drops ::highlight rules).
      const given = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
      const marks = createMarks(document);
      expect(marks.kind).toBe('highlight');
      const css = [...given.mock.calls.map((c) => c[0]), ...[...document.querySelectorAll('style')].map((s) => s.textContent)].join('\n');
      expect(names).toHaveLength(2);
      expect(css).toMatch(new RegExp(`::highlight\\(${names[0]}\\)\\s*\\{[^}]*background-color`));
      expect(css).toContain(`::highlight(${names[1]})`);
      expect(css).not.toContain('ol-name');
      marks.clear();
      given.mockRestore();
    } finally {
      Object.assign(g, saved);
    }
  });
});
