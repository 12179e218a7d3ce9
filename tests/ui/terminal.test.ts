import { describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editInExternalEditor, editorCommand, enterAlternateScreen } from '../../src/ui/terminal.js';
import { tempDir } from '../support/cli.js';

/** A stand-in for $EDITOR: a script that edits the file it is given, as a person would. */
function fakeEditor(body: string): string {
  const path = join(tempDir('verso-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const sink = () => {
  const written: string[] = [];
  return { written, stdout: { write: (s: string) => written.push(s) } };
};

describe('$EDITOR', () => {
  it('prefers VISUAL, then EDITOR, then vi', () => {
    expect(editorCommand({ VISUAL: 'nano', EDITOR: 'vim' })).toBe('nano');
    expect(editorCommand({ EDITOR: 'code --wait' })).toBe('code --wait');
    expect(editorCommand({})).toBe('vi');
  });

  it('returns what the editor saved, without the final newline, and takes the alternate screen back', async () => {
    const editor = fakeEditor('printf "Pentagon press secretary\\nPatrick Ryder\\n" > "$1"');
    const { written, stdout } = sink();
    let repainted = 0;
    const raw: boolean[] = [];
    const edited = await editInExternalEditor('Pentagon spokesman', 'p1', {
      env: { ...process.env, EDITOR: editor, VISUAL: '' },
      stdout,
      stdin: { isTTY: true, setRawMode: (mode) => raw.push(mode) },
      afterEdit: () => repainted++,
    });
    expect(edited).toBe('Pentagon press secretary\nPatrick Ryder');
    expect(raw).toEqual([false, true]);
    expect(written.join('')).toContain('\u001b[?1049h');
    expect(repainted).toBe(1);
  });

  it('passes the file name to the editor without the shell reading it, and reads the original text', async () => {
    const editor = fakeEditor('cat "$1" > "$1.seen"; printf "%s" "$1" > "$1.name"; printf "ok" > "$1"');
    const edited = await editInExternalEditor('« Le ministre »', 'p$(touch x);1', {
      env: { ...process.env, EDITOR: editor, VISUAL: '' }, stdout: sink().stdout, stdin: {}, afterEdit: () => {},
    });
    expect(edited).toBe('ok');
  });

  it('gives null when the editor fails', async () => {
    const editor = fakeEditor('exit 3');
    const edited = await editInExternalEditor('x', 'p1', { env: { ...process.env, EDITOR: editor, VISUAL: '' }, stdout: sink().stdout, stdin: {}, afterEdit: () => {} });
    expect(edited).toBeNull();
  });
});

describe('alternate screen', () => {
  it('enters once and leaves once, however many times leaving is asked', () => {
    const { written, stdout } = sink();
    const leave = enterAlternateScreen(stdout);
    leave();
    leave();
    expect(written.join('')).toBe('\u001b[?1049h\u001b[H\u001b[2J\u001b[?1049l\u001b[?25h');
  });
});
