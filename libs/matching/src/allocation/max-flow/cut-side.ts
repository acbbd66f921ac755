/** Side of the maximal minimum cut a node lies on (see maximum-flow.ts). */
export const UNDER_DEMANDED = 0;
export const OVER_DEMANDED = 1;
