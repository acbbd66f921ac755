import { AllocationNetwork } from './allocation-network';
import { EdgeLists, ShopTree } from './transport-problem';

/**
 * Which of the network's candidate edges the min-cost solvers see.
 *
 * Under-demanded side (every request there is served): a request almost always ends on one of
 * its cheapest offers, so it shows its cheapest few edges by (cost, offer), plus the edge the
 * maximum flow served it with (so the shown edges can still serve everyone the whole network
 * can). After solving, the dual certificate is checked over every edge (pricing.ts); a request
 * with a hidden edge below zero shows twice as many and the problem is solved again. The result
 * is exact because the final potentials certify optimality over all edges.
 *
 * Over-demanded side (every slot there is filled): requests show every edge. There a request
 * competes for slots well beyond its cheapest offers (an offer ends holding requests far down
 * its own cost order), so any prefix would mostly buy pricing rounds; the slot-side solver is
 * built to cope with all of them.
 */
export interface ExposedEdges extends EdgeLists {
  /** Network edge id of each shown edge. */
  readonly origin: Int32Array;
}

/** How many of its cheapest edges an under-demanded request shows at first. */
export const REQUEST_EXPOSURE = 4;

export class EdgeExposure {
  /** Per request: how many of its cheapest edges it shows. */
  private readonly shown: Int32Array;
  /** Per network edge: shown whatever its rank (the maximum flow's). */
  private readonly forced: Uint8Array;
  private readonly inTree: Uint8Array;

  constructor(
    private readonly network: AllocationNetwork,
    tree: ShopTree,
    overDemanded: Uint8Array,
    requestExposure: number = REQUEST_EXPOSURE,
  ) {
    const { edgeStart, offers } = network;
    const R = edgeStart.length - 1;
    const m = offers.length;
    this.shown = new Int32Array(R);
    this.inTree = new Uint8Array(R);
    this.forced = new Uint8Array(network.edgeOffer.length);
    for (let r = 0; r < R; r++) {
      // Requests outside the shop tree (shop limits used up) can never be served: no edges.
      this.inTree[r] = tree.parent[m + r] >= 0 || tree.supply[m + r] > 0 ? 1 : 0;
      const degree = edgeStart[r + 1] - edgeStart[r];
      if (this.inTree[r] === 1) this.shown[r] = overDemanded[m + r] === 1 ? degree : Math.min(requestExposure, degree);
    }
  }

  force(edge: number): void {
    this.forced[edge] = 1;
  }

  /** Shows twice as many of request r's cheapest edges. */
  widenRequest(r: number): void {
    this.shown[r] = 2 * Math.max(1, this.shown[r]);
  }

  build(): ExposedEdges {
    const { edgeStart: netStart, edgeOffer: netOffer, edgeCost: netCost } = this.network;
    const { shown, inTree } = this;
    const R = netStart.length - 1;
    const mask = this.forced;
    const edgeStart = new Int32Array(R + 1);
    let total = 0;
    for (let r = 0; r < R; r++) {
      if (inTree[r] === 0) continue;
      let count = shown[r];
      for (let e = netStart[r]; e < netStart[r + 1]; e++) count += mask[e];
      total += Math.min(count, netStart[r + 1] - netStart[r]);
    }
    const edgeOffer = new Int32Array(total);
    const edgeCost = new Int32Array(total);
    const origin = new Int32Array(total);
    // Inserts network edge e into request r's sorted run [base, base + size).
    const insert = (base: number, size: number, e: number): void => {
      const cost = netCost[e];
      const offer = netOffer[e];
      let i = base + size;
      while (i > base && (edgeCost[i - 1] > cost || (edgeCost[i - 1] === cost && edgeOffer[i - 1] > offer))) {
        edgeCost[i] = edgeCost[i - 1];
        edgeOffer[i] = edgeOffer[i - 1];
        origin[i] = origin[i - 1];
        i--;
      }
      edgeCost[i] = cost;
      edgeOffer[i] = offer;
      origin[i] = e;
    };
    let out = 0;
    for (let r = 0; r < R; r++) {
      const base = out;
      let size = 0;
      if (inTree[r] === 1) {
        const k = Math.min(shown[r], netStart[r + 1] - netStart[r]);
        // The k smallest by (cost, offer), kept sorted: O(degree × k), k is small.
        for (let e = netStart[r]; e < netStart[r + 1] && k > 0; e++) {
          if (size === k) {
            const last = base + k - 1;
            if (netCost[e] > edgeCost[last] || (netCost[e] === edgeCost[last] && netOffer[e] > edgeOffer[last])) continue;
            size--;
          }
          insert(base, size++, e);
        }
        // Marked edges beyond those, in order after them.
        const kept = size;
        for (let e = netStart[r]; e < netStart[r + 1]; e++) {
          if (mask[e] === 0) continue;
          if (kept > 0) {
            const last = base + kept - 1;
            if (netCost[e] < edgeCost[last] || (netCost[e] === edgeCost[last] && netOffer[e] <= edgeOffer[last])) continue;
          }
          insert(base, size++, e);
        }
      }
      out = base + size;
      edgeStart[r + 1] = out;
    }
    return { edgeStart, edgeOffer: edgeOffer.subarray(0, out), edgeCost: edgeCost.subarray(0, out), origin: origin.subarray(0, out) };
  }
}
