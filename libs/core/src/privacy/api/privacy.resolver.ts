import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';
import { Ctx } from '../../api/request-context';
import { SessionCookie } from '../../auth/api/session-cookie';
import { RequestContext } from '../../common/request-context';
import { AccountErasureService } from '../account-erasure.service';
import { CancelPaperRegistrationInput, DeleteMyAccountInput } from './privacy.inputs';
import { PaperRegistrationCancellationService } from '../paper-registration-cancellation.service';
import { UserRole } from '../../auth/user-role';
import { RetentionService } from '../retention.service';
import { Public, Roles } from '../../auth/api/auth.decorators';
import { privacyNotice } from '../privacy-notice';
import { retentionCutoffs } from '../retention-policy';
import {
  ERASURE_BLOCKER_KINDS,
  ErasureBlockerModel,
  PrivacyNoticeModel, RetentionReportModel, toErasureBlockerModel, toPrivacyNoticeModel, toRetentionReportModel } from './privacy.models';
import { CancelPaperRegistrationResult, DeleteMyAccountResult, toCancelPaperRegistrationResult, toDeleteMyAccountResult } from './privacy.results';
import { ListSize } from '../../api/query-cost';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly cookie: SessionCookie,
    private readonly retention: RetentionService,
    private readonly paperRegistrations: PaperRegistrationCancellationService,
  ) {}

  @Public()
  @Query(() => PrivacyNoticeModel, { description: 'The privacy notice, with the retention periods configured on this platform.' })
  privacyNotice(@Ctx() ctx: RequestContext): PrivacyNoticeModel {
    return toPrivacyNoticeModel(privacyNotice(retentionCutoffs(ctx.now, this.retention.periods())));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => RetentionReportModel, { description: 'The retention periods configured and what the daily job would purge or pseudonymise now (nothing changes).' })
  async retentionReport(@Ctx() ctx: RequestContext): Promise<RetentionReportModel> {
    return toRetentionReportModel(await this.retention.dryRun(ctx));
  }

  @ListSize(ERASURE_BLOCKER_KINDS)
  @Query(() => [ErasureBlockerModel], { description: 'What keeps the signed-in account from being deleted now (empty: nothing).' })
  async myErasureBlockers(@Ctx() ctx: RequestContext): Promise<ErasureBlockerModel[]> {
    return (await this.erasure.blockers(ctx)).map(toErasureBlockerModel);
  }

  @Mutation(() => DeleteMyAccountResult, {
    description:
      'Delete the signed-in account (Art. 17 GDPR), confirmed with its password: refused while matches, waitlist places, requests or offers are live, or while a facilitator has shops registered on paper that nobody has claimed or selection calls open (staff accounts are closed by an administrator); otherwise personal data is erased or pseudonymised, a facilitator’s delegations and invitations end, and every session ends.',
  })
  async deleteMyAccount(@Ctx() ctx: RequestContext, @Args('input') input: DeleteMyAccountInput, @Context('res') res: Response): Promise<typeof DeleteMyAccountResult> {
    const outcome = await this.erasure.eraseOwnAccount(ctx, input.password);
    if (outcome.kind === 'erased') this.cookie.clear(res);
    return toDeleteMyAccountResult(outcome);
  }

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => CancelPaperRegistrationResult, {
    description:
      'Cancel the registration of a shop your organisation registered on paper by mistake, confirmed with your password: allowed while nobody has claimed it, no other facilitator acts for it, and it has no service (in any state) and no application to a selection call. The shop, its requests, handovers and claim e-mails are deleted, so its Partita IVA is free again; the audit trail keeps what happened without its personal data. Cannot be undone.',
  })
  async cancelPaperRegistration(@Ctx() ctx: RequestContext, @Args('input') input: CancelPaperRegistrationInput): Promise<typeof CancelPaperRegistrationResult> {
    return toCancelPaperRegistrationResult(await this.paperRegistrations.cancel(ctx, input));
  }
}
