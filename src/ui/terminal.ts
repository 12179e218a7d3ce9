/**
 * The terminal around the Ink app: the alternate screen (Ink 6 has no option for it), restored
 * on every way out, and handing the terminal to the user's $EDITOR and back.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H\u001b[2J';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

export interface ScreenOutput {
  write(text: string): unknown;
}

/**
 * Switches to the alternate screen and returns the function that switches back. Leaving is
 * idempotent and also runs from a process `exit` handler, so a crash or a forced exit (second
 * Ctrl-C, an uncaught error) still gives the user their shell screen back.
 */
export function enterAlternateScreen(stdout: ScreenOutput): () => void {
  stdout.write(ENTER_ALTERNATE_SCREEN);
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.off('exit', leave);
    stdout.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  };
  process.on('exit', leave);
  return leave;
}

/** The editor command the user chose: $VISUAL, then $EDITOR, then vi. */
export function editorCommand(env: NodeJS.ProcessEnv): string {
  return env['VISUAL']?.trim() || env['EDITOR']?.trim() || 'vi';
}

export interface ExternalEditorOptions {
  env: NodeJS.ProcessEnv;
  stdout: ScreenOutput;
  stdin: { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** Called once the editor has returned and the alternate screen is back: repaint from scratch. */
  afterEdit: () => void;
}

/**
 * Opens `text` in the user's editor, in a temporary file, and returns what they saved (without
 * the final newline editors add), or null when the editor failed.
 *
 * The editor runs synchronously: while it owns the terminal, Ink's event loop is stopped, so the
 * two never read the keyboard at the same time. The editor may leave the alternate screen on exit
 * (vim's rmcup does), so we enter it again afterwards.
 */
export async function editInExternalEditor(text: string, name: string, options: ExternalEditorOptions): Promise<string | null> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'verso-edit-'));
  const file = join(dir, `${name.replace(/[^\w.-]/g, '_')}.txt`);
  try {
    await fs.writeFile(file, `${text}\n`, 'utf8');
    // Let paint the last frame (Ink throttles to its frame rate) before the editor takes over.
    await new Promise((resolve) => setTimeout(resolve, 50));
    options.stdin.setRawMode?.(false);
    // The editor command may carry arguments (`code --wait`): run it through the shell, with the
    // file as a positional parameter so its name is never parsed as shell syntax.
    const result = spawnSync(options.env['SHELL'] || '/bin/sh', ['-c', `${editorCommand(options.env)} "$1"`, 'verso-editor', file], {
      stdio: 'inherit',
      env: options.env,
    });
    options.stdin.setRawMode?.(true);
    options.stdout.write(ENTER_ALTERNATE_SCREEN);
    options.afterEdit();
    if (result.error || result.status !== 0) return null;
    const edited = await fs.readFile(file, 'utf8');
    return edited.replace(/\r?\n$/, '');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
