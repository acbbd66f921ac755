import { AllocationNetwork } from './allocation-network';
import { groupOffers } from './offer-groups';
import { ShopTree } from './shop-tree';

/**
 * The network the solvers work on: the shop tree above the requests, offer groups below them.
 *
 *   source → [shop] → [shop × category] → request ──cost──> group ──0──> offer → sink
 *
 * Node ids: offers [0, m), requests [m, m + R), shop / shop × category nodes [m + R, firstGroup),
 * groups [firstGroup, nodeCount). A request's arc to a group is an "arm"; a group's arc to one of
 * its offers is a "member" arc (unbounded: the offer's free slots bound it).
 */
export interface AllocationGraph extends ShopTree {
  readonly firstGroup: number;
  readonly groupCount: number;
  readonly nodeCount: number;
  /** CSR by group index (node − firstGroup) into memberOffer. */
  readonly memberStart: Int32Array;
  readonly memberOffer: Int32Array;
  /** Per member arc: its group's node id. */
  readonly memberGroup: Int32Array;
  /** CSR by offer into feederMember: the member arcs that reach the offer. */
  readonly feederStart: Int32Array;
  readonly feederMember: Int32Array;
  /** CSR by request into armGroup (node ids) / armCost, cheapest first. */
  readonly armStart: Int32Array;
  readonly armGroup: Int32Array;
  readonly armCost: Int32Array;
  /** Per arm: its request index. */
  readonly armRequest: Int32Array;
  /** CSR by group index into inArm: the arms into the group, by arm id. */
  readonly inArmStart: Int32Array;
  readonly inArm: Int32Array;
}

/** Groups the edges of the requests in the shop tree (the others can never be served). */
export function buildAllocationGraph(network: AllocationNetwork, tree: ShopTree): AllocationGraph {
  const { offerCount: m, requestCount: R, extraCount: X } = tree;
  const inTree = (r: number): boolean => tree.parent[m + r] >= 0 || tree.supply[m + r] > 0;
  const groups = groupOffers(network, inTree);
  const G = groups.groupCount;
  const firstGroup = m + R + X;
  const nodeCount = firstGroup + G;

  const memberGroup = new Int32Array(groups.memberOffer.length);
  const feederStart = new Int32Array(m + 1);
  for (let g = 0; g < G; g++) {
    for (let k = groups.memberStart[g]; k < groups.memberStart[g + 1]; k++) {
      memberGroup[k] = firstGroup + g;
      feederStart[groups.memberOffer[k] + 1]++;
    }
  }
  for (let o = 0; o < m; o++) feederStart[o + 1] += feederStart[o];
  const feederMember = new Int32Array(groups.memberOffer.length);
  const feederFill = feederStart.slice(0, m);
  for (let k = 0; k < groups.memberOffer.length; k++) feederMember[feederFill[groups.memberOffer[k]]++] = k;

  const arms = groups.armGroup.length;
  const armRequest = new Int32Array(arms);
  const inArmStart = new Int32Array(G + 1);
  for (let r = 0; r < R; r++) {
    for (let a = groups.armStart[r]; a < groups.armStart[r + 1]; a++) {
      armRequest[a] = r;
      inArmStart[groups.armGroup[a] + 1]++;
    }
  }
  for (let g = 0; g < G; g++) inArmStart[g + 1] += inArmStart[g];
  const inArm = new Int32Array(arms);
  const inFill = inArmStart.slice(0, G);
  for (let a = 0; a < arms; a++) inArm[inFill[groups.armGroup[a]]++] = a;
  // Group indices become node ids in place (the grouping's array is not used elsewhere).
  const armGroup = groups.armGroup;
  for (let a = 0; a < arms; a++) armGroup[a] += firstGroup;

  return {
    ...tree,
    parent: extend(tree.parent, nodeCount, -1),
    supply: extend(tree.supply, nodeCount, 0),
    minCost: extendFloat(tree.minCost, nodeCount),
    firstGroup,
    groupCount: G,
    nodeCount,
    memberStart: groups.memberStart,
    memberOffer: groups.memberOffer,
    memberGroup,
    feederStart,
    feederMember,
    armStart: groups.armStart,
    armGroup,
    armCost: groups.armCost,
    armRequest,
    inArmStart,
    inArm,
  };
}

/** Per-node arrays cover the group nodes too (no parent, no supply). */
function extend(values: Int32Array, length: number, fill: number): Int32Array {
  const grown = new Int32Array(length).fill(fill);
  grown.set(values);
  return grown;
}

function extendFloat(values: Float64Array, length: number): Float64Array {
  const grown = new Float64Array(length).fill(Infinity);
  grown.set(values);
  return grown;
}
