/** What kind of organisation reaches shops for the programme. */
export enum FacilitatorKind {
  CHAMBER_OF_COMMERCE = 'CHAMBER_OF_COMMERCE',
  TRADE_ASSOCIATION = 'TRADE_ASSOCIATION',
  DIGITAL_INNOVATION_HUB = 'DIGITAL_INNOVATION_HUB',
  MUNICIPALITY = 'MUNICIPALITY',
  OTHER = 'OTHER',
}
