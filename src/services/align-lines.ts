/**
 * `verso align --lines`: two pre-segmented files, one unit per line, aligned into a ladder.
 * Reading and validating the files is here; the alignment itself is the pure core aligner.
 */
import { alignUnits, type Bead } from '../core/align/index.js';
import { readTextFile } from '../storage/atomic.js';
import { UserError } from './errors.js';

/** Books fit easily; anything larger is probably the wrong file. */
const MAX_LINES_FILE_BYTES = 64 * 1024 * 1024;

export interface AlignLinesOptions {
  sourceFile: string;
  targetFile: string;
  /** Optional machine translation of the source, one line per source line. */
  mtFile?: string;
}

export interface AlignLinesResult {
  source: string[];
  target: string[];
  beads: Bead[];
}

/** Splits a file into lines; a final newline does not make an extra empty unit. */
export function fileLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => l.normalize('NFC'));
}

export async function alignLineFiles(options: AlignLinesOptions): Promise<AlignLinesResult> {
  const source = fileLines(await readTextFile(options.sourceFile, options.sourceFile, MAX_LINES_FILE_BYTES));
  const target = fileLines(await readTextFile(options.targetFile, options.targetFile, MAX_LINES_FILE_BYTES));
  let sourceMt: string[] | undefined;
  if (options.mtFile) {
    sourceMt = fileLines(await readTextFile(options.mtFile, options.mtFile, MAX_LINES_FILE_BYTES));
    if (sourceMt.length !== source.length) {
      throw new UserError(`the machine translation has ${sourceMt.length} lines but the source has ${source.length}`, {
        file: options.mtFile,
        line: Math.min(sourceMt.length, source.length) + 1,
        hint: 'give one translated line per source line, in the same order',
      });
    }
  }
  return { source, target, beads: alignUnits(source, target, sourceMt ? { sourceMt } : {}) };
}
