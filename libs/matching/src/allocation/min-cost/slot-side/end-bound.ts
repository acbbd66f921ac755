/**
 * How far a slot-side search for `want` units can ever need to look: the want-th least key among
 * the ends found so far, counting each top (the root of an end's chain, whose supply the end
 * draws on) once, at its cheapest end.
 *
 * Why no node at that distance or beyond is ever settled: the search pops every end with a key
 * up to a node's before it settles the node. Each of those want tops' ends is then taken (one
 * unit), stops the search, or is skipped because units already taken exhaust its top's supply;
 * the tops are distinct, so each skip stands for a taken unit of its own top. Either way, want
 * units are taken, or the search has stopped, before anything that far is settled.
 *
 * A max-heap of at most `want` tops, with each top's place, so that a cheaper end of a top
 * already counted lowers its key.
 */
export class EndBound {
  private readonly keys: Float64Array;
  private readonly tops: Int32Array;
  /** Per node: its place in the heap, or -1. */
  private readonly place: Int32Array;
  private size = 0;
  private want = 0;

  constructor(nodes: number, mostUnits: number) {
    this.keys = new Float64Array(mostUnits);
    this.tops = new Int32Array(mostUnits);
    this.place = new Int32Array(nodes).fill(-1);
  }

  /** Starts a search for `want` units. */
  reset(want: number): void {
    for (let i = 0; i < this.size; i++) this.place[this.tops[i]] = -1;
    this.size = 0;
    this.want = want;
  }

  /** Counts an end of `top` at `key`; returns the bound (Infinity while fewer than want tops have ends). */
  add(top: number, key: number): number {
    const { keys, tops, place } = this;
    const at = place[top];
    if (at >= 0) {
      if (key < keys[at]) {
        keys[at] = key;
        this.siftDown(at);
      }
    } else if (this.size < this.want) {
      const i = this.size++;
      keys[i] = key;
      tops[i] = top;
      place[top] = i;
      this.siftUp(i);
    } else if (key < keys[0]) {
      place[tops[0]] = -1;
      keys[0] = key;
      tops[0] = top;
      place[top] = 0;
      this.siftDown(0);
    }
    return this.size === this.want ? keys[0] : Infinity;
  }

  private siftUp(i: number): void {
    const { keys, tops, place } = this;
    const key = keys[i];
    const top = tops[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] >= key) break;
      this.set(i, keys[parent], tops[parent]);
      i = parent;
    }
    keys[i] = key;
    tops[i] = top;
    place[top] = i;
  }

  private siftDown(i: number): void {
    const { keys, tops, place, size } = this;
    const key = keys[i];
    const top = tops[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] > keys[child]) child++;
      if (keys[child] <= key) break;
      this.set(i, keys[child], tops[child]);
      i = child;
    }
    keys[i] = key;
    tops[i] = top;
    place[top] = i;
  }

  private set(i: number, key: number, top: number): void {
    this.keys[i] = key;
    this.tops[i] = top;
    this.place[top] = i;
  }
}
