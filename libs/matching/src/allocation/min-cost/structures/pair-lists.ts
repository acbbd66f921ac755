/**
 * For many small sets of items (holders' edges, one set per offer pair), the item of least key:
 * doubly linked lists threaded through per-item typed arrays, with each set's minimum cached and
 * rescanned only when the minimum itself leaves. Sets are small (a few holders per pair), and
 * there can be millions of them, so one typed array per set (a heap each) would cost far more in
 * allocation than the rescans do. Ties break by item id, so the minimum is canonical.
 */
export class PairLists {
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly keys: Int32Array;
  private readonly setOf: Int32Array;
  private head: Int32Array;
  private min: Int32Array;
  /** Each set's least key, beside its item: searches read it for every pair they relax. */
  private minKeys: Int32Array;
  private sizes: Int32Array;

  constructor(items: number) {
    this.next = new Int32Array(items);
    this.prev = new Int32Array(items);
    this.keys = new Int32Array(items);
    this.setOf = new Int32Array(items).fill(-1);
    this.head = new Int32Array(1024).fill(-1);
    this.min = new Int32Array(1024).fill(-1);
    this.minKeys = new Int32Array(1024);
    this.sizes = new Int32Array(1024);
  }

  /** Makes room for set ids below `sets`. */
  ensureSets(sets: number): void {
    if (sets <= this.head.length) return;
    const length = Math.max(sets, 2 * this.head.length);
    const grow = (old: Int32Array, fill: number): Int32Array => {
      const grown = new Int32Array(length).fill(fill);
      grown.set(old);
      return grown;
    };
    this.head = grow(this.head, -1);
    this.min = grow(this.min, -1);
    this.minKeys = grow(this.minKeys, 0);
    this.sizes = grow(this.sizes, 0);
  }

  size(set: number): number {
    return this.sizes[set];
  }

  has(item: number): boolean {
    return this.setOf[item] >= 0;
  }

  setOfItem(item: number): number {
    return this.setOf[item];
  }

  minItem(set: number): number {
    return this.min[set];
  }

  minKey(set: number): number {
    return this.minKeys[set];
  }

  /** How many items of a set share its least key. */
  countAtMin(set: number): number {
    const best = this.min[set];
    if (best < 0) return 0;
    let count = 0;
    for (let i = this.head[set]; i >= 0; i = this.next[i]) if (this.keys[i] === this.keys[best]) count++;
    return count;
  }

  insert(set: number, item: number, key: number): void {
    this.keys[item] = key;
    this.setOf[item] = set;
    const first = this.head[set];
    this.next[item] = first;
    this.prev[item] = -1;
    if (first >= 0) this.prev[first] = item;
    this.head[set] = item;
    this.sizes[set]++;
    const best = this.min[set];
    if (best < 0 || this.before(item, best)) {
      this.min[set] = item;
      this.minKeys[set] = key;
    }
  }

  remove(item: number): void {
    const set = this.setOf[item];
    const before = this.prev[item];
    const after = this.next[item];
    if (before >= 0) this.next[before] = after;
    else this.head[set] = after;
    if (after >= 0) this.prev[after] = before;
    this.setOf[item] = -1;
    this.sizes[set]--;
    if (this.min[set] !== item) return;
    let best = -1;
    for (let i = this.head[set]; i >= 0; i = this.next[i]) if (best < 0 || this.before(i, best)) best = i;
    this.min[set] = best;
    if (best >= 0) this.minKeys[set] = this.keys[best];
  }

  private before(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && a < b);
  }
}
