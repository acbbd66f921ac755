import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { requireShopSide } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MatchLocks } from './match-locks';
import { ShopService } from '../shop/shop.service';
import { MatchEntity } from './match.entity';
import { MatchErrorCode, MatchException } from './match.exception';
import { OutcomeSurveyEntity } from './outcome-survey.entity';
import { checkpointRefusal, SurveyRefusal } from './surveys-due';
import type { AnswerOutcomeSurvey } from './match.commands';

export type SurveyOutcome =
  | { kind: 'answered'; survey: OutcomeSurveyEntity; match: MatchEntity }
  | { kind: 'not-due'; reason: SurveyRefusal | 'ALREADY_ANSWERED' };

/** The two-question outcome survey: at completion, and 30 and 90 days after activation. */
@Injectable()
export class OutcomeSurveyService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly locks: MatchLocks,
    private readonly shops: ShopService,
  ) {}

  async answer(ctx: RequestContext, input: AnswerOutcomeSurvey): Promise<SurveyOutcome> {
    const actor = requireShopSide(ctx);
    const seen = await this.connection.repository(ctx, MatchEntity).findOne({ where: { id: input.matchId }, relations: { shop: true } });
    if (!seen || !(await this.shops.actsFor(ctx, seen.shopId))) throw new MatchException(MatchErrorCode.MATCH_NOT_FOUND, 'input.matchId');
    return this.connection.withTransaction(ctx, async (tx) => {
      // Locked so that two answers at once cannot both pass the "not yet answered" check.
      const match = await this.locks.match(tx, seen.id);
      if (!match) throw new MatchException(MatchErrorCode.MATCH_NOT_FOUND, 'input.matchId');
      const due = checkpointRefusal(match, input.checkpoint, tx.now);
      if (due) return { kind: 'not-due', reason: due };
      const surveys = this.connection.repository(tx, OutcomeSurveyEntity);
      if (await surveys.existsBy({ matchId: match.id, checkpoint: input.checkpoint })) return { kind: 'not-due', reason: 'ALREADY_ANSWERED' };
      const survey = await surveys.save(
        surveys.create({
          matchId: match.id,
          checkpoint: input.checkpoint,
          gotOnlineOrders: input.gotOnlineOrders,
          approximateOrders: input.approximateOrders,
          answeredAt: tx.now,
          answeredByUserId: actor.userId,
        }),
      );
      await this.audit.record(tx, {
        action: 'outcome_survey.answered',
        entityType: 'match',
        entityId: match.id,
        after: { checkpoint: survey.checkpoint, gotOnlineOrders: survey.gotOnlineOrders, approximateOrders: survey.approximateOrders },
      });
      return { kind: 'answered', survey, match };
    });
  }
}
