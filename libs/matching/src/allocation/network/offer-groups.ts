import { AllocationNetwork } from './allocation-network';
import { IntBuffer } from './int-buffer';

/**
 * The candidate edges, grouped: the offers a request reaches at one and the same cost form a
 * group, and every request that reaches exactly that set of offers at one cost shares the group.
 *
 *   request ──(cost)──> group ──(0, unbounded)──> each offer of the group
 *
 * This is the same problem (a request sends its unit to one offer through its group, at the cost
 * of the edge), but a national offer no longer has an edge from every shop in Italy: the shops of
 * a comune reach "the national online-store offers" once, and the group reaches each of them once.
 * Exact ties are what make the edge set large and the search plateaus wide; grouped, a plateau of
 * tied offers is crossed through one node instead of offer by offer. Nothing here knows why costs
 * tie: groups are found from the edge costs alone, so the grouping is exact for any weights.
 *
 * A request's groups ("arms") have distinct costs, in increasing order. Groups are numbered in
 * order of first appearance, requests in canonical order, so the grouping is canonical too.
 */
export interface OfferGroups {
  readonly groupCount: number;
  /** CSR by group into memberOffer: its offers, ascending. */
  readonly memberStart: Int32Array;
  readonly memberOffer: Int32Array;
  /** CSR by request into armGroup / armCost. */
  readonly armStart: Int32Array;
  readonly armGroup: Int32Array;
  readonly armCost: Int32Array;
}

/** Groups the edges of the requests `included` admits (the others get no arms). */
export function groupOffers(network: AllocationNetwork, included: (request: number) => boolean): OfferGroups {
  const { edgeStart, edgeOffer, edgeCost, offers } = network;
  const R = edgeStart.length - 1;
  const table = new GroupTable(offers.length);
  const armStart = new Int32Array(R + 1);
  // Every request with edges has at least one arm: starting there, the arm buffers double once or
  // twice instead of ten times, and are handed over without a copy. Every 64 MB of typed arrays
  // allocated sets off a full collection of the whole heap.
  const armGroup = new IntBuffer(R);
  const armCost = new IntBuffer(R);
  // A request's edges take few distinct costs: bucket them by cost (offers stay ascending
  // within a bucket, since edges come by offer), then take the buckets by increasing cost.
  const degreeMax = maxDegree(edgeStart);
  const costs = new Float64Array(degreeMax);
  const bucketOf = new Int32Array(degreeMax);
  const counts = new Int32Array(degreeMax + 1);
  const sorted = new Int32Array(degreeMax);
  const order = new Float64Array(degreeMax);
  for (let r = 0; r < R; r++) {
    const start = edgeStart[r];
    const degree = edgeStart[r + 1] - start;
    if (degree > 0 && included(r)) {
      let distinct = 0;
      for (let i = 0; i < degree; i++) {
        const cost = edgeCost[start + i];
        let b = 0;
        while (b < distinct && costs[b] !== cost) b++;
        if (b === distinct) {
          costs[distinct] = cost;
          counts[distinct++] = 0;
        }
        bucketOf[i] = b;
        counts[b]++;
      }
      // Bucket starts, then offers placed bucket by bucket in edge order.
      let offset = 0;
      for (let b = 0; b < distinct; b++) {
        const size = counts[b];
        counts[b] = offset;
        offset += size;
      }
      counts[distinct] = degree;
      for (let i = 0; i < degree; i++) sorted[counts[bucketOf[i]]++] = edgeOffer[start + i];
      // counts[b] now ends bucket b; buckets by cost (cost × span + bucket is exact and distinct).
      for (let b = 0; b < distinct; b++) order[b] = costs[b] * BUCKET_SPAN + b;
      sortFew(order, distinct);
      for (let i = 0; i < distinct; i++) {
        const b = order[i] % BUCKET_SPAN;
        const from = b === 0 ? 0 : counts[b - 1];
        armGroup.push(table.idOf(sorted, from, counts[b] - from));
        armCost.push(costs[b]);
      }
    }
    armStart[r + 1] = armGroup.length;
  }
  return {
    groupCount: table.count,
    memberStart: table.memberStarts(),
    memberOffer: table.members.toArray(),
    armStart,
    armGroup: armGroup.view(),
    armCost: armCost.view(),
  };
}

/**
 * Sorts values[0, count) ascending by insertion: a request has a handful of distinct costs, and
 * a native sort of a subarray would cost a view object and a call per request.
 */
function sortFew(values: Float64Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

/** Bucket indices stay below 2^20 (a request's distinct costs), costs below 2^24. */
const BUCKET_SPAN = 2 ** 20;

function maxDegree(edgeStart: Int32Array): number {
  let max = 0;
  for (let r = 0; r + 1 < edgeStart.length; r++) max = Math.max(max, edgeStart[r + 1] - edgeStart[r]);
  return max;
}


/**
 * Group ids by member list, by open addressing on a hash of the list; a hit is confirmed by
 * comparing the lists, so a hash collision never merges two groups.
 */
class GroupTable {
  readonly members = new IntBuffer();
  private readonly starts = new IntBuffer();
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  count = 0;

  constructor(private readonly offerCount: number) {
    this.starts.push(0);
    // Every offer's singleton group first, so that the group of one offer is numbered like it.
    const single = new Int32Array(1);
    for (let o = 0; o < offerCount; o++) {
      single[0] = o;
      this.idOf(single, 0, 1);
    }
  }

  /** The id of the group of offers list[from, from + size), created if new. */
  idOf(list: Int32Array, from: number, size: number): number {
    if (size === 1) {
      const o = list[from];
      if (o < this.count && this.count >= this.offerCount) return o;
    }
    const hash = hashList(list, from, size);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i];
      if (id < 0) return this.insert(i, hash, list, from, size);
      if (this.hashes[i] === hash && this.same(id, list, from, size)) return id;
    }
  }

  memberStarts(): Int32Array {
    return this.starts.toArray();
  }

  private same(id: number, list: Int32Array, from: number, size: number): boolean {
    const data = this.members.data;
    const start = this.starts.data[id];
    if (this.starts.data[id + 1] - start !== size) return false;
    for (let k = 0; k < size; k++) if (data[start + k] !== list[from + k]) return false;
    return true;
  }

  private insert(slot: number, hash: number, list: Int32Array, from: number, size: number): number {
    const id = this.count++;
    for (let k = 0; k < size; k++) this.members.push(list[from + k]);
    this.starts.push(this.members.length);
    this.slots[slot] = id;
    this.hashes[slot] = hash;
    if (2 * this.count > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2).fill(-1);
    this.hashes = new Int32Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] < 0) continue;
      let i = oldHashes[j] & mask;
      while (this.slots[i] >= 0) i = (i + 1) & mask;
      this.slots[i] = oldSlots[j];
      this.hashes[i] = oldHashes[j];
    }
  }
}

/** FNV-1a over the list's integers, then a final mix. */
function hashList(list: Int32Array, from: number, size: number): number {
  let h = 0x811c9dc5 ^ size;
  for (let k = from; k < from + size; k++) h = Math.imul(h ^ list[k], 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) & 0x7fffffff;
}
