/** How the monitoring figures are grouped. */
export enum BreakdownDimension {
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  CATEGORY = 'CATEGORY',
  SECTOR = 'SECTOR',
}

export enum TimeBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
}
