/**
 * What ministry staff give the moderation service.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface SuspendOffer {
  readonly offerId: string;
  readonly reason: string;
}

export interface ReinstateOffer {
  readonly offerId: string;
  readonly note?: string;
}
