/**
 * The article picker `verso review` shows when no article is named: every article with its
 * progress in the target language. Only the rows on screen are mounted.
 */
import { useCallback, useRef, useState } from 'react';
import { Box, useApp, useInput, type Key } from 'ink';
import { displayWidth } from '../../core/text/wrap.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { LinesView } from '../components/LineView.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import type { Translate } from '../i18n/index.js';
import { commandFor } from '../keys/bindings.js';
import { computeLayout, scrollWindow } from '../layout.js';
import { fitLine, type Line } from '../view/lines.js';

export interface PickerEntry {
  id: string;
  originUrl: string | null;
  approved: number;
  total: number;
}

export interface ArticlePickerProps {
  entries: readonly PickerEntry[];
  lang: string;
  t: Translate;
  onChoose: (id: string | null) => void;
}

const BAR = 10;

export function pickerLines(entries: readonly PickerEntry[], cursor: number, top: number, rows: number, width: number, t: Translate, lang: string): Line[] {
  const lines: Line[] = [fitLine([{ text: `${t('picker.title')} `, style: 'label' }, { text: t('header.to', { lang }), style: 'key' }], width)];
  if (entries.length === 0) return [...lines, [{ text: t('picker.none'), style: 'dim' }]];
  const idWidth = Math.max(...entries.map((e) => displayWidth(e.id)));
  for (let i = top; i < Math.min(entries.length, top + rows); i++) {
    const e = entries[i]!;
    const done = e.total === 0 ? BAR : Math.round((BAR * e.approved) / e.total);
    lines.push(fitLine([
      { text: i === cursor ? '▸ ' : '  ', style: 'selected' },
      { text: e.id.padEnd(idWidth), style: i === cursor ? 'selected' : 'key' },
      { text: '  ', style: 'text' },
      { text: '█'.repeat(done), style: 'status-approved' },
      { text: '░'.repeat(BAR - done), style: 'dim' },
      { text: ` ${t('picker.progress', { approved: e.approved, total: e.total })}  `, style: 'text' },
      { text: e.originUrl ? sanitizeLine(e.originUrl) : '', style: 'dim' },
    ], width));
  }
  return lines;
}

export function ArticlePicker({ entries, lang, t, onChoose }: ArticlePickerProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const layout = computeLayout(size.columns, size.rows);
  const rows = Math.max(1, layout.height - 3);
  const [cursor, setCursor] = useState(0);
  // Keys are handled against the latest cursor, not the one of the last render: `j` then Enter
  // typed faster than a frame must open the article the `j` selected.
  const cursorRef = useRef(0);
  const top = useRef(0);
  top.current = scrollWindow(top.current, cursor, entries.length, rows);

  const choose = useCallback((id: string | null) => {
    onChoose(id);
    exit();
  }, [onChoose, exit]);

  useInput((input: string, key: Key) => {
    const move = (to: number) => {
      cursorRef.current = Math.max(0, Math.min(entries.length - 1, to));
      setCursor(cursorRef.current);
    };
    const at = cursorRef.current;
    const picked = commandFor('picker', input, key);
    if (picked === 'pickerOpen' && entries[at]) return choose(entries[at]!.id);
    switch (commandFor('list', input, key)) {
      case 'moveDown': return move(at + 1);
      case 'moveUp': return move(at - 1);
      case 'pageDown': return move(at + rows);
      case 'pageUp': return move(at - rows);
      case 'first': return move(0);
      case 'last': return move(entries.length - 1);
      case 'quit': return choose(null);
      default: return undefined;
    }
  });

  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <LinesView lines={pickerLines(entries, cursor, top.current, rows, layout.width, t, lang)} />
      <Box flexGrow={1} />
      <LinesView lines={[fitLine([{ text: t('picker.hint'), style: 'dim' }], layout.width)]} />
    </Box>
  );
}
