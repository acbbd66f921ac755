import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../api/request-context';
import { Public, Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { MailOutboxService } from '../mail-outbox.service';
import { RequestContext } from '../../common/request-context';
import { MailPreferenceService } from '../mail-preference.service';
import { OutgoingMailArgs, ResendMailInput, SetMailPreferenceInput, UnsubscribeByLinkInput } from './mail.inputs';
import { MailPreferenceModel, OutgoingMailPageModel, toMailPreferenceModel, toOutgoingMailModel } from './mail.models';
import { ResendMailResult, SetMailPreferenceResult, toResendMailResult, toSetMailPreferenceResult, toUnsubscribeByLinkResult, UnsubscribeByLinkResult } from './mail.results';
import { ListSize } from '../../api/query-cost';
import { MailKind } from '../mail.types';

@Resolver()
export class MailPreferenceResolver {
  constructor(private readonly preferences: MailPreferenceService) {}

  @ListSize(Object.keys(MailKind).length)
  @Query(() => [MailPreferenceModel], { description: 'How the signed-in person receives each kind of e-mail.' })
  async myMailPreferences(@Ctx() ctx: RequestContext): Promise<MailPreferenceModel[]> {
    return (await this.preferences.mine(ctx)).map(toMailPreferenceModel);
  }

  @Mutation(() => SetMailPreferenceResult, { description: 'Receive a kind of e-mail at once, in a daily digest, or not at all.' })
  async setMailPreference(@Ctx() ctx: RequestContext, @Args('input') input: SetMailPreferenceInput): Promise<typeof SetMailPreferenceResult> {
    return toSetMailPreferenceResult(await this.preferences.setMine(ctx, input.kind, input.delivery));
  }

  @Public()
  @Mutation(() => UnsubscribeByLinkResult, { description: 'Turn off the kind of e-mail a signed unsubscribe link names, without logging in.' })
  async unsubscribeByLink(@Ctx() ctx: RequestContext, @Args('input') input: UnsubscribeByLinkInput): Promise<typeof UnsubscribeByLinkResult> {
    return toUnsubscribeByLinkResult(await this.preferences.unsubscribe(ctx, input.token));
  }
}

/** Staff's view of the outgoing mail, and sending a failed or uncertain message again. */
@Roles(UserRole.MINISTRY, UserRole.ADMIN)
@Resolver()
export class OutgoingMailResolver {
  constructor(private readonly outbox: MailOutboxService) {}

  @Query(() => OutgoingMailPageModel, { description: 'Outgoing e-mails, newest first, without their bodies (staff).' })
  async outgoingMail(@Ctx() ctx: RequestContext, @Args() args: OutgoingMailArgs): Promise<OutgoingMailPageModel> {
    return mapPage(await this.outbox.list(ctx, { status: args.status }, args), toOutgoingMailModel);
  }

  @Mutation(() => ResendMailResult, { description: 'Send a FAILED or UNCERTAIN e-mail again, as a new message with a new Message-ID (an UNCERTAIN one may arrive twice).' })
  async resendMail(@Ctx() ctx: RequestContext, @Args('input') input: ResendMailInput): Promise<typeof ResendMailResult> {
    return toResendMailResult(await this.outbox.resend(ctx, input.id));
  }
}
