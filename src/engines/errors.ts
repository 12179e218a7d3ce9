/**
 * Engine failures, as a user should hear about them. Every engine turns its library's errors into
 * an `EngineError` with a `kind` the translate service can act on (stop, keep what is done, say
 * what is left) and a message that is safe to print: it never contains a credential and never
 * carries the library's error object, whose request config holds the Authorization header.
 */
export type EngineErrorKind =
  /** The key was refused (DeepL 403). */
  | 'auth'
  /** The account's character quota is spent (DeepL 456). */
  | 'quota'
  /** Still rate-limited after the retries (DeepL 429/529). */
  | 'rate-limit'
  /** Still failing after the retries (DeepL 5xx). */
  | 'server'
  /** No connection, connection reset, or timed out after the retries. */
  | 'network'
  /** The service refused the parameters (DeepL 400): its message says why. */
  | 'bad-request'
  /** A request was too large (DeepL 413): a chunking bug. */
  | 'too-large'
  /** A referenced resource (e.g. a glossary) does not exist (DeepL 404). */
  | 'not-found'
  /** The caller aborted. */
  | 'cancelled'
  /** Anything else. */
  | 'internal';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    /** What the user can do next. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Replaces every occurrence of each secret in `text` with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}
