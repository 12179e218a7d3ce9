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
  const leave = () => {
    void (hooks.flush?.() ?? Promise.resolve()).finally(() => instance?.unmount());
  };
  options.signal.addEventListener('abort', leave, { once: true });
  // A closed terminal (SIGHUP) is a signal too: save, then leave.
  process.once('SIGHUP', leave);
  try {
    await instance.waitUntilExit();
  } finally {
    options.signal.removeEventListener('abort', leave);
    process.off('SIGHUP', leave);
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
