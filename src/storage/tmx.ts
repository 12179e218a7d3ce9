/**
 * TMX 1.4b: pure serialise and parse of translation memories.
 *
 * One `<tu>` per source segment, with a `<tuv>` for the source and one per target language.
 * Where a pair came from travels as `<prop>`s on the unit: `x-verso-origin` (the article's origin
 * URL), `x-verso-article` and `x-verso-key`. TMX 1.4b has no way to escape characters XML forbids,
 * so they are written as `<ph type="x-verso-cp">HEX</ph>` and decoded again on reading.
 */
import type { Lang } from '../core/model.js';
import {
  XML_DECLARATION,
  XmlSyntaxError,
  childElements,
  codeUnitHex,
  escapeAttr,
  escapeText,
  firstChild,
  localName,
  parseXml,
  replaceIllegalXmlChars,
  splitIllegalXmlChars,
  textContent,
  type XmlElement,
} from './xliff-xml.js';

/** Property types verso writes on each unit. TMX reserves the `x-` prefix for user-defined types. */
export const TMX_PROP_ORIGIN = 'x-verso-origin';
export const TMX_PROP_ARTICLE = 'x-verso-article';
export const TMX_PROP_KEY = 'x-verso-key';

export interface TmxVariant {
  lang: Lang;
  text: string;
  /** ISO timestamp of the last change (TMX `changedate`). */
  changedAt?: string;
  /** Who changed it (TMX `changeid`). */
  changedBy?: string;
}

export interface TmxProp {
  type: string;
  value: string;
}

export interface TmxUnit {
  tuid?: string;
  props: TmxProp[];
  notes: string[];
  /** The source variant first, then targets. */
  variants: TmxVariant[];
}

export interface TmxDocument {
  sourceLang: Lang;
  units: TmxUnit[];
}

export class TmxFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TmxFormatError';
  }
}

/** ISO 8601 → TMX's basic format `YYYYMMDDThhmmssZ` (UTC). Returns undefined for unparsable dates. */
export function toTmxDate(iso: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TMX `YYYYMMDDThhmmssZ` → ISO 8601, or undefined when the value is not in that format. */
export function fromTmxDate(tmx: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(tmx);
  if (!m) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}

function segContent(text: string): string {
  return splitIllegalXmlChars(text)
    .map((part) => ('text' in part ? escapeText(part.text) : `<ph type="x-verso-cp">${codeUnitHex(part.illegal)}</ph>`))
    .join('');
}

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeAttr(value)}"`;
}

export interface SerializeTmxOptions {
  toolVersion: string;
}

/** The TMX text for a memory. Deterministic for equal input. */
export function serializeTmx(doc: TmxDocument, options: SerializeTmxOptions): string {
  const out = [
    XML_DECLARATION,
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="verso"${attr('creationtoolversion', options.toolVersion)} segtype="paragraph" o-tmf="verso" adminlang="en"${attr('srclang', doc.sourceLang)} datatype="plaintext"/>`,
    '  <body>',
  ];
  for (const unit of doc.units) {
    out.push(`    <tu${attr('tuid', unit.tuid === undefined ? undefined : replaceIllegalXmlChars(unit.tuid))}>`);
    for (const note of unit.notes) out.push(`      <note>${escapeText(note)}</note>`);
    for (const prop of unit.props) out.push(`      <prop${attr('type', prop.type)}>${escapeText(prop.value)}</prop>`);
    for (const v of unit.variants) {
      const changed = v.changedAt === undefined ? undefined : toTmxDate(v.changedAt);
      out.push(
        `      <tuv${attr('xml:lang', v.lang)}${attr('changedate', changed)}${attr('changeid', v.changedBy)}><seg>${segContent(v.text)}</seg></tuv>`,
      );
    }
    out.push('    </tu>');
  }
  out.push('  </body>', '</tmx>');
  return out.join('\n') + '\n';
}

function segText(seg: XmlElement, where: string): string {
  let out = '';
  for (const child of seg.children) {
    if (typeof child === 'string') {
      out += child;
      continue;
    }
    const name = localName(child.name);
    if (name === 'ph' && child.attrs.type === 'x-verso-cp') {
      out += String.fromCharCode(parseInt(textContent(child), 16));
    } else if (name === 'hi') {
      out += segText(child, where);
    } else {
      // bpt/ept/it/ph/ut hold native codes (formatting of the tool that made the memory): they
      // are not text and are left out.
      continue;
    }
  }
  return out;
}

/** Reads a TMX 1.x document. Throws `TmxFormatError` (with line/column for bad XML). */
export function parseTmx(text: string): TmxDocument {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new TmxFormatError(`not well-formed XML: ${error.message}`, error.line, error.column);
    throw error;
  }
  if (localName(root.name) !== 'tmx') throw new TmxFormatError(`root element is <${root.name}>, expected <tmx>`);
  const header = firstChild(root, 'header');
  const sourceLang = header?.attrs.srclang;
  if (!sourceLang) throw new TmxFormatError('<header> has no srclang');
  const body = firstChild(root, 'body');
  const units: TmxUnit[] = (body ? childElements(body, 'tu') : []).map((tu, index) => {
    const where = `<tu> #${index + 1}${tu.attrs.tuid ? ` (${tu.attrs.tuid})` : ''}`;
    const variants = childElements(tu, 'tuv').map((tuv): TmxVariant => {
      const lang = tuv.attrs['xml:lang'] ?? tuv.attrs.lang;
      if (!lang) throw new TmxFormatError(`${where}: <tuv> without xml:lang`);
      const seg = firstChild(tuv, 'seg');
      if (!seg) throw new TmxFormatError(`${where}: <tuv xml:lang="${lang}"> without <seg>`);
      const variant: TmxVariant = { lang, text: segText(seg, where) };
      const changedAt = tuv.attrs.changedate === undefined ? undefined : fromTmxDate(tuv.attrs.changedate);
      if (changedAt !== undefined) variant.changedAt = changedAt;
      if (tuv.attrs.changeid !== undefined) variant.changedBy = tuv.attrs.changeid;
      return variant;
    });
    const unit: TmxUnit = {
      props: childElements(tu, 'prop').map((p) => ({ type: p.attrs.type ?? '', value: textContent(p) })),
      notes: childElements(tu, 'note').map(textContent),
      variants,
    };
    if (tu.attrs.tuid !== undefined) unit.tuid = tu.attrs.tuid;
    return unit;
  });
  return { sourceLang, units };
}

/** Language codes compare case-insensitively in TMX (`EN-us` = `en-US`). */
export function sameLang(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The (source, target) pairs of a memory for one language pair. A target language given as a bare
 * code (`en`) also matches regional variants (`en-GB`), as memories from other tools often use them.
 */
export function tmxPairs(doc: TmxDocument, sourceLang: Lang, targetLang: Lang): Array<{ unit: TmxUnit; source: TmxVariant; target: TmxVariant }> {
  const pairs: Array<{ unit: TmxUnit; source: TmxVariant; target: TmxVariant }> = [];
  const matches = (lang: string, want: string) => sameLang(lang, want) || lang.toLowerCase().startsWith(`${want.toLowerCase()}-`);
  for (const unit of doc.units) {
    const source = unit.variants.find((v) => matches(v.lang, sourceLang));
    const target = unit.variants.find((v) => matches(v.lang, targetLang));
    if (source && target && source.text.trim() !== '' && target.text.trim() !== '') pairs.push({ unit, source, target });
  }
  return pairs;
}
