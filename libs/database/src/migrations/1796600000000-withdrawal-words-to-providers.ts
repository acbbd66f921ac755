import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A provider's notification that a shop withdrew carried the shop's own words in its parameters
 * (the API returned them, though the page hid them). The platform's reason codes stay; a person's
 * words go. Nothing to undo: the words are not kept anywhere they could come back from.
 */
/** The platform's reason codes when this migration was written (match-reasons.ts). */
const SYSTEM_REASONS = [
  'NO_ANSWER', 'OFFER_ENDED', 'NO_LONGER_ELIGIBLE', 'FREE_PERIOD_ENDED', 'REQUEST_CANCELLED', 'ALLOCATED_ELSEWHERE', 'ALLOCATION_RUN',
  'CALL_ADMISSION', 'PROVIDER_SUSPENDED', 'PROVIDER_REJECTED', 'OFFER_SUSPENDED', 'SET_PART_ENDED', 'SET_WITHDRAWN',
];

export class WithdrawalWordsToProviders1796600000000 implements MigrationInterface {
  name = 'WithdrawalWordsToProviders1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE notification SET params = jsonb_set(params, '{reason}', 'null')
       WHERE kind = 'MATCH_WITHDRAWN' AND params->>'audience' = 'PROVIDER' AND params->>'reason' IS NOT NULL
         AND NOT (split_part(params->>'reason', ':', 1) = ANY($1)) AND params->>'reason' !~ '^allocation run '
    `, [SYSTEM_REASONS]);
  }

  public async down(): Promise<void> {
    // The words removed are not restored.
  }
}
