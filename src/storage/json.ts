/**
 * Parsing JSON files a user might have edited by hand: syntax errors come back with line and
 * column; keys that could pollute prototypes (`__proto__`, `constructor`, `prototype`) are
 * refused rather than silently accepted.
 */
import { FileProblemError } from './errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseJsonText(text: string, file: string): unknown {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  let forbidden: string | null = null;
  let value: unknown;
  try {
    // A reviver is called for every value in the file and makes parsing several times slower,
    // so it is only used when one of the forbidden names could be in the text: literally, or
    // spelled with a \u escape.
    value = mayHaveForbiddenKey(body)
      ? JSON.parse(body, function (this: unknown, key: string, v: unknown) {
          if (FORBIDDEN_KEYS.has(key) && forbidden === null) forbidden = key;
          return v;
        })
      : JSON.parse(body);
  } catch (e) {
    // V8's messages only sometimes carry a position (and quote the file's text when they do
    // not), so the position and the wording come from our own scan.
    const found = locateJsonError(body);
    const position = found ? positionAt(body, found.offset) : null;
    const message = found ? found.message : (e as Error).message;
    throw new FileProblemError(`invalid JSON: ${message}`, file, position, 'fix the syntax (the file was not changed)');
  }
  if (forbidden !== null) {
    const at = body.indexOf(`"${forbidden}"`);
    throw new FileProblemError(`the key "${forbidden}" is not allowed`, file, at >= 0 ? positionAt(body, at) : null, 'rename or remove that key');
  }
  return value;
}

/** One regex scan (faster here than four substring searches over the large records). */
function mayHaveForbiddenKey(text: string): boolean {
  return MAYBE_FORBIDDEN.test(text);
}
const MAYBE_FORBIDDEN = /__proto__|constructor|prototype|\\u/;

/** 1-based line and column (in UTF-16 code units, as editors mostly count) of an offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** 1-based line on which `"key":` first appears as an object key, for reports pointing into a file. */
export function lineOfKey(text: string, key: string): number | null {
  const needle = `${JSON.stringify(key)}:`;
  const at = text.indexOf(needle);
  return at < 0 ? null : positionAt(text, at).line;
}

/**
 * Finds where a JSON text stops being valid: a small recursive-descent scan that only
 * validates (JSON.parse does the real parsing). Returns null when the text is valid.
 */
export function locateJsonError(text: string): { offset: number; message: string } | null {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const describe = () => (i >= text.length ? 'end of file' : `${JSON.stringify(text[i])}`);
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character in a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const n = text[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else fail('bad escape in a string');
      } else i++;
    }
    fail('unterminated string');
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after the property name, found ${describe()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${describe()}`);
      }
    }
    if (c === '"') return string();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (lit) {
      i += lit[0].length;
      return;
    }
    fail(`expected a value, found ${describe()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'offset' in e) return e as { offset: number; message: string };
    throw e;
  }
}
