import { createHash } from 'node:crypto';

/**
 * Identifies a version of a source text: 16 hex digits of SHA-256 over the NFC text.
 * A translation records the hash of the source it was made from; a different current hash
 * means the source changed since (the segment is stale).
 */
export function hashText(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 16);
}
