/** The help overlay's lines, drawn from the bindings table (so it cannot drift from the keys). */
import { displayWidth } from '../../core/text/wrap.js';
import { BINDINGS, keyLabel, type KeyContext } from '../keys/bindings.js';
import type { Translate } from '../i18n/index.js';
import { fitLine, type Line } from './lines.js';

const SECTIONS: { context: KeyContext; title: string }[] = [
  { context: 'list', title: 'help.contextList' },
  { context: 'editor', title: 'help.contextEditor' },
  { context: 'search', title: 'help.contextSearch' },
];

export function helpLines(t: Translate, width: number): Line[] {
  const entries = SECTIONS.map(({ context, title }) => ({
    title: t(title),
    rows: BINDINGS.filter((b) => b.context === context).map((b) => ({ keys: b.keys.map(keyLabel).join(', '), description: t(b.description) })),
  }));
  const keyWidth = Math.min(24, Math.max(...entries.flatMap((e) => e.rows.map((r) => displayWidth(r.keys)))));
  const lines: Line[] = [fitLine([{ text: t('help.title'), style: 'label' }, { text: ` — ${t('help.close')}`, style: 'dim' }], width)];
  for (const entry of entries) {
    lines.push([], fitLine([{ text: entry.title, style: 'label' }], width));
    for (const row of entry.rows) {
      const pad = ' '.repeat(Math.max(1, keyWidth - displayWidth(row.keys) + 2));
      lines.push(fitLine([{ text: `  ${row.keys}`, style: 'key' }, { text: pad, style: 'text' }, { text: row.description, style: 'text' }], width));
    }
  }
  return lines;
}
