/**
 * Every key of the review workbench, in one table: command id, where it applies, default keys and
 * the (translated) description. The help overlay is drawn from this table, and components ask
 * "which command is this key?" — they never compare raw characters.
 */
import type { Key } from 'ink';

/** Where a key is read: the segment list, the inline editor, the search prompt, the picker. */
export type KeyContext = 'list' | 'editor' | 'search' | 'picker';

/** Named keys Ink reports as flags rather than as text. */
export type NamedKey =
  | 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end'
  | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

/** One key chord: either a named key or a typed character, with modifiers. */
export interface KeySpec {
  name?: NamedKey;
  /** A typed character (`j`, `G`, `?`); with `ctrl`, the letter of the chord (`s` for ctrl+s). */
  input?: string;
  ctrl?: boolean;
  meta?: boolean;
}

export interface Binding {
  command: CommandId;
  context: KeyContext;
  keys: KeySpec[];
  /** i18n key of the description shown in the help overlay. */
  description: string;
}

const LIST_COMMANDS = [
  'moveDown', 'moveUp', 'pageDown', 'pageUp', 'first', 'last', 'nextNeedsWork', 'prevNeedsWork',
  'approve', 'acceptMachine', 'edit', 'externalEdit', 'revertDraft', 'undo', 'toggleDiff',
  'cycleFilter', 'search', 'nextLanguage', 'scrollDetailDown', 'scrollDetailUp', 'help', 'quit',
] as const;
const EDITOR_COMMANDS = [
  'editorSave', 'editorCancel', 'editorNewline', 'editorLeft', 'editorRight', 'editorUp', 'editorDown',
  'editorHome', 'editorEnd', 'editorWordLeft', 'editorWordRight', 'editorBackspace', 'editorDelete',
  'editorDeleteWord', 'editorUndo', 'editorExternal',
] as const;
const SEARCH_COMMANDS = ['searchConfirm', 'searchCancel', 'searchBackspace', 'searchKeep'] as const;
const PICKER_COMMANDS = ['pickerOpen'] as const;

export const ALL_COMMANDS = [...LIST_COMMANDS, ...EDITOR_COMMANDS, ...SEARCH_COMMANDS, ...PICKER_COMMANDS] as const;
export type CommandId = (typeof ALL_COMMANDS)[number];

const k = (input: string, mods: Omit<KeySpec, 'input' | 'name'> = {}): KeySpec => ({ input, ...mods });
const named = (name: NamedKey, mods: Omit<KeySpec, 'input' | 'name'> = {}): KeySpec => ({ name, ...mods });
const bind = (command: CommandId, context: KeyContext, keys: KeySpec[]): Binding =>
  ({ command, context, keys, description: `command.${command}` });

export const BINDINGS: readonly Binding[] = [
  bind('moveDown', 'list', [named('down'), k('j')]),
  bind('moveUp', 'list', [named('up'), k('k')]),
  bind('pageDown', 'list', [named('pageDown'), k('f', { ctrl: true })]),
  bind('pageUp', 'list', [named('pageUp'), k('b', { ctrl: true })]),
  bind('first', 'list', [k('g'), named('home')]),
  bind('last', 'list', [k('G'), named('end')]),
  bind('nextNeedsWork', 'list', [k('n'), named('tab')]),
  bind('prevNeedsWork', 'list', [k('N')]),
  bind('approve', 'list', [named('return'), k('y')]),
  bind('acceptMachine', 'list', [k('a')]),
  bind('edit', 'list', [k('e')]),
  bind('externalEdit', 'list', [k('E')]),
  bind('revertDraft', 'list', [k('r')]),
  bind('undo', 'list', [k('u'), k('z', { ctrl: true })]),
  bind('toggleDiff', 'list', [k('d')]),
  bind('cycleFilter', 'list', [k('f')]),
  bind('search', 'list', [k('/')]),
  bind('nextLanguage', 'list', [k('l')]),
  bind('scrollDetailDown', 'list', [k('J'), k('d', { ctrl: true })]),
  bind('scrollDetailUp', 'list', [k('K'), k('u', { ctrl: true })]),
  bind('help', 'list', [k('?')]),
  bind('quit', 'list', [k('q'), k('c', { ctrl: true })]),

  // Leaving the editor keeps what was typed (undo takes it back): nothing typed is lost by a reflex Esc.
  bind('editorSave', 'editor', [named('escape'), k('s', { ctrl: true })]),
  bind('editorCancel', 'editor', [k('x', { ctrl: true })]),
  // Ctrl+J sends a bare line feed, which terminals keep apart from Enter (carriage return).
  bind('editorNewline', 'editor', [k('\n'), named('return')]),
  bind('editorLeft', 'editor', [named('left')]),
  bind('editorRight', 'editor', [named('right')]),
  bind('editorUp', 'editor', [named('up')]),
  bind('editorDown', 'editor', [named('down')]),
  bind('editorHome', 'editor', [named('home'), k('a', { ctrl: true })]),
  bind('editorEnd', 'editor', [named('end'), k('e', { ctrl: true })]),
  bind('editorWordLeft', 'editor', [named('left', { meta: true }), named('left', { ctrl: true }), k('b', { meta: true })]),
  bind('editorWordRight', 'editor', [named('right', { meta: true }), named('right', { ctrl: true }), k('f', { meta: true })]),
  bind('editorBackspace', 'editor', [named('backspace')]),
  bind('editorDelete', 'editor', [k('d', { ctrl: true })]),
  bind('editorDeleteWord', 'editor', [k('w', { ctrl: true }), named('backspace', { meta: true })]),
  bind('editorUndo', 'editor', [k('z', { ctrl: true })]),
  bind('editorExternal', 'editor', [k('o', { ctrl: true })]),

  bind('searchConfirm', 'search', [named('return')]),
  bind('searchCancel', 'search', [named('escape')]),
  bind('searchBackspace', 'search', [named('backspace')]),
  bind('searchKeep', 'search', [named('right')]),

  bind('pickerOpen', 'picker', [named('return')]),
];

const NAMED_FLAG: Record<NamedKey, keyof Key> = {
  up: 'upArrow', down: 'downArrow', left: 'leftArrow', right: 'rightArrow',
  pageUp: 'pageUp', pageDown: 'pageDown', home: 'home', end: 'end',
  return: 'return', escape: 'escape', tab: 'tab', backspace: 'backspace', delete: 'delete',
};

/** The named key Ink reported, if any. Backspace arrives as `delete` (\x7f) in most terminals. */
export function namedKeyOf(key: Key): NamedKey | undefined {
  if (key.backspace || key.delete) return 'backspace';
  for (const [name, flag] of Object.entries(NAMED_FLAG) as [NamedKey, keyof Key][]) {
    if (key[flag] === true) return name;
  }
  return undefined;
}

export function matchesKey(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.name !== undefined) {
    if (namedKeyOf(key) !== spec.name) return false;
    // Ink sets `meta` on a lone ESC: only the chord's modifiers that the spec names matter.
    if (spec.name === 'escape') return true;
    return (spec.ctrl ?? false) === key.ctrl && (spec.meta ?? false) === key.meta;
  }
  if (spec.input === undefined || input !== spec.input) return false;
  if ((spec.ctrl ?? false) !== key.ctrl) return false;
  return (spec.meta ?? false) === key.meta;
}

/** The command a key press means in a context, or undefined (plain text, an unbound key). */
export function commandFor(context: KeyContext, input: string, key: Key): CommandId | undefined {
  for (const binding of BINDINGS) {
    if (binding.context !== context) continue;
    if (binding.keys.some((spec) => matchesKey(spec, input, key))) return binding.command;
  }
  return undefined;
}

const LABEL: Record<NamedKey, string> = {
  up: '↑', down: '↓', left: '←', right: '→', pageUp: 'PgUp', pageDown: 'PgDn', home: 'Home', end: 'End',
  return: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace', delete: 'Delete',
};

/** How a chord is written in the help overlay: `ctrl+s`, `alt+←`, `G`, `Enter`. */
export function keyLabel(spec: KeySpec): string {
  const base = spec.name ? LABEL[spec.name] : spec.input === '\n' ? 'ctrl+j' : spec.input === ' ' ? 'Space' : (spec.input ?? '');
  return `${spec.ctrl && spec.input !== '\n' ? 'ctrl+' : ''}${spec.meta ? 'alt+' : ''}${base}`;
}
