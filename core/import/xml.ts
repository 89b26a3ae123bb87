/**
 * A small, strict-enough XML reader for published legal codes: elements, attributes, text,
 * character references, comments, CDATA and processing instructions. No DTDs, no external
 * entities, no namespaces resolved (a prefixed name stays "codify:insert"). Pure TypeScript, so
 * core/ needs no DOM (the importer runs in Node and could run in a worker).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[ref] ?? all;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses a document; throws an Error naming the offset when tags do not nest. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) stack[stack.length - 1]!.children.push(decodeEntities(text.slice(i, end)));
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) throw new Error(`unclosed comment at ${lt}`);
      i = close + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close < 0) throw new Error(`unclosed CDATA at ${lt}`);
      stack[stack.length - 1]!.children.push(text.slice(lt + 9, close));
      i = close + 3;
    } else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      const close = text.indexOf('>', lt);
      if (close < 0) throw new Error(`unclosed declaration at ${lt}`);
      i = close + 1;
    } else if (text[lt + 1] === '/') {
      const close = text.indexOf('>', lt);
      if (close < 0) throw new Error(`unclosed end tag at ${lt}`);
      const name = text.slice(lt + 2, close).trim();
      const top = stack.pop();
      if (!top || top === root || top.name !== name) throw new Error(`</${name}> at ${lt} does not close <${top?.name ?? ''}>`);
      i = close + 1;
    } else {
      // Find the tag's end, skipping ">" inside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < n; j++) {
        const c = text[j]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= n) throw new Error(`unclosed tag at ${lt}`);
      const selfClosing = text[j - 1] === '/';
      const body = text.slice(lt + 1, selfClosing ? j - 1 : j);
      const nameEnd = body.search(/[\s/]|$/);
      const el: XmlElement = { name: body.slice(0, nameEnd), attrs: {}, children: [] };
      ATTR.lastIndex = 0;
      let m: RegExpExecArray | null;
      const rest = body.slice(nameEnd);
      while ((m = ATTR.exec(rest))) el.attrs[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing) stack.push(el);
      i = j + 1;
    }
  }
  if (stack.length > 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('no root element');
  return top;
}

export const elements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

export const child = (el: XmlElement, name: string): XmlElement | undefined => elements(el, name)[0];

/** Text content with whitespace collapsed; table cells and line breaks become separators. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  const parts: string[] = [];
  const walk = (x: XmlNode) => {
    if (typeof x === 'string') parts.push(x);
    else if (x.name === 'br') parts.push(' ');
    else {
      for (const c of x.children) walk(c);
      if (x.name === 'td' || x.name === 'th') parts.push(' | ');
      else if (x.name === 'tr') parts.push('; ');
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').replace(/(\s*\|\s*;\s*)+/g, '; ').replace(/\s*\|\s*$/, '').trim();
}
