/**
 * QA for the review screen: the project's QA settings for the language on screen (loaded after
 * the first frame), findings per segment revision (computed when a segment is shown), and the
 * full scan the QA filter needs — a slice at a time, so keys keep flowing, reporting counts as
 * they come.
 */
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { QaFinding, QaOptions } from '../../core/qa/types.js';
import { segmentQa } from '../model/qa.js';
import type { SegmentView } from '../model/segmentView.js';
import type { ReviewData, ReviewSession } from '../session.js';
import type { Notice, ReviewAction, ReviewScreenState } from '../state/reviewReducer.js';

export interface QaInput {
  session: ReviewSession;
  state: ReviewScreenState;
  stateRef: MutableRefObject<ReviewScreenState>;
  data: MutableRefObject<ReviewData | null>;
  viewOf: (key: string) => SegmentView;
  act: (action: ReviewAction) => void;
  notify: (notice: Notice | null) => void;
}

const SLICE = 100;

export function useQa({ session, state, stateRef, data, viewOf, act, notify }: QaInput) {
  const [qa, setQa] = useState<{ lang: string; options: QaOptions } | null>(null);
  const findings = useRef(new Map<string, QaFinding[]>());
  const scanned = useRef<string | null>(null);

  useEffect(() => {
    if (!session.qaOptions || qa?.lang === state.lang) return;
    let cancelled = false;
    session.qaOptions(state.lang).then((options) => {
      if (!cancelled) setQa({ lang: state.lang, options });
    }, () => undefined); // a broken glossary is `verso check`'s to report; the screen goes on without QA
    return () => {
      cancelled = true;
    };
  }, [session, state.lang, qa]);

  /** QA findings of a segment as it stands (computed once per revision of the segment). */
  const qaOf = (key: string): QaFinding[] => {
    const loaded = data.current;
    if (!loaded || !qa || qa.lang !== stateRef.current.lang) return [];
    const id = viewOf(key).id;
    let found = findings.current.get(id);
    if (!found) {
      found = segmentQa(loaded.article.segments[key]!, loaded.state.segments[key], qa.options);
      findings.current.set(id, found);
    }
    return found;
  };
  const qaRef = useRef(qaOf);
  qaRef.current = qaOf;

  useEffect(() => {
    if (state.filter !== 'qa' || state.loading || !qa || qa.lang !== state.lang || scanned.current === state.lang) return;
    scanned.current = state.lang;
    const lang = state.lang;
    const keys = stateRef.current.rows.map((row) => row.key);
    let cancelled = false;
    void (async () => {
      let flagged = 0;
      for (let start = 0; start < keys.length && !cancelled; start += SLICE) {
        const counts: Record<string, number> = {};
        for (const key of keys.slice(start, start + SLICE)) {
          counts[key] = qaRef.current(key).length;
          if (counts[key]! > 0) flagged++;
        }
        act({ type: 'qaCounted', lang, counts });
        const done = Math.min(keys.length, start + SLICE);
        notify(done < keys.length
          ? { id: 'message.qaScanning', values: { done, total: keys.length }, tone: 'info' }
          : { id: 'message.qaDone', values: { count: flagged }, tone: 'info' });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
    return () => {
      cancelled = true;
      if (scanned.current === lang) scanned.current = null;
    };
  }, [state.filter, state.loading, state.lang, qa]);

  /** After a (re)load: every finding and the scan belong to the records that were replaced. */
  const forgetQa = () => {
    findings.current.clear();
    scanned.current = null;
  };

  return { qaOf, qaRef, forgetQa };
}
