import { userInfo } from 'node:os';

/**
 * Who is acting, for history and approvals: `VERSO_USER`, else the login name. Kept simple and
 * local: no network, no git invocation on every command.
 */
export function currentUser(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['VERSO_USER']?.trim();
  if (fromEnv) return fromEnv.slice(0, 100);
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function actorNow(by: string, now: Date = new Date()) {
  return { by, at: now.toISOString() };
}
