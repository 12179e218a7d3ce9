/**
 * A project-wide write lock: `.verso/lock`, created exclusively, holding the owner's pid. Two
 * verso processes (a review screen and a batch translate, say) then take turns to write. A lock
 * left by a process that no longer exists (killed, crashed) is taken over.
 */
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { processExists } from './process.js';

export class LockTimeoutError extends Error {
  constructor(readonly path: string, readonly holder: string) {
    super(`the project is locked by another verso process (${holder})`);
    this.name = 'LockTimeoutError';
  }
}

export async function withLock<T>(path: string, fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  await acquire(path, timeoutMs);
  try {
    return await fn();
  } finally {
    await fs.rm(path, { force: true });
  }
}

async function acquire(path: string, timeoutMs: number): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  const me = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() });
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(path, me, { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await readHolder(path);
    if (holder && holder.host === hostname() && !processExists(holder.pid)) {
      // The owner is gone. Breaking its lock is itself done under a short-lived lock, and only
      // if the lock still names the same dead process, so two waiters cannot both break it and
      // remove each other's fresh lock.
      if (await breakStaleLock(path, holder.raw)) continue;
    } else if (!holder) {
      // No owner can be read: either the lock is being written right now (a few bytes, written
      // in microseconds), or its writer was killed between creating the file and filling it.
      // Left alone, the second case would lock the project for good.
      const orphan = await unreadableLockAge(path);
      if (orphan !== null && orphan.ageMs > UNREADABLE_LOCK_GRACE_MS && (await breakStaleLock(path, orphan.raw))) continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(path, holder ? `pid ${holder.pid} on ${holder.host}` : 'unknown');
    await new Promise((r) => setTimeout(r, Math.min(5 + attempt * 5, 50)));
  }
}

async function breakStaleLock(path: string, staleContent: string): Promise<boolean> {
  const breaker = `${path}.break`;
  try {
    await fs.writeFile(breaker, String(process.pid), { flag: 'wx' });
  } catch {
    // Someone else is breaking it; a breaker left by a killed process expires after 5 s.
    const st = await fs.stat(breaker).catch(() => null);
    if (st && Date.now() - st.mtimeMs > 5_000) await fs.rm(breaker, { force: true });
    return false;
  }
  try {
    const current = await fs.readFile(path, 'utf8').catch(() => null);
    if (current === staleContent) await fs.rm(path, { force: true });
    return true;
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

/** How long an unreadable lock file may be in the middle of being written. */
const UNREADABLE_LOCK_GRACE_MS = 2_000;

async function unreadableLockAge(path: string): Promise<{ raw: string; ageMs: number } | null> {
  try {
    const [raw, st] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)]);
    return { raw, ageMs: Date.now() - st.mtimeMs };
  } catch {
    return null; // gone meanwhile: the next attempt takes it
  }
}

async function readHolder(path: string): Promise<{ pid: number; host: string; raw: string } | null> {
  try {
    const raw = await fs.readFile(path, 'utf8');
    const v = JSON.parse(raw) as { pid?: unknown; host?: unknown };
    return typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host, raw } : null;
  } catch {
    return null; // being written right now, or damaged: treat as held
  }
}
