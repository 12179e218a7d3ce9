/**
 * A bounded memo for wrapped text, keyed by (item, width).
 *
 * Wrapping a paragraph costs far more than drawing it, and the screen redraws on every key: the
 * review screen wraps each visible segment once per width and reuses the rows until the segment's
 * text changes (callers put a version in the item id) or the terminal is resized. The bound keeps
 * memory flat when a translator scrolls through 10,000 segments; the least recently used entries go.
 */
export class WrapCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit = 2000) {}

  get(id: string, width: number, compute: () => T): T {
    const key = `${width}\u0000${id}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert so Map order is recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
