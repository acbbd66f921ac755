/**
 * How large Italy's territory lists are: what a list of regions or of one region's provinces can
 * hold (Lombardia has the most, 12). Checked against the dataset by territory-size.spec.ts.
 */
export const REGION_COUNT = 20;
export const PROVINCE_COUNT = 107;
export const MAX_PROVINCES_PER_REGION = 12;
