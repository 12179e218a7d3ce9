/**
 * `verso import-tmx <file>`: loads the pairs of a TMX memory into the project's translation
 * memory (`.verso/tm/<source>-<target>.json`, see `storage/tmx-memory.ts`), for every configured
 * target language the file has (or the ones asked for). Pairs already there are not added twice.
 * The file is fully read and checked before anything is written.
 */
import type { Project } from '../storage/project.js';
import { displayPath } from '../storage/project.js';
import { addImportedPairs, importedMemoryPath, type ImportedPair } from '../storage/tmx-memory.js';
import { parseTmx, tmxPairs, TmxFormatError, TMX_PROP_ORIGIN, type TmxDocument } from '../storage/tmx.js';
import { UserError } from './errors.js';
import { formatProblem } from './import-xliff.js';
import { resolveTargetLangs } from './scope.js';

export interface ImportTmxOptions {
  text: string;
  file: string;
  /** Target languages to take; all configured ones when empty. */
  targetLangs: readonly string[];
}

export interface ImportTmxLanguageReport {
  lang: string;
  pairs: number;
  added: number;
  /** Where the pairs are kept, relative to the project root. */
  memoryFile: string;
}

export interface ImportTmxResult {
  units: number;
  languages: ImportTmxLanguageReport[];
}

function parseOrExplain(text: string, file: string): TmxDocument {
  try {
    return parseTmx(text);
  } catch (error) {
    if (error instanceof TmxFormatError) throw formatProblem(error, file, 'check that the file is a complete TMX 1.4 memory');
    throw error;
  }
}

export async function importTmx(project: Project, options: ImportTmxOptions): Promise<ImportTmxResult> {
  const doc = parseOrExplain(options.text, options.file);
  const sourceLang = project.config.sourceLang;
  const langs = resolveTargetLangs(project, options.targetLangs);
  const perLang = langs.map((lang) => ({
    lang,
    pairs: tmxPairs(doc, sourceLang, lang).map(({ unit, source, target }): ImportedPair => {
      const origin = unit.props.find((p) => p.type === TMX_PROP_ORIGIN)?.value;
      return {
        source: source.text.normalize('NFC'),
        target: target.text.normalize('NFC'),
        ...(origin ? { origin } : {}),
        ...(target.changedBy ? { by: target.changedBy } : {}),
        ...(target.changedAt ? { at: target.changedAt } : {}),
      };
    }),
  }));
  if (perLang.every((l) => l.pairs.length === 0)) {
    const found = [...new Set(doc.units.flatMap((u) => u.variants.map((v) => v.lang)))].join(', ') || 'none';
    throw new UserError(`no ${sourceLang}→${langs.join('/')} pairs in this memory (languages found: ${found})`, {
      file: options.file,
      hint: `the project translates from ${sourceLang}; pass --to for another configured target language`,
    });
  }
  const languages: ImportTmxLanguageReport[] = [];
  for (const { lang, pairs } of perLang) {
    const added = pairs.length === 0 ? 0 : await addImportedPairs(project, sourceLang, lang, pairs);
    languages.push({ lang, pairs: pairs.length, added, memoryFile: displayPath(project, importedMemoryPath(project, sourceLang, lang)) });
  }
  return { units: doc.units.length, languages };
}
