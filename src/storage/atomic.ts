/**
 * Writing files so that a reader (or a crash) only ever sees the old or the new content:
 * write a temporary file in the same directory, flush it to disk, rename it over the target,
 * then flush the directory entry. Readers also get a typed, size-limited text read.
 */
import { promises as fs, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileProblemError } from './errors.js';
import { parseJsonText } from './json.js';
import { processExists } from './process.js';

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Not every platform lets a directory be opened for fsync; the rename is still atomic.
  try {
    const h = await fs.open(dir, constants.O_RDONLY);
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* best effort */
  }
}

// Project files are small and read one after another, so they are read with synchronous calls:
// a promise-based read goes through libuv's thread pool four times per file (open, stat, read,
// close), which on a 2,000-article project (18,000 files) is most of the time `verso status`
// takes, spent waiting. The functions stay async for their callers.

export async function fileExists(path: string): Promise<boolean> {
  return existsSync(path);
}

/** Reads a UTF-8 text file, refusing binary data, invalid UTF-8 and files over `maxBytes`. */
export async function readTextFile(path: string, displayName: string, maxBytes = 8 * 1024 * 1024): Promise<string> {
  const text = await readTextFileIfExists(path, displayName, maxBytes);
  if (text === null) throw new FileProblemError('no such file', displayName);
  return text;
}

/** The same, null when the file does not exist (one call instead of a check and a read). */
export async function readTextFileIfExists(path: string, displayName: string, maxBytes = 8 * 1024 * 1024): Promise<string | null> {
  let stat;
  try {
    // Checked before opening: opening a FIFO would wait for a writer.
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new FileProblemError(`cannot read: ${(e as Error).message}`, displayName);
  }
  if (!stat.isFile()) throw new FileProblemError('not a regular file', displayName);
  if (stat.size > maxBytes) {
    throw new FileProblemError(`file is too large (${(stat.size / 1048576).toFixed(1)} MiB; the limit is ${maxBytes / 1048576} MiB)`, displayName, null, 'split it into smaller files');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new FileProblemError(`cannot read: ${(e as Error).message}`, displayName);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = utf16Kind(bytes);
    if (utf16) throw new FileProblemError(`UTF-16 text (${utf16}), not UTF-8`, displayName, null, 'save the file as UTF-8 (in Notepad: Save as… › Encoding › UTF-8)');
    throw new FileProblemError('binary file (contains a NUL byte)', displayName, null, 'give a UTF-8 text file');
  }
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const line = before.split('\n').length;
    const column = (before.split('\n').pop()?.length ?? 0) + 1;
    throw new FileProblemError(`invalid UTF-8 at byte ${at}`, displayName, { line, column }, 'save the file as UTF-8');
  }
  // isUtf8 validated without building a string; toString decodes without checking again. A
  // byte order mark is dropped, as a UTF-8 TextDecoder does.
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Whether bytes with NULs in them are UTF-16 text (what Windows editors save as "Unicode"): a
 * byte order mark, or, without one, ASCII-range text whose every other byte is zero.
 */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with a byte order mark';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with a byte order mark';
  const pairs = Math.min(bytes.length >> 1, 4096);
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroEven++;
    if (bytes[2 * i + 1] === 0) zeroOdd++;
  }
  // Latin text in UTF-16 has a zero in nearly every high byte, and almost none in the low ones.
  if (zeroOdd >= pairs * 0.7 && zeroEven <= pairs * 0.05) return 'little-endian';
  if (zeroEven >= pairs * 0.7 && zeroOdd <= pairs * 0.05) return 'big-endian';
  return null;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let lo = 0, hi = bytes.length; ; ) {
    // Binary search for the shortest invalid prefix.
    if (hi - lo <= 1) return lo;
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
}

export async function readJsonFile(path: string, displayName: string): Promise<unknown> {
  return parseJsonText(await readTextFile(path, displayName, 256 * 1024 * 1024), displayName);
}

/** `.name.<pid>.<8 hex>.tmp`: the temporary files `writeFileAtomic` creates. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files that a killed verso process left behind (SIGKILL gives no chance to
 * clean up). Only files whose writing process no longer exists are removed, so a concurrent
 * writer's file is never touched. Call with the project lock held.
 */
export async function sweepStaleTempFiles(dirs: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < 3) await visit(path, depth + 1);
      else if (e.isFile()) {
        const m = TEMP_FILE.exec(e.name);
        if (m && Number(m[1]) !== process.pid && !processExists(Number(m[1]))) {
          await fs.rm(path, { force: true });
          removed.push(path);
        }
      }
    }
  };
  for (const d of dirs) await visit(d, 0);
  return removed;
}
