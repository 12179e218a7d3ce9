/**
 * Where everything goes for a terminal size: one pure function, re-run on every resize.
 *
 * The frame is at most `rows - 1` tall: when Ink's live frame reaches the terminal's height, Ink 6
 * clears the screen and the scrollback on every render (shared/reference/ink-6.md). Below
 * SIDE_BY_SIDE_MIN_COLUMNS the source and target texts stack; from there on they sit side by side.
 */
export const SIDE_BY_SIDE_MIN_COLUMNS = 100;

export interface Layout {
  mode: 'stacked' | 'sideBySide';
  /** Columns the frame uses. */
  width: number;
  /** Rows of the whole frame (≤ rows - 1). */
  height: number;
  headerHeight: number;
  footerHeight: number;
  /** Rows of the segment list (one row per segment). */
  listHeight: number;
  /** The rule between list and details: 1 row, or 0 on a very small terminal. */
  separatorHeight: number;
  /** Rows of the selected segment's details (below the list and its separator); may be 0. */
  detailHeight: number;
  /** Text widths inside the details: one column when stacked, two when side by side. */
  columns: { left: number; right: number };
  /** Columns between the two detail columns (` │ `). */
  gutter: number;
}

/**
 * Rows the selected segment's details want, by mode: its title, the labels, a long news
 * paragraph (about 600 characters) on each side, and a finding or two. Side by side the source
 * and the target share these rows; stacked they follow each other, so they need more.
 */
export const DETAIL_ROWS_WANTED = { sideBySide: 16, stacked: 22 } as const;
/** On a tall terminal the details keep this share of the body (long or stale segments use it). */
const DETAIL_SHARE = 0.4;

/**
 * `listed`: how many segments the list has to show. When they are fewer than the rows the list
 * would get, the list takes just what it needs and the details get the rest (a 9-paragraph
 * article on a tall terminal shows its long segments whole instead of blank rows).
 */
export function computeLayout(columns: number, rows: number, listed = Number.POSITIVE_INFINITY): Layout {
  const width = Math.max(20, Math.floor(columns) || 80);
  const height = Math.max(4, (Math.floor(rows) || 24) - 1);
  const tiny = height < 12;
  const headerHeight = tiny ? 1 : 2;
  const footerHeight = tiny ? 1 : 2;
  const body = height - headerHeight - footerHeight;
  const mode = width >= SIDE_BY_SIDE_MIN_COLUMNS ? 'sideBySide' : 'stacked';
  const separatorHeight = body >= 3 ? 1 : 0;
  // The split depends on the terminal's size (and on how many segments are listed, when they are
  // fewer than the list's rows), never on the segment shown, so the list does not jump while the
  // translator steps through it. The details get the rows a long paragraph
  // needs (or their share of a tall terminal); the list gets every other row — a tall terminal
  // shows more segments — but never less than a quarter of the body, the context that says
  // where one is in the article. Whatever does not fit in the details scrolls (J/K).
  const rest = body - separatorHeight;
  const minList = Math.max(1, Math.floor(body / 4));
  const detailRows = Math.max(0, Math.min(rest - minList, Math.max(DETAIL_ROWS_WANTED[mode], Math.round(rest * DETAIL_SHARE))));
  const fullList = rest - detailRows;
  const listHeight = Math.max(1, Math.min(fullList, Math.floor(listed)));
  const detailHeight = detailRows + fullList - listHeight;
  const gutter = mode === 'sideBySide' ? 3 : 0;
  const left = mode === 'sideBySide' ? Math.floor((width - gutter) / 2) : width;
  const right = mode === 'sideBySide' ? width - gutter - left : width;
  return { mode, width, height, headerHeight, footerHeight, listHeight, separatorHeight, detailHeight, columns: { left, right }, gutter };
}

/**
 * The first list row to show so that the selection stays visible, moving the window as little
 * as possible from where it was (the list does not jump while the translator steps through it).
 */
export function scrollWindow(previousTop: number, cursor: number, count: number, height: number): number {
  if (count <= height) return 0;
  let top = Math.max(0, Math.min(previousTop, count - height));
  if (cursor < top) top = cursor;
  else if (cursor >= top + height) top = cursor - height + 1;
  return top;
}
