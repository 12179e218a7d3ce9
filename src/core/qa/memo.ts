/**
 * A bounded memo for results computed from a text. QA reads each source paragraph once per
 * target language and per check, so the checks remember what they worked out for the last few
 * thousand texts. When the memo is full it is emptied rather than kept in least-recently-used
 * order: articles are checked one after another, so what is worth remembering is recent
 * anyway, and emptying costs nothing per lookup.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit = 4096) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Remembers `value` for `key` and returns it. */
  set(key: K, value: V): V {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
