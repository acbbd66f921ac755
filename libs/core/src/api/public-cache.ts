import { Extensions } from '@nestjs/graphql';
import type { GraphQLField } from 'graphql';

const PUBLIC_CACHE = 'publicCacheSeconds';

/**
 * A root query anyone may read, the same for everyone (territory, public figures, the public
 * catalogue): asked by GET without credentials, its answer may be kept by browsers and CDNs for
 * this many seconds.
 */
export const PublicCache = (maxAgeSeconds: number): MethodDecorator => Extensions({ [PUBLIC_CACHE]: maxAgeSeconds });

export function publicCacheSeconds(field: GraphQLField<unknown, unknown> | undefined): number | undefined {
  const seconds = field?.extensions?.[PUBLIC_CACHE];
  return typeof seconds === 'number' ? seconds : undefined;
}

/** Territory changes only with a migration; a day is short enough to see it. */
export const TERRITORY_CACHE_SECONDS = 86_400;
