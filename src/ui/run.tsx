/**
 * Running the review workbench in a real terminal: alternate screen in and out, the article
 * picker when no article was named, then the review screen; signals save what the editor holds
 * and leave cleanly.
 */
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { ReviewApp, type ExitHooks } from './ReviewApp.js';
import { ArticlePicker, type PickerEntry } from './picker/ArticlePicker.js';
import type { Translate } from './i18n/index.js';
import type { ReviewSession } from './session.js';
import { editInExternalEditor, enterAlternateScreen } from './terminal.js';

export interface ReviewRunOptions {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM by the CLI entry point. */
  signal: AbortSignal;
  t: Translate;
  uiLanguage: string;
  /** Show diffs with markers as well as colours (NO_COLOR). */
  markers: boolean;
  lang: string;
  /** The article to open; without one, the picker is shown first. */
  articleId?: string;
  /** Articles for the picker (loaded by the caller). */
  listArticles: () => Promise<PickerEntry[]>;
  sessionFor: (articleId: string) => ReviewSession;
}

/** Once the terminal has hung up, nothing written to it can arrive: a failed write is no error. */
const ignoreWriteError = () => undefined;

/** Mounts one Ink app until it exits or a signal arrives; `flush` runs before a signal's unmount. */
async function mount(element: (instance: () => Instance | undefined) => ReactElement, options: ReviewRunOptions, hooks: ExitHooks = {}): Promise<void> {
  let instance: Instance | undefined;
  instance = render(element(() => instance), {
    stdin: options.stdin,
    stdout: options.stdout,
    // q and Ctrl-C go through the bindings table: quitting waits for pending writes.
    exitOnCtrlC: false,
    // Console output from anywhere would be reprinted above the frame: never patch the console.
    patchConsole: false,
  });
  let leaving = false;
  const leave = () => {
    if (leaving) return;
    leaving = true;
    void (hooks.flush?.() ?? Promise.resolve()).finally(() => instance?.unmount());
  };
  /**
   * The terminal went away (its window closed, the ssh link dropped): the keyboard's stream
   * ends, SIGHUP arrives (sometimes twice), and writing to the screen fails with EIO. Save and
   * leave all the same: an unhandled write error or a second SIGHUP would end the process
   * before the editor's text is on disk, and so would an event loop left with nothing to do.
   */
  const hangUp = () => {
    options.stdout.off('error', ignoreWriteError).on('error', ignoreWriteError);
    leave();
  };
  options.signal.addEventListener('abort', leave, { once: true });
  process.on('SIGHUP', hangUp);
  options.stdin.on('end', hangUp);
  try {
    await instance.waitUntilExit();
  } finally {
    options.signal.removeEventListener('abort', leave);
    process.off('SIGHUP', hangUp);
    options.stdin.off('end', hangUp);
  }
}

export async function runReview(options: ReviewRunOptions): Promise<void> {
  const leaveScreen = enterAlternateScreen(options.stdout);
  try {
    let articleId = options.articleId;
    if (articleId === undefined) {
      const entries = await options.listArticles();
      let chosen: string | null = null;
      await mount(() => <ArticlePicker entries={entries} lang={options.lang} t={options.t} onChoose={(id) => { chosen = id; }} />, options);
      if (chosen === null || options.signal.aborted) return;
      articleId = chosen;
    }
    const session = options.sessionFor(articleId);
    const hooks: ExitHooks = {};
    await mount((instance) => (
      <ReviewApp
        session={session}
        initialLang={options.lang}
        t={options.t}
        uiLanguage={options.uiLanguage}
        markers={options.markers}
        exitHooks={hooks}
        externalEditor={(text, key) =>
          editInExternalEditor(text, key, {
            env: options.env,
            stdout: options.stdout,
            stdin: options.stdin,
            afterEdit: () => instance()?.clear(),
          })}
      />
    ), options, hooks);
  } finally {
    leaveScreen();
  }
}
