/**
 * The whole review frame as lines: header, segment list, the selected segment's details, footer.
 * A pure function of the screen state and the terminal size, so it is tested without Ink and
 * costs the same for 10 segments or 10,000 (only the rows on screen are built).
 */
import type { SegmentStatus } from '../../core/model.js';
import type { QaFinding } from '../../core/qa/types.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { displayWidth, wrapText } from '../../core/text/wrap.js';
import type { WrapCache } from '../../core/text/wrapCache.js';
import { safeHttpUrl } from '../hyperlink.js';
import type { Translate } from '../i18n/index.js';
import type { Layout } from '../layout.js';
import type { SegmentView } from '../model/segmentView.js';
import { selectedKey, type ReviewScreenState, type SegmentRow } from '../state/reviewReducer.js';
import {
  editorBlock, fitLine, highlightMatches, listLine, padLine, sourceBlock, targetBlock, titleLine,
  type Line, type LineOptions, type Span,
} from './lines.js';

export interface ScreenInput {
  state: ReviewScreenState;
  layout: Layout;
  articleId: string;
  originUrl: string | null;
  /** The display view of a segment (built lazily by the caller and memoised). */
  viewOf: (key: string) => SegmentView;
  /** QA findings of a segment (empty when QA is off or not loaded yet). */
  qaOf?: (key: string) => readonly QaFinding[];
  /** First list row shown (kept by the caller between frames, see scrollWindow). */
  listTop: number;
  options: LineOptions;
  /** Memo of wrapped detail blocks, per (segment revision, width). */
  cache: WrapCache<Line[]>;
  /** UI language, part of the cache key (labels are inside the cached lines). */
  uiLanguage: string;
}

export interface Screen {
  header: Line[];
  list: Line[];
  separator: Line;
  detail: Line[];
  footer: Line[];
}

export function statusCounts(state: ReviewScreenState): Record<SegmentStatus, number> {
  const counts: Record<SegmentStatus, number> = { untranslated: 0, machine: 0, draft: 0, approved: 0, stale: 0 };
  for (const row of state.rows) counts[row.status]++;
  return counts;
}

function headerLines(input: ScreenInput, counts: Record<SegmentStatus, number>): Line[] {
  const { state, layout, options: { t } } = input;
  const width = layout.width;
  // Only the statuses present, most urgent last: "approved 1/9 · draft 1 · machine 2 · untranslated 5".
  const others: Span[] = (['draft', 'machine', 'untranslated', 'stale'] as const)
    .filter((status) => counts[status] > 0)
    .flatMap((status) => [{ text: ' · ', style: 'dim' as const }, { text: `${t(`status.${status}`)} ${counts[status]}`, style: `status-${status}` as const }]);
  const essentials: Span[] = [
    { text: input.articleId, style: 'key' },
    { text: ` ${t('header.to', { lang: state.lang })}`, style: 'key' },
    { text: ' · ', style: 'dim' },
    { text: t('header.progress', { approved: counts.approved, total: state.rows.length }), style: 'status-approved' },
    ...others,
  ];
  const title: Span = { text: `${t('header.title')} · `, style: 'label' };
  const fits = essentials.reduce((sum, span) => sum + displayWidth(span.text), displayWidth(title.text)) <= width;
  const first = fitLine(fits ? [title, ...essentials] : essentials, width);
  if (layout.headerHeight < 2) return [first];
  const filterText = [
    t('header.filter', { filter: t(`filter.${state.filter}`) }),
    ...(state.search.query ? [t('header.search', { query: state.search.query })] : []),
    t('header.shown', { shown: state.visible.length }),
  ].join(' · ');
  const url = safeHttpUrl(input.originUrl);
  const originLabel = t('header.origin');
  const room = Math.max(0, width - displayWidth(filterText) - displayWidth(originLabel) - 3);
  const link = url ? fitLine([{ text: url, style: 'link', href: url }], room) : [{ text: t('header.noOrigin'), style: 'dim' as const }];
  // The link's label may be cut to fit; the link itself always points at the whole URL.
  const second = fitLine([{ text: originLabel, style: 'dim' }, ...link, { text: '   ', style: 'text' }, { text: filterText, style: 'dim' }], width);
  return [first, second];
}

const longestKeys = new WeakMap<readonly SegmentRow[], number>();

/**
 * The key column's width, from every segment of the article rather than the rows on screen, so
 * the columns do not shift when the list scrolls from p99 to p100. Kept per rows array (a
 * review action replaces it).
 */
function longestKey(rows: readonly SegmentRow[]): number {
  let width = longestKeys.get(rows);
  if (width === undefined) {
    width = 0;
    for (const row of rows) width = Math.max(width, row.key.length);
    longestKeys.set(rows, width);
  }
  return width;
}

function listLines(input: ScreenInput): Line[] {
  const { state, layout } = input;
  const height = layout.listHeight;
  const shown = state.visible.slice(input.listTop, input.listTop + height);
  if (shown.length === 0) return [[{ text: input.options.t(state.loading ? 'message.loading' : 'message.empty'), style: 'dim' }]];
  const keyWidth = longestKey(state.rows);
  const statusWidth = Math.max(...(['untranslated', 'machine', 'draft', 'approved', 'stale'] as const).map((s) => displayWidth(input.options.t(`status.${s}`))));
  return shown.map((rowIndex, i) => {
    const row = state.rows[rowIndex]!;
    const view = input.viewOf(row.key);
    const selected = input.listTop + i === state.cursor;
    // Findings are computed per segment revision when first needed (a row scrolling into view
    // costs one segment's checks), so every listed segment with findings is marked, not only
    // those already opened or scanned by the QA filter.
    const flagged = input.qaOf ? input.qaOf(row.key).length > 0 : row.qaIssues > 0;
    const sideBySide = layout.mode === 'sideBySide';
    // One cached line per (segment revision, selection, column widths, width): moving the
    // selection redraws two rows' worth of work, not the whole list's.
    const id = `${view.id}|list|${selected ? 1 : 0}${flagged ? '!' : ''}|${sideBySide ? 's' : 't'}|${keyWidth}|${statusWidth}|${input.uiLanguage}`;
    return input.cache.get(id, layout.width, () => [
      listLine({ view, selected, flagged, width: layout.width, sideBySide, keyWidth, statusWidth }, input.options),
    ])[0]!;
  });
}

/** Two columns of lines, row by row: the left padded to its width, ` │ `, the right. */
function sideBySide(left: readonly Line[], right: readonly Line[], layout: Layout): Line[] {
  const rows: Line[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    rows.push([...padLine(left[i] ?? [], layout.columns.left), { text: ' │ ', style: 'dim' }, ...fitLine(right[i] ?? [], layout.columns.right)]);
  }
  return rows;
}

/** QA findings, full width, under the segment's texts. */
function qaLines(findings: readonly QaFinding[], width: number, { t }: LineOptions): Line[] {
  const lines: Line[] = [];
  for (const finding of findings) {
    // Severity in words as well as colour (without colour it would not show); the check's name
    // in the UI's language, with its id (what `verso qa ignore` takes). The detail is core/qa's,
    // in English: its wording is assembled from English phrases (`month June (“juin”)`).
    const name = t(`qaCheck.${finding.check}`);
    const check = name === finding.check ? name : `${name} (${finding.check})`;
    const head = `${t('label.qa', { severity: t(`qaSeverity.${finding.severity}`), check })}: `;
    wrapText(head + sanitizeLine(finding.message), width).forEach((row, i) => {
      lines.push(i === 0
        ? [{ text: row.slice(0, head.length), style: finding.severity === 'error' ? 'error' : 'notice' }, { text: row.slice(head.length), style: 'text' }]
        : [{ text: row, style: 'text' }]);
    });
  }
  return lines;
}

function detailLines(input: ScreenInput): Line[] {
  const { state, layout, options } = input;
  const key = selectedKey(state);
  if (key === undefined || layout.detailHeight === 0) return [];
  const view = input.viewOf(key);
  const cacheKey = (part: string) => `${view.id}|${part}|${input.uiLanguage}|${options.markers ? 'm' : 'c'}`;
  const source = (width: number) => input.cache.get(cacheKey('source'), width, () => sourceBlock(view, width, options));
  const target = (width: number) =>
    input.cache.get(cacheKey(state.diffView ? 'diff' : 'full'), width, () => targetBlock(view, width, state.diffView, options));
  const editing = state.editor && state.editor.key === key ? state.editor : null;

  const findings = input.qaOf?.(key) ?? [];
  // Body lines, and the line the editor's cursor is on (kept in view while typing). Without the
  // editor, the body depends only on the segment's revision and the view settings: cached, so
  // a frame showing it again (j then k, a resize back) does no text work at all.
  let body: Line[];
  let cursorLine: number | null = null;
  if (editing) {
    const block = (width: number) => editorBlock(editing.buffer, width, options);
    if (layout.mode === 'stacked') {
      const left = source(layout.width);
      const edited = block(layout.width);
      cursorLine = left.length + edited.cursorLine;
      body = [...left, ...edited.lines];
    } else {
      const edited = block(layout.columns.right);
      cursorLine = edited.cursorLine;
      body = sideBySide(source(layout.columns.left), edited.lines, layout);
    }
    body.push(...qaLines(findings, layout.width, options));
  } else {
    const id = cacheKey(`body|${layout.mode}|${state.diffView ? 'diff' : 'full'}|qa${findings.length}`);
    body = input.cache.get(id, layout.width, () => [
      ...(layout.mode === 'stacked'
        ? [...source(layout.width), ...target(layout.width)]
        : sideBySide(source(layout.columns.left), target(layout.columns.right), layout)),
      ...qaLines(findings, layout.width, options),
    ]);
  }

  // While a search is on, its matches are marked in the texts (where in a long paragraph the
  // segment matched); in the editor the text is the translator's, unmarked.
  const needle = state.search.query.trim().normalize('NFC').toLowerCase();
  if (needle !== '' && !editing) {
    const plainBody = body;
    body = input.cache.get(cacheKey(`match|${layout.mode}|${state.diffView ? 'diff' : 'full'}|qa${findings.length}|${needle}`), layout.width, () =>
      plainBody.map((line) => highlightMatches(line, needle)));
  }

  const room = Math.max(0, layout.detailHeight - 1);
  let scroll = Math.max(0, Math.min(state.detailScroll, body.length - room));
  if (cursorLine !== null) {
    // When lines follow, the last row says so ("↓ n more lines"): the cursor's row stays above it.
    const usable = body.length > room && room > 1 ? room - 1 : room;
    if (cursorLine < scroll) scroll = cursorLine;
    else if (cursorLine >= scroll + usable) scroll = cursorLine - usable + 1;
  }
  let visible = body.slice(scroll, scroll + room);
  const hidden = body.length - scroll - visible.length;
  if (hidden > 0 && room > 1) {
    visible = [...visible.slice(0, room - 1), [{ text: options.t('label.more', { count: hidden + 1 }), style: 'dim' }]];
  }
  return [titleLine(view, layout.width, options), ...visible];
}

function footerLines(input: ScreenInput): Line[] {
  const { state, layout, options: { t } } = input;
  const width = layout.width;
  let status: Line;
  if (state.search.editing) {
    // An earlier query the prompt was reopened on is shown selected: typing replaces it.
    const query: Span[] = state.search.replace
      ? [{ text: state.search.query, style: 'cursor' }]
      : [{ text: state.search.query, style: 'text' }, { text: ' ', style: 'cursor' }];
    status = fitLine([{ text: t('footer.searchPrompt'), style: 'label' }, ...query], width);
  } else if (state.notice) {
    const style = state.notice.tone === 'error' ? 'error' : state.notice.tone === 'success' ? 'success' : 'notice';
    status = fitLine([{ text: t(state.notice.id, state.notice.values), style }], width);
  } else {
    status = [];
  }
  const keys = fitLine([{ text: footerKeys(state, width, t), style: 'dim' }], width);
  return layout.footerHeight < 2 ? [state.search.editing || state.notice ? status : keys] : [status, keys];
}

/**
 * The key line for what the keys do now: in the editor, the search prompt and the help, the list's
 * keys do not apply (`q` types a q in the editor), so their own keys are shown. Items are in
 * order of importance; those that do not fit are left out from the end — except the list's last
 * two, `? help` and `q quit`, which always stay. When too few fit, the list's compact form.
 */
function footerKeys(state: ReviewScreenState, width: number, t: LineOptions['t']): string {
  const [id, keep] = state.help ? ['footer.helpKeys', 0]
    : state.search.editing ? ['footer.searchKeys', 0]
      : state.editor ? ['footer.editorKeys', 0]
        : ['footer.keys', 2];
  const items = t(id).split(' · ');
  const tail = keep > 0 ? items.splice(items.length - keep) : [];
  const fits = () => displayWidth([...items, ...tail].join(' · ')) <= width;
  while (items.length > 0 && !fits()) items.pop();
  if (id === 'footer.keys' && items.length < 3) return t('footer.keysShort');
  return [...items, ...tail].join(' · ');
}

export function buildScreen(input: ScreenInput): Screen {
  const counts = statusCounts(input.state);
  return {
    header: headerLines(input, counts),
    list: listLines(input),
    separator: [{ text: '─'.repeat(input.layout.width), style: 'dim' }],
    detail: detailLines(input),
    footer: footerLines(input),
  };
}
