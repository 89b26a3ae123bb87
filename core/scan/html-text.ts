/**
 * The visible text of an HTML document, without a DOM (for `lens scan FILE.html` and tests): text
 * runs outside script, style and other invisible elements, entities decoded, block elements as
 * boundaries. A small tolerant tokenizer, not a full HTML parser: good enough for articles.
 */
import type { TextPiece } from './visible-text';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'textarea', 'select', 'canvas', 'math']);
export const BLOCK_TAGS = new Set(
  'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul caption title body html option legend'.split(' '),
);
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', sect: '§', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘',
  ldquo: '“', rdquo: '”', hellip: '…', shy: '\u00ad', copy: '©', eacute: 'é', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

export interface HtmlText {
  title: string;
  pieces: TextPiece[];
}

export function htmlText(html: string): HtmlText {
  const pieces: TextPiece[] = [];
  let title = '';
  let hiddenTag = '';
  let hiddenDepth = 0; // nesting of hiddenTag inside itself
  let inTitle = false;
  let block = true;
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!(?:[^>])*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const tok = m[0];
    const name = m[1]?.toLowerCase();
    if (name) {
      const closing = tok[1] === '/';
      if (hiddenTag) {
        if (name === hiddenTag && !/\/\s*$/.test(m[2] ?? '')) hiddenDepth += closing ? -1 : 1;
        if (hiddenDepth === 0) hiddenTag = '';
        continue;
      }
      if (name === 'title') {
        inTitle = !closing;
        continue;
      }
      const selfClosing = /\/\s*$/.test(m[2] ?? '');
      if (!closing && !selfClosing && name !== 'head' && (HIDDEN.has(name) || /\shidden(?:[\s=>]|$)/i.test(m[2] ?? ''))) {
        hiddenTag = name;
        hiddenDepth = 1;
        continue;
      }
      if (BLOCK_TAGS.has(name)) block = true;
      continue;
    }
    if (tok[0] === '<' && tok.length > 1) continue; // comment, doctype
    if (hiddenTag) continue;
    const text = decodeEntities(tok);
    if (inTitle) {
      title += text;
      continue;
    }
    if (!text.trim() && block) continue; // whitespace between blocks
    pieces.push({ text, ...(block ? { block: true } : {}) });
    block = false;
  }
  return { title: decodeEntities(title).trim(), pieces };
}
