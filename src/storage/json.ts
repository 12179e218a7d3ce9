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
    value = JSON.parse(body, function (this: unknown, key: string, v: unknown) {
      if (FORBIDDEN_KEYS.has(key) && forbidden === null) forbidden = key;
      return v;
    });
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const position = pos ? positionAt(body, Number(pos[1])) : /Unexpected end of JSON input/.test(message) ? positionAt(body, body.length) : null;
    throw new FileProblemError(`invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '')}`, file, position, 'fix the syntax (the file was not changed)');
  }
  if (forbidden !== null) {
    const at = body.indexOf(`"${forbidden}"`);
    throw new FileProblemError(`the key "${forbidden}" is not allowed`, file, at >= 0 ? positionAt(body, at) : null, 'rename or remove that key');
  }
  return value;
}

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
