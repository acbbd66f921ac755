import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../api/request-context';
import { Public } from '../../auth/api/auth.decorators';
import { RequestContext } from '../../common/request-context';
import { MailPreferenceService } from '../mail-preference.service';
import { SetMailPreferenceInput, UnsubscribeByLinkInput } from './mail.inputs';
import { MailPreferenceModel, toMailPreferenceModel } from './mail.models';
import { SetMailPreferenceResult, toSetMailPreferenceResult, toUnsubscribeByLinkResult, UnsubscribeByLinkResult } from './mail.results';

@Resolver()
export class MailPreferenceResolver {
  constructor(private readonly preferences: MailPreferenceService) {}

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
