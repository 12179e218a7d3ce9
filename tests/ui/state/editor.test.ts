import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ed from '../../../src/ui/state/editor.js';

const at = (text: string, cursor: number): ed.EditorBuffer => ({ ...ed.openBuffer(text), cursor });

describe('editor buffer', () => {
  it('opens at the end of the NFC text, not dirty', () => {
    const b = ed.openBuffer('Bộ trưởng'.normalize('NFD'));
    expect(b.text).toBe('Bộ trưởng');
    expect(b.cursor).toBe(b.text.length);
    expect(ed.isDirty(b)).toBe(false);
  });

  it('moves and deletes whole graphemes: a letter with its combining accents, an emoji with its modifier', () => {
    const text = 'ê\u0301a👍🏽b'; // ế (one grapheme, two code points after NFC composes what it can), a, 👍🏽, b
    let b = ed.openBuffer(text);
    b = ed.moveLeft(b); // before b
    b = ed.backspace(b); // removes 👍🏽 whole
    expect(b.text).toBe('ếab'.normalize('NFC'));
    b = ed.moveLeft(ed.moveLeft(b));
    expect(b.cursor).toBe(0);
    b = ed.deleteForward(b);
    expect(b.text).toBe('ab');
  });

  it('cleans pasted text: CRLF to \\n, tabs to spaces, no control characters', () => {
    const b = ed.insertText(ed.openBuffer(''), 'a\r\nb\tc\u001b[2Jd\u0007');
    expect(b.text).toBe('a\nb c[2Jd');
  });

  it('composes a combining accent typed after its letter', () => {
    const b = ed.insertText(ed.openBuffer('e'), '\u0301');
    expect(b.text).toBe('é');
    expect(b.cursor).toBe(1);
  });

  it('word moves skip to the start and end of words, elisions included', () => {
    let b = at("dans l'appel du 25 juin", 0);
    b = ed.moveWordRight(ed.moveWordRight(b));
    expect(b.cursor).toBe("dans l'appel".length);
    b = ed.moveWordLeft(b);
    expect(b.cursor).toBe('dans '.length);
  });

  it('home and end go to the bounds of the logical line', () => {
    const b = at('one\ntwo three\nfour', 6);
    expect(ed.moveLineStart(b).cursor).toBe(4);
    expect(ed.moveLineEnd(b).cursor).toBe(13);
  });

  it('up and down follow wrapped rows, keeping the column', () => {
    // width 10: "le premier" | "entre les" | "dirigeants"
    let b = at('le premier entre les dirigeants', 3); // "le |premier"
    b = ed.moveDown(b, 10);
    expect(b.cursor).toBe('le premier ent'.length);
    b = ed.moveDown(b, 10);
    expect(b.cursor).toBe('le premier entre les dir'.length);
    b = ed.moveDown(b, 10);
    expect(b.cursor).toBe(b.text.length);
    b = ed.moveUp(ed.moveUp(b, 10), 10);
    expect(ed.locateCursor(b.text, b.cursor, 10).row).toBe(0);
  });

  it('undo restores each earlier text in turn', () => {
    let b = ed.openBuffer('a');
    b = ed.insertText(b, 'b');
    b = ed.insertText(b, 'c');
    b = ed.backspace(b);
    expect(b.text).toBe('ab');
    b = ed.undoTyping(b);
    expect(b.text).toBe('abc');
    b = ed.undoTyping(ed.undoTyping(b));
    expect(b.text).toBe('a');
    expect(ed.undoTyping(b)).toBe(b);
  });

  it('the cursor always stays on a grapheme boundary within the text', () => {
    const op = fc.constantFrom('left', 'right', 'up', 'down', 'bs', 'del', 'home', 'end', 'wl', 'wr', 'type', 'nl');
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer({ min: 2, max: 12 }), (ops, width) => {
        let b = ed.openBuffer('Bộ trưởng 👍🏽 Quốc\nphòng «Nga»');
        for (const o of ops) {
          b = o === 'left' ? ed.moveLeft(b) : o === 'right' ? ed.moveRight(b) : o === 'up' ? ed.moveUp(b, width)
            : o === 'down' ? ed.moveDown(b, width) : o === 'bs' ? ed.backspace(b) : o === 'del' ? ed.deleteForward(b)
            : o === 'home' ? ed.moveLineStart(b) : o === 'end' ? ed.moveLineEnd(b) : o === 'wl' ? ed.moveWordLeft(b)
            : o === 'wr' ? ed.moveWordRight(b) : o === 'type' ? ed.insertText(b, 'ệ') : ed.insertText(b, '\n');
          expect(b.cursor).toBeGreaterThanOrEqual(0);
          expect(b.cursor).toBeLessThanOrEqual(b.text.length);
          const bounds = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(b.text)].map((s) => s.index);
          expect([...bounds, b.text.length]).toContain(b.cursor);
        }
      }),
    );
  });
});

describe('deleting a word', () => {
  it('ctrl+w removes the word before the cursor, with an elision kept whole', () => {
    const b = ed.deleteWordBackward(at("dans l'appel du", "dans l'appel".length));
    expect(b.text).toBe('dans  du');
    expect(b.cursor).toBe('dans '.length);
    expect(ed.deleteWordBackward(at('x', 0)).text).toBe('x');
  });
});
