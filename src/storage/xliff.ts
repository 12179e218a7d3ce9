/**
 * XLIFF 1.2 and 2.1: pure serialise and parse of the files agencies send and return.
 *
 * One `<file>` per article. The article id is the file's `original` attribute (both versions), the
 * origin URL a file-level note in the category `verso:origin`. One unit per segment, keyed by the
 * segment key, carrying the source text, the current target and its status:
 *
 * | verso        | XLIFF 1.2 (`<target state>`)                      | XLIFF 2.x (`<segment state/subState>`) |
 * | ------------ | ------------------------------------------------- | -------------------------------------- |
 * | untranslated | no text, `needs-translation`                      | `initial`, no target                   |
 * | machine      | `needs-review-translation` + `leveraged-mt`       | `translated` + `verso:machine`         |
 * | draft        | `translated`                                      | `translated`                           |
 * | approved     | `final` and `approved="yes"` on the unit          | `final`                                |
 * | stale        | `needs-review-translation` (+ note with old source)| `translated` + `verso:stale`          |
 *
 * Reading is more lenient than writing, because the file comes back from another tool: `signed-off`
 * counts as approved, `new`/`needs-translation` as untranslated, other `needs-review-*` and `reviewed`
 * as draft (only an explicit final state approves), `mt-suggestion` like `leveraged-mt`. Stale never
 * comes back: it is derived by verso from the source hash, not something a file can assert.
 *
 * Characters XML 1.0 forbids are never written: XLIFF 2 encodes them as `<cp hex>`, XLIFF 1.2 as
 * a `<ph ctype="x-verso-cp">` placeholder holding the hex code; both are decoded on reading. In
 * attributes and notes, where no element can stand, they become U+FFFD.
 */
import type { Lang, SegmentStatus } from '../core/model.js';
import {
  XML_DECLARATION,
  XmlSyntaxError,
  childElements,
  codeUnitHex,
  element,
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

export type XliffVersion = '1.2' | '2.1';

export const XLIFF_12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
/** XLIFF 2.0 and 2.1 share one namespace; the `version` attribute tells them apart. */
export const XLIFF_2_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** Note category (1.2: `from`) of notes verso writes for information and ignores on reading. */
export const VERSO_NOTE = 'verso';
/** Note category of the file-level note holding the article's origin URL. */
export const ORIGIN_NOTE = 'verso:origin';

export interface XliffNote {
  text: string;
  /** Author or category (1.2 `from`, 2.x `category`), when the file gives one. */
  from?: string;
}

export interface XliffUnit {
  /** The segment key (`p1`…): unit id in both versions. */
  key: string;
  source: string;
  /** The translation; null when there is none. */
  target: string | null;
  /** Written from the derived status; read back as a stored status (never `stale`). */
  status: SegmentStatus;
  /** What kind of unit the segment is (heading, caption…): context for the translator. */
  kind?: string;
  /** For stale units: the source text the translation was made from (written as a verso note). */
  previousSource?: string;
  /** Notes for translators and from them. Verso's own informational notes are not included. */
  notes: XliffNote[];
}

export interface XliffFile {
  articleId: string;
  originUrl: string | null;
  units: XliffUnit[];
}

export interface XliffDocument {
  sourceLang: Lang;
  targetLang: Lang;
  files: XliffFile[];
}

/** A file that is well-formed XML but not XLIFF verso can read. */
export class XliffFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'XliffFormatError';
  }
}

export interface SerializeXliffOptions {
  version: XliffVersion;
  /** Written as the tool version; keeps output reproducible when omitted. */
  toolVersion?: string;
}

// ---------------------------------------------------------------------------------------------
// Serialising
// ---------------------------------------------------------------------------------------------

/** XML content for segment text, encoding forbidden characters the version's way. */
function inlineText(text: string, version: XliffVersion): string {
  let cp = 0;
  return splitIllegalXmlChars(text)
    .map((part) => {
      if ('text' in part) return escapeText(part.text);
      const hex = codeUnitHex(part.illegal);
      if (version === '2.1') return element('cp', { hex });
      cp += 1;
      return element('ph', { id: `verso-cp${cp}`, ctype: 'x-verso-cp' }, hex);
    })
    .join('');
}

const NMTOKEN = /^[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}:._\-·]+$/u;

function checkKey(key: string): void {
  if (!NMTOKEN.test(key)) throw new XliffFormatError(`segment key "${key}" cannot be an XLIFF unit id`);
}

function stateAttrs12(unit: XliffUnit): { state: string; qualifier?: string } {
  switch (unit.status) {
    case 'untranslated':
      return { state: 'needs-translation' };
    case 'machine':
      return { state: 'needs-review-translation', qualifier: 'leveraged-mt' };
    case 'draft':
      return { state: 'translated' };
    case 'approved':
      return { state: 'final' };
    case 'stale':
      return { state: 'needs-review-translation' };
  }
}

function stateAttrs2(unit: XliffUnit): { state: string; subState?: string } {
  switch (unit.status) {
    case 'untranslated':
      return { state: 'initial' };
    case 'machine':
      return { state: 'translated', subState: 'verso:machine' };
    case 'draft':
      return { state: 'translated' };
    case 'approved':
      return { state: 'final' };
    case 'stale':
      return { state: 'translated', subState: 'verso:stale' };
  }
}

/** Verso's informational notes for a unit: written, never read back. */
function versoNotes(unit: XliffUnit): string[] {
  const notes: string[] = [];
  if (unit.status === 'stale' && unit.previousSource !== undefined) {
    notes.push(`The source changed since this translation was made. Previous source: ${unit.previousSource}`);
  }
  return notes;
}

function noteText(text: string): string {
  return escapeText(replaceIllegalXmlChars(text));
}

function hasTarget(unit: XliffUnit): boolean {
  return unit.status !== 'untranslated' && unit.target !== null;
}

function unit12(unit: XliffUnit, indent: string): string {
  checkKey(unit.key);
  const { state, qualifier } = stateAttrs12(unit);
  const target = hasTarget(unit) ? unit.target! : '';
  const lines = [
    `${indent}<trans-unit${renderUnitAttrs12(unit)}>`,
    `${indent}  <source>${inlineText(unit.source, '1.2')}</source>`,
    `${indent}  <target state="${state}"${qualifier ? ` state-qualifier="${qualifier}"` : ''}>${inlineText(target, '1.2')}</target>`,
    ...versoNotes(unit).map((n) => `${indent}  <note from="${VERSO_NOTE}">${noteText(n)}</note>`),
    ...unit.notes.map(
      (n) => `${indent}  ${n.from !== undefined ? `<note from="${escapeAttr(n.from)}">` : '<note>'}${noteText(n.text)}</note>`,
    ),
    `${indent}</trans-unit>`,
  ];
  return lines.join('\n');
}

function renderUnitAttrs12(unit: XliffUnit): string {
  const approved = unit.status === 'approved' && hasTarget(unit) ? ' approved="yes"' : '';
  const restype = unit.kind !== undefined && /^[a-z]+$/.test(unit.kind) ? ` restype="x-verso-${unit.kind}"` : '';
  return ` id="${escapeAttr(unit.key)}" resname="${escapeAttr(unit.key)}"${restype}${approved} xml:space="preserve"`;
}

function serialize12(doc: XliffDocument, options: SerializeXliffOptions): string {
  const out = [XML_DECLARATION, `<xliff version="1.2" xmlns="${XLIFF_12_NS}">`];
  for (const file of doc.files) {
    out.push(
      `  ${element('file', {
        original: file.articleId,
        'source-language': doc.sourceLang,
        'target-language': doc.targetLang,
        datatype: 'plaintext',
        'tool-id': 'verso',
      }).replace('/>', '>')}`,
    );
    out.push('    <header>');
    out.push(`      ${element('tool', { 'tool-id': 'verso', 'tool-name': 'verso', 'tool-version': options.toolVersion })}`);
    if (file.originUrl !== null) out.push(`      <note from="${ORIGIN_NOTE}">${noteText(file.originUrl)}</note>`);
    out.push('    </header>');
    out.push('    <body>');
    for (const unit of file.units) out.push(unit12(unit, '      '));
    out.push('    </body>');
    out.push('  </file>');
  }
  out.push('</xliff>');
  return out.join('\n') + '\n';
}

function unit2(unit: XliffUnit, indent: string): string {
  checkKey(unit.key);
  const { state, subState } = stateAttrs2(unit);
  const notes = [
    ...versoNotes(unit).map((n) => `<note category="${VERSO_NOTE}">${noteText(n)}</note>`),
    ...unit.notes.map((n) => `${n.from !== undefined ? `<note category="${escapeAttr(n.from)}">` : '<note>'}${noteText(n.text)}</note>`),
  ];
  const type = unit.kind !== undefined && /^[a-z]+$/.test(unit.kind) ? ` type="verso:${unit.kind}"` : '';
  const lines = [`${indent}<unit id="${escapeAttr(unit.key)}" name="${escapeAttr(unit.key)}"${type} xml:space="preserve">`];
  if (notes.length > 0) {
    lines.push(`${indent}  <notes>`, ...notes.map((n) => `${indent}    ${n}`), `${indent}  </notes>`);
  }
  lines.push(`${indent}  <segment state="${state}"${subState ? ` subState="${subState}"` : ''}>`);
  lines.push(`${indent}    <source>${inlineText(unit.source, '2.1')}</source>`);
  if (hasTarget(unit)) lines.push(`${indent}    <target>${inlineText(unit.target!, '2.1')}</target>`);
  lines.push(`${indent}  </segment>`, `${indent}</unit>`);
  return lines.join('\n');
}

function serialize2(doc: XliffDocument): string {
  const out = [
    XML_DECLARATION,
    `<xliff xmlns="${XLIFF_2_NS}" version="2.1" srcLang="${escapeAttr(doc.sourceLang)}" trgLang="${escapeAttr(doc.targetLang)}">`,
  ];
  doc.files.forEach((file, i) => {
    // XLIFF 2 requires at least one unit per file; an article with nothing to translate is left out.
    if (file.units.length === 0) return;
    out.push(`  <file id="f${i + 1}" original="${escapeAttr(file.articleId)}" canResegment="no">`);
    if (file.originUrl !== null) {
      out.push('    <notes>', `      <note category="${ORIGIN_NOTE}">${noteText(file.originUrl)}</note>`, '    </notes>');
    }
    for (const unit of file.units) out.push(unit2(unit, '    '));
    out.push('  </file>');
  });
  out.push('</xliff>');
  return out.join('\n') + '\n';
}

/** The XLIFF text for a document, in the requested version. Deterministic for equal input. */
export function serializeXliff(doc: XliffDocument, options: SerializeXliffOptions): string {
  return options.version === '1.2' ? serialize12(doc, options) : serialize2(doc);
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

export interface ParsedXliff extends XliffDocument {
  /** The `version` attribute as written (`1.2`, `2.0`, `2.1`…). */
  version: string;
}

/** Text of a `<source>`/`<target>`, decoding verso's code-point placeholders and flattening markup. */
function inlineContent(el: XmlElement, where: string): string {
  let out = '';
  for (const child of el.children) {
    if (typeof child === 'string') {
      out += child;
      continue;
    }
    const name = localName(child.name);
    if (name === 'cp') {
      out += String.fromCharCode(parseInt(child.attrs.hex ?? '', 16));
    } else if (name === 'ph' && child.attrs.ctype === 'x-verso-cp') {
      out += String.fromCharCode(parseInt(textContent(child), 16));
    } else if (name === 'g' || name === 'mrk' || name === 'pc') {
      // Formatting and annotation wrappers: the text inside is the text.
      out += inlineContent(child, where);
    } else if (name === 'sm' || name === 'em') {
      // Empty annotation markers carry no text.
    } else {
      const equiv = child.attrs['equiv-text'] ?? child.attrs.equiv ?? child.attrs.disp;
      if (equiv !== undefined) {
        out += equiv;
      } else {
        throw new XliffFormatError(
          `${where}: inline code <${child.name}> has no text equivalent; verso articles are plain text`,
        );
      }
    }
  }
  return out;
}

function userNotes(notes: XmlElement[], categoryAttr: 'from' | 'category'): XliffNote[] {
  return notes
    .filter((n) => {
      const c = n.attrs[categoryAttr];
      return c === undefined || (c !== VERSO_NOTE && !c.startsWith('verso:'));
    })
    .map((n) => {
      const from = n.attrs[categoryAttr];
      return from === undefined ? { text: textContent(n) } : { text: textContent(n), from };
    });
}

function originOf(notes: XmlElement[], categoryAttr: 'from' | 'category'): string | null {
  const note = notes.find((n) => n.attrs[categoryAttr] === ORIGIN_NOTE);
  return note ? textContent(note) : null;
}

const MT_QUALIFIERS = new Set(['leveraged-mt', 'mt-suggestion']);

/** XLIFF 1.2 state (and approval flag) → verso's stored status. */
export function statusFrom12(state: string | undefined, qualifier: string | undefined, approved: boolean, target: string): SegmentStatus {
  if (target === '') return 'untranslated';
  if (approved || state === 'final' || state === 'signed-off') return 'approved';
  if (qualifier !== undefined && MT_QUALIFIERS.has(qualifier)) return 'machine';
  if (state === 'new' || state === 'needs-translation' || state === 'needs-adaptation' || state === 'needs-l10n') {
    return 'untranslated';
  }
  return 'draft';
}

/** XLIFF 2.x state/subState → verso's stored status. */
export function statusFrom2(state: string | undefined, subState: string | undefined, target: string): SegmentStatus {
  if (target === '') return 'untranslated';
  if (subState === 'verso:machine') return 'machine';
  switch (state ?? 'initial') {
    case 'final':
      return 'approved';
    case 'translated':
    case 'reviewed':
      return 'draft';
    default:
      return 'untranslated';
  }
}

function collectUnits12(body: XmlElement, into: XmlElement[]): void {
  for (const child of childElements(body)) {
    const name = localName(child.name);
    if (name === 'trans-unit') into.push(child);
    else if (name === 'group') collectUnits12(child, into);
  }
}

function parse12(root: XmlElement): ParsedXliff {
  const files = childElements(root, 'file');
  if (files.length === 0) throw new XliffFormatError('XLIFF 1.2 document has no <file>');
  let sourceLang: string | undefined;
  let targetLang: string | undefined;
  const out: XliffFile[] = files.map((file, index) => {
    const where = `<file> #${index + 1}`;
    const articleId = file.attrs.original;
    if (!articleId) throw new XliffFormatError(`${where} has no "original" attribute (the article id)`);
    const src = file.attrs['source-language'];
    const trg = file.attrs['target-language'];
    if (!src || !trg) throw new XliffFormatError(`${where} (${articleId}) needs source-language and target-language`);
    if ((sourceLang !== undefined && src !== sourceLang) || (targetLang !== undefined && trg !== targetLang)) {
      throw new XliffFormatError(`${where} (${articleId}) has languages ${src}→${trg}, unlike the files before it`);
    }
    sourceLang = src;
    targetLang = trg;
    const header = firstChild(file, 'header');
    const originUrl = header ? originOf(childElements(header, 'note'), 'from') : null;
    const body = firstChild(file, 'body');
    const units: XmlElement[] = [];
    if (body) collectUnits12(body, units);
    return {
      articleId,
      originUrl,
      units: units.map((tu) => {
        const key = tu.attrs.id ?? '';
        const at = `${articleId} unit ${key}`;
        const sourceEl = firstChild(tu, 'source');
        if (!sourceEl) throw new XliffFormatError(`${at} has no <source>`);
        const targetEl = firstChild(tu, 'target');
        const target = targetEl ? inlineContent(targetEl, at) : '';
        const status = statusFrom12(targetEl?.attrs.state, targetEl?.attrs['state-qualifier'], tu.attrs.approved === 'yes', target);
        const kind = /^x-verso-([a-z]+)$/.exec(tu.attrs.restype ?? '')?.[1];
        return {
          key,
          source: inlineContent(sourceEl, at),
          target: status === 'untranslated' ? null : target,
          status,
          ...(kind !== undefined ? { kind } : {}),
          notes: userNotes(childElements(tu, 'note'), 'from'),
        };
      }),
    };
  });
  return { version: root.attrs.version ?? '1.2', sourceLang: sourceLang!, targetLang: targetLang!, files: out };
}

function collectUnits2(container: XmlElement, into: XmlElement[]): void {
  for (const child of childElements(container)) {
    const name = localName(child.name);
    if (name === 'unit') into.push(child);
    else if (name === 'group') collectUnits2(child, into);
  }
}

function parse2(root: XmlElement): ParsedXliff {
  const sourceLang = root.attrs.srcLang;
  const targetLang = root.attrs.trgLang;
  if (!sourceLang || !targetLang) throw new XliffFormatError('XLIFF 2 document needs srcLang and trgLang on <xliff>');
  const files = childElements(root, 'file');
  if (files.length === 0) throw new XliffFormatError('XLIFF 2 document has no <file>');
  const out: XliffFile[] = files.map((file, index) => {
    const articleId = file.attrs.original;
    if (!articleId) throw new XliffFormatError(`<file id="${file.attrs.id ?? index + 1}"> has no "original" attribute (the article id)`);
    const fileNotes = firstChild(file, 'notes');
    const originUrl = fileNotes ? originOf(childElements(fileNotes, 'note'), 'category') : null;
    const units: XmlElement[] = [];
    collectUnits2(file, units);
    return {
      articleId,
      originUrl,
      units: units.map((unit) => {
        const key = unit.attrs.id ?? '';
        const at = `${articleId} unit ${key}`;
        // A tool may have split the unit into several segments (or added ignorables): the
        // paragraph is their concatenation. The status is the least advanced of the segments.
        const parts = childElements(unit).filter((c) => ['segment', 'ignorable'].includes(localName(c.name)));
        const segments = parts.filter((c) => localName(c.name) === 'segment');
        if (segments.length === 0) throw new XliffFormatError(`${at} has no <segment>`);
        let source = '';
        let target = '';
        for (const part of parts) {
          const s = firstChild(part, 'source');
          if (!s) throw new XliffFormatError(`${at} has a segment without <source>`);
          source += inlineContent(s, at);
          const t = firstChild(part, 'target');
          // An ignorable without a target stands for itself (whitespace between segments).
          target += t ? inlineContent(t, at) : localName(part.name) === 'ignorable' ? inlineContent(s, at) : '';
        }
        const statuses = segments.map((s) => statusFrom2(s.attrs.state, s.attrs.subState, firstChild(s, 'target') ? 'x' : ''));
        const rank: SegmentStatus[] = ['untranslated', 'machine', 'draft', 'approved'];
        const status = statuses.reduce((a, b) => (rank.indexOf(a) <= rank.indexOf(b) ? a : b));
        const finalStatus = target === '' ? 'untranslated' : status;
        const notesEl = firstChild(unit, 'notes');
        const kind = /^verso:([a-z]+)$/.exec(unit.attrs.type ?? '')?.[1];
        return {
          key,
          source,
          target: finalStatus === 'untranslated' ? null : target,
          status: finalStatus,
          ...(kind !== undefined ? { kind } : {}),
          notes: notesEl ? userNotes(childElements(notesEl, 'note'), 'category') : [],
        };
      }),
    };
  });
  return { version: root.attrs.version ?? '2.0', sourceLang, targetLang, files: out };
}

/** Reads an XLIFF 1.2 or 2.x document. Throws `XliffFormatError` (with line/column for bad XML). */
export function parseXliff(text: string): ParsedXliff {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new XliffFormatError(`not well-formed XML: ${error.message}`, error.line, error.column);
    throw error;
  }
  if (localName(root.name) !== 'xliff') throw new XliffFormatError(`root element is <${root.name}>, expected <xliff>`);
  const version = root.attrs.version ?? '';
  if (version.startsWith('1.')) return parse12(root);
  if (version.startsWith('2.')) return parse2(root);
  throw new XliffFormatError(`unsupported XLIFF version "${version}" (verso reads 1.2 and 2.x)`);
}
