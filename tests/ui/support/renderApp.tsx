/**
 * Rendering the review app for tests: ink-testing-library's render, with a terminal size set on
 * its fake stdout (its default is 100 columns and no rows) and a helper to wait for the frame
 * after a key, since Ink draws one tick after the input arrives.
 */
import { vi } from 'vitest';
import { render } from 'ink-testing-library';
import { ReviewApp, type ExitHooks } from '../../../src/ui/ReviewApp.js';
import { createTranslator, type UiLanguage } from '../../../src/ui/i18n/index.js';
import type { ReviewSession } from '../../../src/ui/session.js';

export interface RenderOptions {
  columns?: number;
  rows?: number;
  uiLanguage?: UiLanguage;
  lang?: string;
  markers?: boolean;
  externalEditor?: (text: string, key: string) => Promise<string | null>;
  exitHooks?: ExitHooks;
}

export const KEYS = {
  up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D',
  pageDown: '\u001b[6~', pageUp: '\u001b[5~', enter: '\r', escape: '\u001b', backspace: '\u007f',
  ctrl: (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96),
};

export function renderReview(session: ReviewSession, options: RenderOptions = {}) {
  const uiLanguage = options.uiLanguage ?? 'en';
  const result = render(
    <ReviewApp
      session={session}
      initialLang={options.lang ?? session.languages[0] ?? 'en'}
      t={createTranslator(uiLanguage)}
      uiLanguage={uiLanguage}
      markers={options.markers ?? true}
      {...(options.externalEditor ? { externalEditor: options.externalEditor } : {})}
      {...(options.exitHooks ? { exitHooks: options.exitHooks } : {})}
    />,
  );
  const size = { columns: options.columns ?? 100, rows: options.rows ?? 30 };
  Object.defineProperty(result.stdout, 'columns', { get: () => size.columns, configurable: true });
  Object.defineProperty(result.stdout, 'rows', { get: () => size.rows, configurable: true });
  result.stdout.emit('resize');

  const frame = () => result.lastFrame() ?? '';
  /** Waits until the frame satisfies `check` (Ink renders asynchronously after input). */
  const waitFor = async (check: (frame: string) => boolean, what = 'the expected frame') => {
    await vi.waitFor(() => {
      if (!check(frame())) throw new Error(`waiting for ${what}; last frame:\n${frame()}`);
    }, { timeout: 10_000, interval: 5 });
    return frame();
  };
  /** Sends one key and waits until the frame changes (or `until` holds). */
  const press = async (keys: string, until?: (frame: string) => boolean) => {
    const before = frame();
    result.stdin.write(keys);
    return waitFor(until ?? ((f) => f !== before), `a change after ${JSON.stringify(keys)}`);
  };
  const resize = (columns: number, rows: number) => {
    size.columns = columns;
    size.rows = rows;
    result.stdout.emit('resize');
  };
  return { ...result, frame, waitFor, press, resize };
}
