/**
 * Choosing and building the machine-translation engine for `verso translate`.
 *
 * - `deepl` needs `DEEPL_AUTH_KEY` (from the environment only: it is never read from or written
 *   to a file). Its server URL comes from `DEEPL_SERVER_URL`, else the config. Glossary files
 *   named in the config are read and checked here, so a bad line is reported as `file:line`.
 * - `memory` is built from the approved translations of every article.
 * - `auto` (the default) is `deepl` when a key is set, `memory` otherwise, and says which.
 */
import { readImportedMemory } from '../storage/tmx-memory.js';
import { readTextFile } from '../storage/atomic.js';
import { FileProblemError } from '../storage/errors.js';
import { displayPath, resolveProjectFile, type Project } from '../storage/project.js';
import { listArticles, loadArticle, loadState } from '../storage/store.js';
import { DeepLEngine, type DeepLEngineOptions } from '../engines/deepl.js';
import { MemoryEngine, type MemoryEntry } from '../engines/memory.js';
import { makeGlossary, parseGlossaryTsv, type Glossary } from '../engines/glossary.js';
import type { TranslationEngine } from '../engines/types.js';
import { UserError } from './errors.js';

export type EngineChoice = 'auto' | 'deepl' | 'memory';

export interface EngineSelection {
  engine: TranslationEngine;
  /** Why this engine, for the user (e.g. "no DEEPL_AUTH_KEY set: using the translation memory"). */
  reason: string;
}

export interface EngineEnvironment {
  DEEPL_AUTH_KEY?: string;
  DEEPL_SERVER_URL?: string;
}

export interface DeepLTuning {
  /** Per-request attempts (deepl-node's maxRetries). */
  maxAttempts?: number;
  requestTimeoutMs?: number;
}

const MAX_GLOSSARY_BYTES = 4 * 1024 * 1024;

/** Reads the glossary files the config names, reporting every bad line with file:line:column. */
export async function loadGlossaries(project: Project): Promise<Glossary[]> {
  const out: Glossary[] = [];
  for (const [pair, file] of Object.entries(project.config.deepl.glossaries)) {
    const [sourceLang, targetLang] = pair.split('-') as [string, string];
    const path = await resolveProjectFile(project, file, `deepl.glossaries["${pair}"]`);
    const shown = displayPath(project, path);
    let text: string;
    try {
      text = await readTextFile(path, shown, MAX_GLOSSARY_BYTES);
    } catch (e) {
      if (e instanceof FileProblemError && e.message === 'no such file') {
        throw new UserError(`glossary file for ${pair} not found`, { file: shown, hint: `create it (one "source<TAB>target" a line) or remove deepl.glossaries["${pair}"] from verso.config.json` });
      }
      throw e;
    }
    const { entries, problems } = parseGlossaryTsv(text);
    if (problems.length > 0) {
      const first = problems[0]!;
      const more = problems.slice(1, 5).map((p) => `${shown}:${p.line}:${p.column}: ${p.message}`);
      throw new UserError(`${first.message}${more.length ? `\n  ${more.join('\n  ')}` : ''}${problems.length > 5 ? `\n  … and ${problems.length - 5} more` : ''}`, {
        file: shown,
        line: first.line,
        column: first.column,
        hint: 'each line is "source term<TAB>target term"; lines starting with # are comments',
      });
    }
    if (entries.length > 0) out.push(makeGlossary(sourceLang, targetLang, entries));
  }
  return out;
}

/**
 * Approved translations of every article into `targetLang`, newest first: the translation memory.
 * A stale approval still pairs the source text it was approved against with its translation.
 */
export async function loadMemoryEntries(project: Project, sourceLang: string, targetLang: string): Promise<MemoryEntry[]> {
  const found: (MemoryEntry & { at: string })[] = [];
  for (const id of await listArticles(project)) {
    const article = await loadArticle(project, id);
    if (article.sourceLang !== sourceLang) continue;
    const state = await loadState(project, id, targetLang);
    for (const segmentState of Object.values(state.segments)) {
      const approved = segmentState.approved;
      if (approved && approved.text.trim() !== '' && approved.sourceText.trim() !== '') {
        found.push({ source: approved.sourceText, target: approved.text, at: approved.at });
      }
    }
  }
  found.sort((a, b) => b.at.localeCompare(a.at));
  // Pairs imported from TMX (`verso import-tmx`) come after the project's own approvals, so an
  // approval made here wins over an outside memory for the same source.
  const imported = await readImportedMemory(project, sourceLang, targetLang);
  return [...found.map(({ source, target }) => ({ source, target })), ...imported.map(({ source, target }) => ({ source, target }))];
}

export async function selectEngine(project: Project, choice: EngineChoice, env: EngineEnvironment, tuning: DeepLTuning = {}): Promise<EngineSelection> {
  const key = env.DEEPL_AUTH_KEY?.trim() || undefined;
  const wanted = choice === 'auto' ? (project.config.engine === 'auto' ? (key ? 'deepl' : 'memory') : project.config.engine) : choice;
  if (wanted === 'memory') {
    const engine = new MemoryEngine({ load: (s, t) => loadMemoryEntries(project, s, t), threshold: project.config.memory.threshold });
    const reason =
      choice === 'memory' || project.config.engine === 'memory'
        ? `engine: memory (matches of at least ${project.config.memory.threshold} % from approved translations)`
        : `engine: memory — no DEEPL_AUTH_KEY set, so matches of at least ${project.config.memory.threshold} % from approved translations are used`;
    return { engine, reason };
  }
  if (!key) {
    throw new UserError('the deepl engine needs a DeepL API key, and DEEPL_AUTH_KEY is not set', {
      hint: 'export DEEPL_AUTH_KEY=… (keys are read from the environment only), or use --engine memory',
    });
  }
  const serverUrl = env.DEEPL_SERVER_URL?.trim() || project.config.deepl.serverUrl || undefined;
  if (serverUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(serverUrl)) {
    throw new UserError(`DEEPL_SERVER_URL is not an http(s) URL: ${serverUrl}`, { hint: 'e.g. DEEPL_SERVER_URL=http://127.0.0.1:8787' });
  }
  const d = project.config.deepl;
  const options: DeepLEngineOptions = {
    authKey: key,
    ...(serverUrl ? { serverUrl } : {}),
    englishVariant: d.englishVariant === 'EN-US' ? 'en-US' : 'en-GB',
    portugueseVariant: d.portugueseVariant === 'PT-BR' ? 'pt-BR' : 'pt-PT',
    formality: d.formality,
    ...(d.modelType ? { modelType: d.modelType } : {}),
    glossaries: await loadGlossaries(project),
    ...(tuning.maxAttempts !== undefined ? { maxAttempts: tuning.maxAttempts } : {}),
    ...(tuning.requestTimeoutMs !== undefined ? { requestTimeoutMs: tuning.requestTimeoutMs } : {}),
  };
  return { engine: new DeepLEngine(options), reason: `engine: deepl${serverUrl ? ` at ${serverUrl}` : ''}` };
}
