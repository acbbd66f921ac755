/**
 * Many small binary min-heaps (one per offer) over integer items, each item in at most one heap
 * at a time, with O(log) insert, pop and removal of any item (positions kept per item).
 * Storage grows per heap by doubling; typed arrays, no per-operation allocation.
 */
export class HeapPool {
  private readonly items: Int32Array[] = [];
  private readonly keys: Float64Array[] = [];
  private sizes: Int32Array;
  /** Position of each item in its heap, or -1. */
  private readonly position: Int32Array;

  constructor(heaps: number, itemCount: number) {
    this.sizes = new Int32Array(Math.max(16, heaps));
    this.position = new Int32Array(itemCount).fill(-1);
  }

  /** Makes room for heap ids below `heaps` (heaps can be added as they are needed). */
  ensureHeaps(heaps: number): void {
    if (heaps <= this.sizes.length) return;
    const grown = new Int32Array(Math.max(heaps, this.sizes.length * 2));
    grown.set(this.sizes);
    this.sizes = grown;
  }

  size(heap: number): number {
    return this.sizes[heap];
  }

  has(item: number): boolean {
    return this.position[item] >= 0;
  }

  topItem(heap: number): number {
    return this.items[heap][0];
  }

  topKey(heap: number): number {
    return this.keys[heap][0];
  }

  insert(heap: number, item: number, key: number): void {
    let items = this.items[heap];
    const size = this.sizes[heap];
    if (items === undefined || size === items.length) {
      const capacity = Math.max(8, size * 2);
      const grownItems = new Int32Array(capacity);
      const grownKeys = new Float64Array(capacity);
      if (items !== undefined) {
        grownItems.set(items);
        grownKeys.set(this.keys[heap]);
      }
      this.items[heap] = items = grownItems;
      this.keys[heap] = grownKeys;
    }
    this.sizes[heap] = size + 1;
    this.place(heap, size, item, key);
    this.siftUp(heap, size);
  }

  pop(heap: number): number {
    const item = this.items[heap][0];
    this.removeAt(heap, 0);
    return item;
  }

  remove(heap: number, item: number): void {
    this.removeAt(heap, this.position[item]);
  }

  private removeAt(heap: number, index: number): void {
    const items = this.items[heap];
    const keys = this.keys[heap];
    this.position[items[index]] = -1;
    const last = --this.sizes[heap];
    if (index === last) return;
    this.place(heap, index, items[last], keys[last]);
    this.siftDown(heap, index);
    this.siftUp(heap, index);
  }

  private place(heap: number, index: number, item: number, key: number): void {
    this.items[heap][index] = item;
    this.keys[heap][index] = key;
    this.position[item] = index;
  }

  private siftUp(heap: number, start: number): void {
    const items = this.items[heap];
    const keys = this.keys[heap];
    const item = items[start];
    const key = keys[start];
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      items[i] = items[parent];
      keys[i] = keys[parent];
      this.position[items[i]] = i;
      i = parent;
    }
    items[i] = item;
    keys[i] = key;
    this.position[item] = i;
  }

  private siftDown(heap: number, start: number): void {
    const items = this.items[heap];
    const keys = this.keys[heap];
    const size = this.sizes[heap];
    const item = items[start];
    const key = keys[start];
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      items[i] = items[child];
      keys[i] = keys[child];
      this.position[items[i]] = i;
      i = child;
    }
    items[i] = item;
    keys[i] = key;
    this.position[item] = i;
  }
}
