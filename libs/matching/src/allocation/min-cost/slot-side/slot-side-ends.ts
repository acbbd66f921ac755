/**
 * The ends a slot-side search has found, cheapest first: an untouched unserved request of a
 * settled group (node = the group, position = the request's place in the over-side index), or a
 * top with supply left (position = -1). A binary min-heap on typed arrays; equal keys come out
 * in the order they went in, so the search stays deterministic.
 */
export class EndQueue {
  private keys = new Float64Array(64);
  private nodes = new Int32Array(64);
  private positions = new Int32Array(64);
  private orders = new Float64Array(64);
  private pushed = 0;
  size = 0;
  /** The entry last popped. */
  key = 0;
  node = 0;
  position = 0;

  clear(): void {
    this.size = 0;
  }

  minKey(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  push(key: number, node: number, position: number): void {
    if (this.size === this.keys.length) this.grow();
    const order = this.pushed++;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(key, order, this.keys[parent], this.orders[parent])) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, key, node, position, order);
  }

  /** Removes the cheapest entry into key / node / position. */
  pop(): void {
    this.key = this.keys[0];
    this.node = this.nodes[0];
    this.position = this.positions[0];
    const last = --this.size;
    if (last === 0) return;
    const key = this.keys[last];
    const order = this.orders[last];
    const node = this.nodes[last];
    const position = this.positions[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && earlier(this.keys[child + 1], this.orders[child + 1], this.keys[child], this.orders[child])) child++;
      if (!earlier(this.keys[child], this.orders[child], key, order)) break;
      this.move(child, i);
      i = child;
    }
    this.place(i, key, node, position, order);
  }

  private place(i: number, key: number, node: number, position: number, order: number): void {
    this.keys[i] = key;
    this.nodes[i] = node;
    this.positions[i] = position;
    this.orders[i] = order;
  }

  private move(from: number, to: number): void {
    this.place(to, this.keys[from], this.nodes[from], this.positions[from], this.orders[from]);
  }

  private grow(): void {
    const length = this.keys.length * 2;
    const keys = new Float64Array(length);
    const nodes = new Int32Array(length);
    const positions = new Int32Array(length);
    const orders = new Float64Array(length);
    keys.set(this.keys);
    nodes.set(this.nodes);
    positions.set(this.positions);
    orders.set(this.orders);
    this.keys = keys;
    this.nodes = nodes;
    this.positions = positions;
    this.orders = orders;
  }
}

function earlier(key: number, order: number, otherKey: number, otherOrder: number): boolean {
  return key < otherKey || (key === otherKey && order < otherOrder);
}
