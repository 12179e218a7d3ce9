/**
 * Normalising text as received: BOM removed, CRLF/CR → LF, NFC (so decomposed Vietnamese
 * compares equal to precomposed), and Unicode line/paragraph separators treated as line ends.
 */
export function normalizeReceivedText(text: string): string {
  let out = text.startsWith('\ufeff') ? text.slice(1) : text;
  out = out.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  return out.normalize('NFC');
}

/** Collapses runs of horizontal white space (but not NBSP/NNBSP, which French typography uses) and trims. */
export function tidyLine(line: string): string {
  return line.replace(/[ \t\f\v]+/g, ' ').trim();
}
