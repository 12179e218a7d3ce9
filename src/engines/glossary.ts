/**
 * Glossary files: one per language pair, TSV with `source<TAB>target` per line (what DeepL's
 * v2 glossaries take). Parsing is pure and reports every problem with its line, so the caller can
 * show `file:line` for each; the content hash names the DeepL glossary so that the same file is
 * uploaded once and reused on every later run.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../core/model.js';

export interface GlossaryProblem {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
}

export interface Glossary {
  sourceLang: Lang;
  targetLang: Lang;
  /** Source term → target term, in file order. */
  entries: Array<[string, string]>;
  /** Hash of the normalised entries: the same terms always give the same hash. */
  hash: string;
}

/** Characters DeepL refuses in a glossary term (C0/C1 controls and Unicode line separators). */
const FORBIDDEN = /[\u0000-\u001f\u0080-\u009f\u2028\u2029]/;

export function parseGlossaryTsv(text: string): { entries: Array<[string, string]>; problems: GlossaryProblem[] } {
  const entries: Array<[string, string]> = [];
  const problems: GlossaryProblem[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (cells.length !== 2) {
      const column = cells.length < 2 ? raw.length + 1 : cells[0]!.length + cells[1]!.length + 2;
      problems.push({ line, column, message: cells.length < 2 ? 'expected "source<TAB>target": no tab found' : 'expected exactly one tab' });
      return;
    }
    const [source, target] = cells.map((c) => c.trim().normalize('NFC')) as [string, string];
    if (source === '' || target === '') {
      problems.push({ line, column: source === '' ? 1 : cells[0]!.length + 2, message: 'empty term' });
      return;
    }
    const badSource = FORBIDDEN.exec(cells[0]!);
    const badTarget = FORBIDDEN.exec(cells[1]!);
    const bad = badSource ?? badTarget;
    if (bad) {
      const column = badSource ? badSource.index + 1 : cells[0]!.length + 2 + badTarget!.index;
      problems.push({ line, column, message: `control character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} in a term` });
      return;
    }
    const previous = seen.get(source);
    if (previous !== undefined) {
      problems.push({ line, column: 1, message: `duplicate source term (first on line ${previous})` });
      return;
    }
    seen.set(source, line);
    entries.push([source, target]);
  });
  return { entries, problems };
}

export function glossaryHash(entries: ReadonlyArray<readonly [string, string]>): string {
  const canonical = entries.map(([s, t]) => `${s}\t${t}`).join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export function makeGlossary(sourceLang: Lang, targetLang: Lang, entries: Array<[string, string]>): Glossary {
  return { sourceLang, targetLang, entries, hash: glossaryHash(entries) };
}
