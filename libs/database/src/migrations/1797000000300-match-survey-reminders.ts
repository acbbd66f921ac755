import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which timed surveys a match's shop was reminded of, on the match itself: the reminders used to
 * be told apart by their notifications, which an erasure or the retention purge deletes, so a
 * purged reminder was sent again. Matches take the reminders their notifications still show.
 */
export class MatchSurveyReminders1797000000300 implements MigrationInterface {
  name = 'MatchSurveyReminders1797000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match" ADD "survey_reminders" "public"."outcome_checkpoint" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE "match" m SET "survey_reminders" = r.checkpoints
         FROM (SELECT n.match_id, array_agg(DISTINCT (n.params->>'checkpoint')::"public"."outcome_checkpoint") AS checkpoints
                 FROM "notification" n
                WHERE n.kind = 'SURVEY_DUE' AND n.match_id IS NOT NULL AND n.params->>'checkpoint' IN ('DAY_30', 'DAY_90')
                GROUP BY n.match_id) r
        WHERE r.match_id = m.id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "survey_reminders"`);
  }
}
