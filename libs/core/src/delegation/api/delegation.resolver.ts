import { Args, ArgsType, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../api/pagination';
import { Ctx } from '../../api/request-context';
import { Public, Roles, SignedInIfAny } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { DelegationInvitationService } from '../delegation-invitation.service';
import { DelegationLinkService } from '../delegation-link.service';
import { DelegationService } from '../delegation.service';
import { AnswerDelegationInvitationInput, ClaimShopInput, DelegationIdInput, GrantDelegationInput, InviteShopInput, RegisterShopOnPaperInput, ResendClaimLinkInput } from './delegation.inputs';
import {
  ActionOnBehalfPageModel,
  DelegatedShopListArgs,
  DelegatedShopPageModel,
  DelegationLinkModel,
  DelegationPageModel,
  toActionOnBehalfModel,
  toDelegatedShopModel,
  toDelegationLinkModel,
  toDelegationModel,
} from './delegation.models';
import { ClaimShopResult, DelegationResult, toClaimShopResult, toDelegationResult } from './delegation.results';

@ArgsType()
class LinkArgs {
  @Field({ description: 'The link’s code (what follows /delega# or /rivendica#; in links sent before, /delega/ or /rivendica/).' }) @IsString() @MaxLength(200) link!: string;
}

/** Delegations of shops to facilitators (thin: the rules are the services'). */
@Resolver()
export class DelegationResolver {
  constructor(
    private readonly delegations: DelegationService,
    private readonly invitations: DelegationInvitationService,
    private readonly links: DelegationLinkService,
  ) {}

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => DelegationResult, { description: 'Invite a shop by e-mail to let your (approved) organisation act on its behalf.' })
  async inviteShop(@Ctx() ctx: RequestContext, @Args('input') input: InviteShopInput): Promise<typeof DelegationResult> {
    return toDelegationResult(await this.invitations.invite(ctx, input), 'input.email');
  }

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => DelegationResult, {
    description: 'Register a business without an account, under the paper consent its owner signed (flagged PAPER, with its date); the owner is e-mailed a link to claim it.',
  })
  async registerShopOnPaper(@Ctx() ctx: RequestContext, @Args('input') input: RegisterShopOnPaperInput): Promise<typeof DelegationResult> {
    return toDelegationResult(await this.delegations.registerOnPaper(ctx, input), 'input');
  }

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => DelegationResult, {
    description: 'Send the claim link again (to the same or a corrected address) for a shop you registered on paper that nobody has claimed yet; the previous link stops working.',
  })
  async resendClaimLink(@Ctx() ctx: RequestContext, @Args('input') input: ResendClaimLinkInput): Promise<typeof DelegationResult> {
    return toDelegationResult(await this.delegations.resendClaimLink(ctx, input), 'input.delegationId');
  }

  @Roles(UserRole.FACILITATOR)
  @Mutation(() => DelegationResult, { description: 'Take back an invitation, or stop acting for a shop (the shop is told).' })
  async withdrawDelegation(@Ctx() ctx: RequestContext, @Args('input') input: DelegationIdInput): Promise<typeof DelegationResult> {
    return toDelegationResult(await this.delegations.withdraw(ctx, input.delegationId), 'input.delegationId');
  }

  @Roles(UserRole.SHOP)
  @Mutation(() => DelegationResult, { description: 'Choose an approved facilitator to act for your shop.' })
  async grantDelegation(@Ctx() ctx: RequestContext, @Args('input') input: GrantDelegationInput): Promise<typeof DelegationResult> {
    return toDelegationResult(await this.delegations.grant(ctx, input.facilitatorId), 'input.facilitatorId');
  }

  @Roles(UserRole.SHOP)
  @Mutation(() => DelegationResult, { description: 'Revoke a delegation: the facilitator’s very next call for your shop is refused.' })
  async revokeDelegation(@Ctx() ctx: RequestContext, @Args('input') input: DelegationIdInput): Promise<typeof DelegationResult> {
    return toDelegationResult(await this.delegations.revoke(ctx, input.delegationId), 'input.delegationId');
  }

  @Roles(UserRole.SHOP)
  @Mutation(() => DelegationResult, { description: 'Accept or decline a facilitator’s invitation, signed in as the shop’s owner.' })
  async answerDelegationInvitation(@Ctx() ctx: RequestContext, @Args('input') input: AnswerDelegationInvitationInput): Promise<typeof DelegationResult> {
    return toDelegationResult(await this.links.answerInvitation(ctx, input.link, input.accept), 'input.link');
  }

  @Public()
  @SignedInIfAny()
  @Mutation(() => ClaimShopResult, {
    description: 'Claim a shop a facilitator registered for you: with the account you are signed in with (a shop account without a shop), or a new one for the invited e-mail.',
  })
  async claimShop(@Ctx() ctx: RequestContext, @Args('input') input: ClaimShopInput): Promise<typeof ClaimShopResult> {
    return toClaimShopResult(await this.links.claim(ctx, input));
  }

  @Public()
  @Query(() => DelegationLinkModel, { description: 'What an invitation or claim link is about (for whoever holds it).' })
  async delegationLink(@Ctx() ctx: RequestContext, @Args() { link }: LinkArgs): Promise<DelegationLinkModel> {
    return toDelegationLinkModel(await this.links.preview(ctx, link));
  }

  @Roles(UserRole.SHOP)
  @Query(() => DelegationPageModel, { description: 'Your shop’s delegations: live ones first.' })
  async myDelegations(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<DelegationPageModel> {
    return mapPage(await this.delegations.listForShop(ctx, page), toDelegationModel);
  }

  @Roles(UserRole.SHOP)
  @Query(() => ActionOnBehalfPageModel, { description: 'What facilitators did in your shop’s name, newest first.' })
  async actionsOnMyBehalf(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<ActionOnBehalfPageModel> {
    return mapPage(await this.delegations.historyForShop(ctx, page), toActionOnBehalfModel);
  }

  @Roles(UserRole.FACILITATOR)
  @Query(() => DelegatedShopPageModel, { description: 'The facilitator’s desk: the shops it acts for, with their requests, matches to confirm and surveys due.' })
  async delegatedShops(@Ctx() ctx: RequestContext, @Args() args: DelegatedShopListArgs): Promise<DelegatedShopPageModel> {
    return mapPage(await this.delegations.deskShops(ctx, args.filter, args), toDelegatedShopModel);
  }

  @Roles(UserRole.FACILITATOR)
  @Query(() => DelegationPageModel, { description: 'The facilitator’s invitations still waiting for an answer.' })
  async myInvitations(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<DelegationPageModel> {
    return mapPage(await this.delegations.invitations(ctx, page), toDelegationModel);
  }
}
