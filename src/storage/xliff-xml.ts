/**
 * The small XML toolkit the interchange formats (XLIFF 1.2, XLIFF 2.1, TMX 1.4b) share:
 * a writer that escapes correctly and never emits a character XML 1.0 forbids, and a reader that
 * turns fast-xml-parser's ordered output into a plain element tree with entities decoded by us.
 *
 * Why decode entities ourselves: with entity processing on, fast-xml-parser leaves numeric
 * references (`&#13;`, `&#x1F600;`) undecoded, and it would also expand entities declared in a
 * DOCTYPE. We turn its entity processing off, decode the five predefined entities and numeric
 * references here, and reject anything else, so a file cannot smuggle in expansions.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { positionAt } from './json.js';

// ---------------------------------------------------------------------------------------------
// Characters XML 1.0 forbids
// ---------------------------------------------------------------------------------------------

/**
 * Characters that may not appear in an XML 1.0 document at all, not even as `&#…;` references:
 * C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF; and UTF-16
 * surrogate halves that are not part of a pair.
 */
const ILLEGAL_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasIllegalXmlChars(text: string): boolean {
  ILLEGAL_XML_CHAR.lastIndex = 0;
  return ILLEGAL_XML_CHAR.test(text);
}

/** Hex of a forbidden character as four upper-case digits (every forbidden one is below U+10000). */
export function codeUnitHex(char: string): string {
  return char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Splits text into runs of writable text and single forbidden characters, so a format can encode
 * each forbidden character its own way (XLIFF 2 has `<cp hex>`, XLIFF 1.2 and TMX a placeholder).
 */
export function splitIllegalXmlChars(text: string): Array<{ text: string } | { illegal: string }> {
  const parts: Array<{ text: string } | { illegal: string }> = [];
  let last = 0;
  for (const m of text.matchAll(ILLEGAL_XML_CHAR)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ illegal: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Where no element can stand (attribute values, notes): forbidden characters become U+FFFD. */
export function replaceIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHAR, '\uFFFD');
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/**
 * Escapes character data. `>` is escaped too so `]]>` can never appear; `\r` becomes `&#13;`
 * because a parser would otherwise normalise it to `\n`. The caller must already have removed
 * forbidden characters (see `splitIllegalXmlChars`); any left over become U+FFFD rather than
 * producing a document no parser accepts.
 */
export function escapeText(text: string): string {
  return replaceIllegalXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes an attribute value for double quotes. Tab, line feed and carriage return are written as
 * references because attribute-value normalisation would turn them into plain spaces.
 */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

export type Attrs = Record<string, string | undefined>;

/** Renders ` name="value"` pairs in the given order, skipping undefined values. */
export function renderAttrs(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) out += ` ${name}="${escapeAttr(value)}"`;
  }
  return out;
}

/** `<name attrs>inner</name>`, or `<name attrs/>` when inner is empty. `inner` is already XML. */
export function element(name: string, attrs: Attrs, inner = ''): string {
  return inner === '' ? `<${name}${renderAttrs(attrs)}/>` : `<${name}${renderAttrs(attrs)}>${inner}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** A parsed element: local name (namespace prefix kept as written), attributes, ordered children. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** A malformed document: message plus 1-based line and column when the parser knows them. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes predefined entities and numeric character references; anything else is an error. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`unterminated entity reference "${whole}"`);
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const num = /^#x([0-9a-fA-F]+)$/.exec(name) ?? /^#([0-9]+)$/.exec(name);
    if (num) {
      const code = parseInt(num[1]!, name.startsWith('#x') ? 16 : 10);
      if (code > 0x10ffff) throw new XmlSyntaxError(`character reference "${whole}" is out of range`);
      return String.fromCodePoint(code);
    }
    throw new XmlSyntaxError(`unknown entity "${whole}" (only XML's predefined entities are accepted)`);
  });
}

type OrderedNode = Record<string, unknown>;

function toTree(nodes: OrderedNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const attrsRaw = (node[':@'] ?? {}) as Record<string, string>;
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@') continue;
      if (key === '#text') {
        out.push(decodeEntities(String(value)));
      } else if (key === '#cdata') {
        // CDATA content is literal: no entity decoding.
        const inner = value as OrderedNode[];
        out.push(inner.map((n) => String(n['#text'] ?? '')).join(''));
      } else if (key === '#comment' || key.startsWith('?') || key.startsWith('!')) {
        continue;
      } else {
        const attrs: Record<string, string> = {};
        for (const [a, v] of Object.entries(attrsRaw)) attrs[a] = decodeEntities(String(v));
        out.push({ name: key, attrs, children: toTree(value as OrderedNode[]) });
      }
    }
  }
  return out;
}

/**
 * Parses a document into its root element. Rejects malformed XML with the line and column the
 * validator reports. Namespace prefixes stay in names; callers compare local names (`localName`).
 */
export function parseXml(text: string): XmlElement {
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(verdict.err.msg);
    if (verdict.err.code === 'InvalidXml' && unclosed) {
      // The validator reports unclosed elements at 1:1; point at the end, where they are missing.
      const names = [...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`).join(', ');
      const end = positionAt(text, text.length);
      throw new XmlSyntaxError(`the document ends before these elements are closed: ${names}`, end.line, end.column);
    }
    throw new XmlSyntaxError(verdict.err.msg, verdict.err.line, verdict.err.col);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment',
    cdataPropName: '#cdata',
  });
  let nodes: XmlNode[];
  try {
    nodes = toTree(parser.parse(text) as OrderedNode[]);
  } catch (error) {
    if (error instanceof XmlSyntaxError && error.line === undefined) {
      // Point at the first occurrence of the offending reference so the user can find it.
      const ref = /"(&[^"]*)"/.exec(error.message)?.[1];
      const at = ref ? text.indexOf(ref) : -1;
      if (at >= 0) {
        const { line, column } = positionAt(text, at);
        throw new XmlSyntaxError(error.message, line, column);
      }
    }
    throw error instanceof Error ? new XmlSyntaxError(error.message) : error;
  }
  const roots = nodes.filter((n): n is XmlElement => typeof n !== 'string');
  if (roots.length !== 1) throw new XmlSyntaxError('expected exactly one root element');
  return roots[0]!;
}

/** Element name without its namespace prefix (`xlf:unit` → `unit`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || localName(c.name) === name),
  );
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return childElements(el, name)[0];
}

/** All text inside an element, depth first (used for notes and simple content). */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
