/**
 * The one place errors become messages and exit codes. A user-fixable problem prints
 * `verso: file:line:column: message` plus a hint and exits 2; anything else is a bug in verso:
 * it prints the stack and asks for a report (exit 70).
 */
import { UserError } from '../services/errors.js';
import { FileProblemError } from '../storage/errors.js';
import { NoProjectError } from '../storage/project.js';
import { UnknownArticleError } from '../storage/store.js';
import { LockTimeoutError } from '../storage/lock.js';
import { sanitizeForTerminal } from '../core/text/sanitize.js';
import { EXIT } from './command.js';

export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ErrorReport {
  exitCode: number;
  text: string;
}

function where(file?: string, line?: number, column?: number): string {
  if (!file) return '';
  return `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: `;
}

export function reportError(error: unknown): ErrorReport {
  const clean = (s: string) => sanitizeForTerminal(s);
  if (error instanceof UsageError) {
    const help = error.command ? `verso ${error.command} --help` : 'verso --help';
    return { exitCode: EXIT.usage, text: `verso: ${clean(error.message)}\n  see: ${help}\n` };
  }
  if (error instanceof UserError) {
    const d = error.details;
    return { exitCode: EXIT.usage, text: `verso: ${clean(where(d.file, d.line, d.column) + error.message)}\n${d.hint ? `  next: ${clean(d.hint)}\n` : ''}` };
  }
  if (error instanceof FileProblemError) {
    const p = error.position;
    return {
      exitCode: EXIT.usage,
      text: `verso: ${clean(where(error.file, p?.line, p?.column) + error.message)}\n${error.hint ? `  next: ${clean(error.hint)}\n` : ''}`,
    };
  }
  if (error instanceof NoProjectError) {
    return { exitCode: EXIT.usage, text: `verso: ${clean(error.message)}\n  next: run verso init (or cd into a verso project)\n` };
  }
  if (error instanceof UnknownArticleError) {
    const hint = error.known.length ? `known articles: ${error.known.slice(0, 10).join(', ')}` : 'import one with verso import <file>';
    return { exitCode: EXIT.usage, text: `verso: ${clean(error.message)}\n  next: ${clean(hint)}\n` };
  }
  if (error instanceof LockTimeoutError) {
    return { exitCode: EXIT.usage, text: `verso: ${clean(error.message)}\n  next: wait for it to finish; if no verso is running, remove ${clean(error.path)}\n` };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    exitCode: EXIT.internal,
    text: `verso: internal error: ${clean(e.message)}\n${clean(e.stack ?? '')}\nThis is a bug in verso; please report it with the command you ran.\n`,
  };
}
