/** Small printing helpers: aligned tables and safe one-line text. */
import { sanitizeLine } from '../core/text/sanitize.js';
import stringWidth from 'string-width';

export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows].map((r) => r.map((c) => sanitizeLine(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - stringWidth(c)))).join('  ').trimEnd();
  return `${[line(all[0]!), line(widths.map((w) => '─'.repeat(w))), ...all.slice(1).map(line)].join('\n')}\n`;
}

/** The first `n` characters of a text on one line, with an ellipsis when cut. */
export function preview(text: string, n = 60): string {
  const one = sanitizeLine(text);
  return one.length <= n ? one : `${one.slice(0, n - 1)}…`;
}
