/**
 * Terminal hyperlinks (OSC 8), built only from URLs we have parsed and re-serialised ourselves.
 * A link never comes through from data as an escape sequence: the origin URL is read as text,
 * validated here, and the sequence is written by us around a sanitised label.
 */
const ESC = '\u001b';

/** The URL in canonical form when it is a plain http(s) URL, else null. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  // `href` percent-encodes spaces and non-ASCII; anything outside printable ASCII left is refused.
  const href = url.href;
  return /^[\x21-\x7e]+$/.test(href) ? href : null;
}

/** `label` as a clickable link to `url` (already validated with safeHttpUrl). */
export function hyperlink(url: string, label: string): string {
  return `${ESC}]8;;${url}${ESC}\\${label}${ESC}]8;;${ESC}\\`;
}
