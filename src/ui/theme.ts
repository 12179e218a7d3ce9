/** Colours and emphasis of each visual role. Diffs also carry a non-colour cue (strike, underline). */
import type { TextProps } from 'ink';
import type { Role } from './view/lines.js';

export const THEME: Record<Role, TextProps> = {
  text: {},
  dim: { dimColor: true },
  label: { color: 'cyan', bold: true },
  key: { bold: true },
  // The selected row's source text in reverse video: one bar the eye finds in a long list.
  selected: { bold: true, inverse: true },
  origin: { color: 'magenta' },
  added: { color: 'green', underline: true },
  removed: { color: 'red', strikethrough: true },
  cursor: { inverse: true },
  notice: { color: 'cyan' },
  error: { color: 'red', bold: true },
  success: { color: 'green' },
  link: { color: 'blue', underline: true },
  match: { backgroundColor: 'yellow', color: 'black' },
  'status-untranslated': { color: 'red' },
  'status-machine': { color: 'cyan' },
  'status-draft': { color: 'yellow' },
  'status-approved': { color: 'green' },
  'status-stale': { color: 'magenta', bold: true },
};
