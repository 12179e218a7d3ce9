/**
 * Where each key of a locale file is, and which keys it has twice.
 *
 * JSON.parse keeps the last of two equal keys without a word, and so does i18next, so a key
 * written twice (a hand merge, a copy-paste) publishes whichever comes last while the file
 * reads as if the first were live. The check reports such keys, and points every finding about a
 * key at the line that is published.
 *
 * Input is text that already parsed as a flat object of strings (locale-file.ts validates that),
 * so a string followed by `:` is always a key. verso writes one key a line, which is read line by
 * line; any other layout (a one-line file, two keys on a line) is read by a scan of the whole text.
 */

export interface DuplicateKey {
  key: string;
  /** The line of the occurrence that is published (the last one). */
  line: number;
  /** The lines of the earlier occurrences, which JSON.parse and i18next ignore. */
  shadowed: number[];
}

export interface LocaleKeyIndex {
  /** The line of each key; for a key written twice, the line of the last occurrence. */
  lines: Map<string, number>;
  /** Keys written more than once, in the order their second occurrence comes in the file. */
  duplicates: DuplicateKey[];
}

const KEY_LINE = /^\s*("(?:[^"\\]|\\.)*")\s*:/;
const STRUCTURE_LINE = /^\s*[{}]?\s*$/;

export function indexLocaleKeys(text: string): LocaleKeyIndex {
  return byLines(text) ?? byScan(text);
}

class Occurrences {
  private readonly lines = new Map<string, number>();
  /** Only for keys seen twice: most files have none, so no list per key. */
  private readonly shadowed = new Map<string, number[]>();

  add(key: string, line: number): void {
    const before = this.lines.get(key);
    if (before !== undefined) {
      const list = this.shadowed.get(key);
      if (list) list.push(before);
      else this.shadowed.set(key, [before]);
    }
    this.lines.set(key, line);
  }

  index(): LocaleKeyIndex {
    const duplicates = [...this.shadowed].map(([key, shadowed]) => ({ key, line: this.lines.get(key)!, shadowed }));
    return { lines: this.lines, duplicates };
  }
}

/** The file as verso writes it: every line a key, `{` or `}`. Null for any other layout. */
function byLines(text: string): LocaleKeyIndex | null {
  const found = new Occurrences();
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end < 0 ? undefined : end);
    const m = KEY_LINE.exec(content);
    if (m) {
      // The rest of the line must be the value alone: a second key on it needs the full scan.
      const rest = content.slice(m[0].length);
      if (rest.includes('":')) return null;
      found.add(JSON.parse(m[1]!) as string, line);
    } else if (!STRUCTURE_LINE.test(content)) {
      return null;
    }
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return found.index();
}

/** Any layout: every string followed by `:` (after white space) is a key. */
function byScan(text: string): LocaleKeyIndex {
  const found = new Occurrences();
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      continue;
    }
    if (c !== 0x22) continue;
    const start = i;
    let escaped = false;
    for (i++; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x5c) {
        escaped = true;
        i++;
      } else if (d === 0x22) {
        break;
      }
    }
    const end = i + 1;
    let j = end;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || text[j] === '\n')) j++;
    if (text.charCodeAt(j) === 0x3a) {
      const raw = text.slice(start, end);
      found.add(escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1), line);
    }
  }
  return found.index();
}
