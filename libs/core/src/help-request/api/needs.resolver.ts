import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PublicCache } from '../../api/public-cache';
import { Ctx } from '../../api/request-context';
import { Public, Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { HelpRequestService } from '../help-request.service';
import { CreateHelpRequestsResult, toCreateHelpRequestsResult } from './help-request.results';
import { CreateHelpRequestsFromNeedsInput, needsQuestionnaire, NeedsQuestionnaireModel } from './needs.models';

/** The questionnaire changes only with a release: caches may keep it for an hour. */
const QUESTIONNAIRE_CACHE_SECONDS = 3600;

@Resolver(() => NeedsQuestionnaireModel)
export class NeedsResolver {
  constructor(private readonly helpRequests: HelpRequestService) {}

  @Public()
  @PublicCache(QUESTIONNAIRE_CACHE_SECONDS)
  @Query(() => NeedsQuestionnaireModel, { description: 'The needs questionnaire: its question, the answers and the service categories each calls for (public).' })
  needsQuestionnaire(): NeedsQuestionnaireModel {
    return needsQuestionnaire();
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => CreateHelpRequestsResult, {
    description: 'Turn the questionnaire’s answers into requests of your shop: those given (each for a service the answers call for), or one for every such service. All are created, or none.',
  })
  async createHelpRequestsFromNeeds(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestsFromNeedsInput): Promise<typeof CreateHelpRequestsResult> {
    return toCreateHelpRequestsResult(await this.helpRequests.createFromNeeds(ctx, input));
  }
}
