import type { TFunction } from 'i18next';

/** The reasons the platform records as codes, sometimes with details ("NO_LONGER_ELIGIBLE: CATEGORY"). */
const SYSTEM_REASONS = ['NO_ANSWER', 'OFFER_ENDED', 'NO_LONGER_ELIGIBLE', 'FREE_PERIOD_ENDED', 'REQUEST_CANCELLED', 'ALLOCATED_ELSEWHERE', 'ALLOCATION_RUN'] as const;
type SystemReason = (typeof SYSTEM_REASONS)[number];

const isSystemReason = (code: string | undefined): code is SystemReason => SYSTEM_REASONS.some((known) => known === code);

/** A step's or a match's reason for people: a platform code in words, a person's reason as they wrote it. */
export function reasonText(reason: string, t: TFunction): string {
  const code = /^([A-Z_]+)(?::|$)/.exec(reason)?.[1];
  return isSystemReason(code) ? t(`matches.systemReasons.${code}`) : reason;
}
