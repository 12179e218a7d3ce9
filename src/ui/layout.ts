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

export function computeLayout(columns: number, rows: number): Layout {
  const width = Math.max(20, Math.floor(columns) || 80);
  const height = Math.max(4, (Math.floor(rows) || 24) - 1);
  const tiny = height < 12;
  const headerHeight = tiny ? 1 : 2;
  const footerHeight = tiny ? 1 : 2;
  const body = height - headerHeight - footerHeight;
  // The list gets about a quarter of the body: enough context to see where one is,
  // while the selected segment's texts (what the translator reads) get the rest.
  const listHeight = Math.max(1, Math.min(12, Math.floor(body / 4)));
  const separatorHeight = body >= 3 ? 1 : 0;
  const detailHeight = Math.max(0, body - listHeight - separatorHeight);
  const mode = width >= SIDE_BY_SIDE_MIN_COLUMNS ? 'sideBySide' : 'stacked';
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
