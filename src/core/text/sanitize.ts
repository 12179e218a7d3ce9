/**
 * Making untrusted text safe to show in a terminal.
 *
 * Article text, machine output and file names can carry control sequences: CSI (colours, cursor
 * moves), OSC (window title, clipboard via OSC 52, hyperlinks), their single-byte C1 forms
 * (U+009B CSI, U+009D OSC…), carriage returns and backspaces that overwrite what was printed,
 * and bidi overrides that reorder what the reader sees. Stripping "ANSI sequences" with a regex
 * misses the C1 forms, so the guarantee here is simpler and stronger: after removing the
 * sequences we recognise (so their parameters do not leak as junk), every remaining C0/C1 control
 * character and ESC is removed outright. Only `\n` survives, and tabs become spaces (a terminal
 * renders a tab as up to 8 columns, Ink counts it as 0).
 *
 * This is for the display copy only: stored text is never sanitised.
 */

// ESC-introduced sequences: CSI `ESC [ … final`, OSC/DCS/SOS/PM/APC `ESC ] … (BEL | ESC \)`,
// and two-character escapes `ESC X`. The same with their 8-bit C1 introducers.
const OSC_LIKE = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
const CSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
const ESC_PAIR = /\u001b[\u0020-\u007e]?/g;
// Every C0 control but \n (0x0A), DEL, and every C1 control.
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates, plus the invisible marks that can reorder text.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export interface SanitizeOptions {
  /** Keep line breaks (default true); when false they become spaces (one-line contexts). */
  keepNewlines?: boolean;
  /** Columns a tab becomes (default 4). */
  tabWidth?: number;
}

export function sanitizeForTerminal(text: string, options: SanitizeOptions = {}): string {
  const { keepNewlines = true, tabWidth = 4 } = options;
  let out = text.normalize('NFC').replace(/\r\n?/g, '\n');
  out = out.replace(/\t/g, ' '.repeat(tabWidth));
  out = out.replace(OSC_LIKE, '').replace(CSI, '').replace(ESC_PAIR, '');
  out = out.replace(CONTROLS, '').replace(BIDI, '');
  if (!keepNewlines) out = out.replace(/\n/g, ' ');
  return out;
}

/** One-line form for tables and single-line messages. */
export function sanitizeLine(text: string): string {
  return sanitizeForTerminal(text, { keepNewlines: false });
}
