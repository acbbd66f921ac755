/**
 * Binary min-heap of node ids keyed by an external Float64Array, with decrease-key.
 * Typed arrays, no per-push allocation: Dijkstra runs hundreds of thousands of times.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  /** Position of each node in `heap`, or -1. */
  private readonly position: Int32Array;
  private count = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  peek(): number {
    return this.heap[0];
  }

  push(node: number): void {
    const i = this.count++;
    this.heap[i] = node;
    this.position[node] = i;
    this.siftUp(i);
  }

  /** Call after lowering `key[node]` of a node already in the heap. */
  decrease(node: number): void {
    this.siftUp(this.position[node]);
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    this.position[top] = -1;
    const last = heap[--this.count];
    if (this.count > 0) {
      heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  /** Takes a node out wherever it is in the heap. */
  remove(node: number): void {
    const i = this.position[node];
    this.position[node] = -1;
    const last = this.heap[--this.count];
    if (i === this.count) return;
    this.heap[i] = last;
    this.position[last] = i;
    this.siftDown(i);
    this.siftUp(this.position[last]);
  }

  has(node: number): boolean {
    return this.position[node] >= 0;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.position[this.heap[i]] = -1;
    this.count = 0;
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    const key = this.key;
    const position = this.position;
    const node = heap[start];
    const k = key[node];
    let i = start;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex];
      if (key[parent] <= k) break;
      heap[i] = parent;
      position[parent] = i;
      i = parentIndex;
    }
    heap[i] = node;
    position[node] = i;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const key = this.key;
    const position = this.position;
    const count = this.count;
    const node = heap[start];
    const k = key[node];
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= count) break;
      const right = child + 1;
      if (right < count && key[heap[right]] < key[heap[child]]) child = right;
      const c = heap[child];
      if (key[c] >= k) break;
      heap[i] = c;
      position[c] = i;
      i = child;
    }
    heap[i] = node;
    position[node] = i;
  }
}
