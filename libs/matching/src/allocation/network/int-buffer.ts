/** Growable Int32 buffer, for arrays whose length is known only once they are filled (edges, groups). */
export class IntBuffer {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  /** A copy of the values, exactly as long. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /** The values without a copy (the buffer's spare room stays allocated behind the view). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
