/** DRAFT → PUBLISHED ↔ PAUSED → CLOSED (a draft may also be closed). */
export enum OfferStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  PAUSED = 'PAUSED',
  CLOSED = 'CLOSED',
}

export enum CoverageKind {
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  COMUNE = 'COMUNE',
  RADIUS = 'RADIUS',
}
