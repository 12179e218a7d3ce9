/**
 * Every command verso has, in the order `verso --help` lists them: its name, the one line the
 * command list shows, and how to load it. A command's module (and everything it imports:
 * deepl-node, i18next, Ink…) is loaded only when that command runs or shows its own help, so
 * `verso --help` and `verso status` start without paying for the rest.
 * Adding a command is one entry here.
 */
import type { CommandSpec } from '../command.js';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CommandSpec>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', summary: 'create a verso project in the current directory', load: async () => (await import('./init.js')).initCommand },
  { name: 'import', summary: 'add or update originals (articles as received)', load: async () => (await import('./import.js')).importCommand },
  { name: 'segment', summary: 'show how a file would be split into segments (and sentences), without importing it', load: async () => (await import('./segment.js')).segmentCommand },
  { name: 'status', summary: 'completeness per article and language: approved / draft / machine / untranslated / stale', load: async () => (await import('./status.js')).statusCommand },
  { name: 'check', summary: 'the CI gate: untranslated, unapproved, stale and QA findings; exit 1 when a gate fails', load: async () => (await import('./check.js')).checkCommand },
  { name: 'qa', summary: 'QA checks: list them, or accept one finding for one segment (qa ignore)', load: async () => (await import('./qa.js')).qaCommand },
  { name: 'edit', summary: "set a segment's human draft (the review screen's edit, non-interactively)", load: async () => (await import('./edit.js')).editCommand },
  { name: 'approve', summary: "approve segments' drafts (the review screen's approve, non-interactively)", load: async () => (await import('./approve.js')).approveCommand },
  { name: 'revert', summary: "drop a segment's draft (or, with --approval, withdraw its approval)", load: async () => (await import('./revert.js')).revertCommand },
  { name: 'review', summary: 'the review workbench: a full-screen terminal UI to edit and approve translations', load: async () => (await import('./review.js')).reviewCommand },
  { name: 'diff', summary: 'the review screen’s diffs, printed: machine → human, and old → new source for stale segments', load: async () => (await import('./diff.js')).diffCommand },
  { name: 'translate', summary: 'machine-translate segments into the review state (never approved automatically)', load: async () => (await import('./translate.js')).translateCommand },
  { name: 'export', summary: 'export XLIFF (for CAT tools and agencies) or TMX (translation memory)', load: async () => (await import('./export.js')).exportCommand },
  { name: 'import-xliff', summary: 'take back an XLIFF file (1.2 or 2.x) into the review state', load: async () => (await import('./import-xliff.js')).importXliffCommand },
  { name: 'import-tmx', summary: 'load a TMX memory into the translation memory the memory engine uses', load: async () => (await import('./import-tmx.js')).importTmxCommand },
  { name: 'render', summary: 'the translated article, assembled through i18next, crediting its origin', load: async () => (await import('./render.js')).renderCommand },
  { name: 'merge-driver', summary: 'git merge driver: merges locale files and review state key by key', load: async () => (await import('./merge-driver.js')).mergeDriverCommand },
  { name: 'align', summary: 'line up a human translation (or the Vietnamese original) with the source segments', load: async () => (await import('./align.js')).alignCommand },
];
