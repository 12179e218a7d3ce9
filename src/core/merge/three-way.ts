/**
 * Building blocks of a three-way merge of JSON data: structural equality, the classic
 * "take whichever side changed" rule, key order, and lists merged as sets.
 */

/** Structural equality of JSON values; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(bo, k) && jsonEqual(ao[k], bo[k]));
}

export type ThreeWayPick<T> = { value: T; clash: false } | { clash: true };

/**
 * The three-way rule: if both sides agree, or only one side changed, the result is clear.
 * `same` decides what counts as "unchanged" (e.g. the same text approved at another time).
 */
export function pickThreeWay<T>(base: T, ours: T, theirs: T, same: (a: T, b: T) => boolean = jsonEqual): ThreeWayPick<T> {
  if (same(ours, theirs)) return { value: ours, clash: false };
  if (same(base, ours)) return { value: theirs, clash: false };
  if (same(base, theirs)) return { value: ours, clash: false };
  return { clash: true };
}

/**
 * Keys of the merged object in a sensible order: ours first, as ours has them; a key only theirs
 * has goes right after the key that precedes it in theirs (so a locale file stays in document
 * order when both sides add keys).
 */
export function mergeKeyOrder(ours: readonly string[], theirs: readonly string[]): string[] {
  const out = [...ours];
  const present = new Set(out);
  let previous: string | null = null;
  for (const key of theirs) {
    if (!present.has(key)) {
      const at = previous === null ? 0 : out.indexOf(previous) + 1;
      out.splice(at, 0, key);
      present.add(key);
    }
    previous = key;
  }
  return out;
}

/**
 * Lists treated as sets (candidates, history, QA ignores): what either side added is kept, what
 * either side removed from the base is dropped. Order: ours, then theirs' additions.
 */
export function mergeSetList<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], identity: (item: T) => string): T[] {
  const baseIds = new Set(base.map(identity));
  const oursIds = new Set(ours.map(identity));
  const theirsIds = new Set(theirs.map(identity));
  const removed = (id: string) => baseIds.has(id) && (!oursIds.has(id) || !theirsIds.has(id));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const item of [...ours, ...theirs]) {
    const id = identity(item);
    if (seen.has(id) || removed(id)) continue;
    seen.add(id);
    out.push(item);
  }
  return out;
}
