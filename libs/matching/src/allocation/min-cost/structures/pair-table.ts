/**
 * Ids for (source, target) offer pairs, by open addressing on typed arrays: a Map with number
 * keys is several times slower, and pairs are looked up on every holder move.
 */
export class PairTable {
  private keys: Float64Array;
  private values: Int32Array;
  private count = 0;

  constructor(
    private readonly offers: number,
    expected: number,
  ) {
    let size = 1024;
    while (size < 2 * expected) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.values = new Int32Array(size);
  }

  /** The id of (source, target), or -1. */
  get(source: number, target: number): number {
    const key = source * this.offers + target;
    const mask = this.keys.length - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === key) return this.values[i];
      if (k === -1) return -1;
    }
  }

  set(source: number, target: number, id: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const key = source * this.offers + target;
    const mask = this.keys.length - 1;
    let i = hash(key) & mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.keys[i] === -1) this.count++;
    this.keys[i] = key;
    this.values[i] = id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.values = new Int32Array(oldKeys.length * 2);
    this.count = 0;
    const mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j];
      if (key === -1) continue;
      let i = hash(key) & mask;
      while (this.keys[i] !== -1) i = (i + 1) & mask;
      this.keys[i] = key;
      this.values[i] = oldValues[j];
      this.count++;
    }
  }
}

function hash(key: number): number {
  // Keys stay below 2^53; fold the high part in, then mix (Murmur3 finaliser).
  let h = (key | 0) ^ Math.floor(key / 4294967296);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
