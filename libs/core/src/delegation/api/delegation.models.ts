import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { modelOf } from '../../api/model-instance';
import { PageArgs, Paginated } from '../../api/pagination';
import { ServiceCategory } from '@vec/matching';
import '../../api/service-category.model';
import { VerificationStatus } from '../../provider/provider.types';
import { FacilitatorKind } from '../../facilitator/facilitator.types';
import { MESSAGES, type Words } from '../../messages';
import type { DelegatedShopRow } from '../delegated-shops.query';
import type { LinkPreview } from '../delegation-link.service';
import { DelegationEntity } from '../delegation.entity';
import type { ActionOnBehalf } from '../delegation.service';
import { DELEGATION_SCOPE, DelegationConsent, DelegationStatus } from '../delegation.types';
import { DelegatedShopFilterInput } from './delegation.inputs';

registerEnumType(DelegationStatus, {
  name: 'DelegationStatus',
  description: 'INVITED → ACTIVE | DECLINED | WITHDRAWN; ACTIVE → REVOKED (by the shop, at once) | WITHDRAWN (by the facilitator).',
});
registerEnumType(DelegationConsent, { name: 'DelegationConsent', description: 'SHOP: given in the platform by the shop; PAPER: a signed declaration the facilitator recorded.' });

@ObjectType('Delegation', { description: 'A shop’s consent that a facilitator acts for it.' })
export class DelegationModel {
  @Field(() => ID) id!: string;
  @Field(() => DelegationStatus) status!: DelegationStatus;
  @Field(() => DelegationConsent, { nullable: true }) consent!: DelegationConsent | null;
  @Field(() => String, { nullable: true, description: 'The date on the paper declaration, when the consent is on paper.' }) paperDeclaredOn!: string | null;
  @Field(() => [String], { description: 'What the facilitator may do: manage the profile and requests, apply and confirm on the shop’s behalf.' })
  scope!: string[];
  @Field(() => ID) facilitatorId!: string;
  @Field(() => String, { nullable: true }) facilitatorName!: string | null;
  @Field(() => FacilitatorKind, { nullable: true }) facilitatorKind!: FacilitatorKind | null;
  @Field(() => ID, { nullable: true }) shopId!: string | null;
  @Field(() => String, { nullable: true }) shopName!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the invitation or claim link went.' }) invitedEmail!: string | null;
  @Field(() => Date, { nullable: true, description: 'Until when the invitation or claim link works; in the past, it lapsed unused.' }) linkExpiresAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) activatedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
}

@ObjectType('DelegationPage')
export class DelegationPageModel extends Paginated(DelegationModel, 'DelegationPageBase') {}

@ObjectType('PendingHandover', { description: 'The shop offered to another facilitator, waiting for its answer.' })
export class PendingHandoverModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'The organisation the shop was offered to.' }) toFacilitatorName!: string;
  @Field() createdAt!: Date;
}

@ObjectType('DelegatedShop', { description: 'A shop on the facilitator’s desk, with where it stands.' })
export class DelegatedShopModel {
  @Field(() => ID) delegationId!: string;
  @Field(() => DelegationConsent) consent!: DelegationConsent;
  @Field(() => String, { nullable: true }) paperDeclaredOn!: string | null;
  @Field() activatedAt!: Date;
  @Field(() => ID) shopId!: string;
  @Field() shopName!: string;
  @Field() comuneCode!: string;
  @Field() comuneName!: string;
  @Field() atecoSection!: string;
  @Field({ description: 'Registered by the facilitator, not yet claimed by its owner.' }) unclaimed!: boolean;
  @Field(() => String, { nullable: true, description: 'Registered on paper and not claimed yet: the owner’s address its claim link was sent to.' })
  claimLinkSentTo!: string | null;
  @Field(() => Date, { nullable: true, description: 'Registered on paper and not claimed yet: until when its claim link works (past: it lapsed; send it again).' })
  claimLinkExpiresAt!: Date | null;
  @Field({ description: 'Its owner’s account was disabled by an administrator: nobody may act for the shop until it is enabled again.' }) ownerDisabled!: boolean;
  @Field(() => Int) requests!: number;
  @Field(() => Int) openRequests!: number;
  @Field(() => Int, { description: 'Matches the provider accepted, for the shop to confirm once the service runs.' }) matchesToConfirm!: number;
  @Field(() => Int, { description: 'Outcome surveys the shop may answer now and has not.' }) surveysDue!: number;
  @Field(() => PendingHandoverModel, { nullable: true, description: 'The offer of the shop to another facilitator, while it waits for an answer.' })
  pendingHandover!: PendingHandoverModel | null;
}

@ObjectType('DelegatedShopPage')
export class DelegatedShopPageModel extends Paginated(DelegatedShopModel, 'DelegatedShopPageBase') {}

@ObjectType('ActionSubject', { description: 'The shop’s request, service or bundle an action in its name concerned.' })
export class ActionSubjectModel {
  @Field(() => ID, { nullable: true }) helpRequestId!: string | null;
  @Field(() => ServiceCategory, { nullable: true }) requestCategory!: ServiceCategory | null;
  @Field(() => String, { nullable: true, description: 'What the request asks, in the shop’s words.' }) requestDescription!: string | null;
  @Field(() => ID, { nullable: true, description: 'The service (match) the action concerned.' }) matchId!: string | null;
  @Field(() => String, { nullable: true }) offerTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The organisation offering the service.' }) providerName!: string | null;
  @Field(() => ID, { nullable: true }) bundleId!: string | null;
  @Field(() => [ServiceCategory], { nullable: true, description: 'The categories of the bundle of services asked.' }) bundleCategories!: ServiceCategory[] | null;
}

@ObjectType('ActionOnBehalf', { description: 'Something a facilitator did in the shop’s name (from the audit trail).' })
export class ActionOnBehalfModel {
  @Field(() => ID) id!: string;
  @Field() occurredAt!: Date;
  @Field({ description: 'The audited action, e.g. `match.applied`.' }) action!: string;
  @Field({ description: 'What was done, in English, as it follows the facilitator’s name (“asked for a service”).' }) description!: string;
  @Field({ description: 'The same in Italian (“ha chiesto un servizio”).' }) descriptionIt!: string;
  @Field() entityType!: string;
  @Field() entityId!: string;
  @Field() facilitatorName!: string;
  @Field(() => ActionSubjectModel, { nullable: true, description: 'The request, service or bundle concerned; null for the shop’s profile, or once it is gone.' })
  subject!: ActionSubjectModel | null;
}

@ObjectType('ActionOnBehalfPage')
export class ActionOnBehalfPageModel extends Paginated(ActionOnBehalfModel, 'ActionOnBehalfPageBase') {}

@ObjectType('DelegationLink', { description: 'What an invitation or claim link is about, before it is used.' })
export class DelegationLinkModel {
  @Field({ description: 'INVITATION or CLAIM.' }) purpose!: string;
  @Field() facilitatorName!: string;
  @Field(() => FacilitatorKind) facilitatorKind!: FacilitatorKind;
  @Field({ description: 'False while the organisation is suspended, rejected or not yet verified: an invitation cannot be accepted until the Ministry approves it (a claim can).' })
  facilitatorApproved!: boolean;
  @Field(() => String, { nullable: true }) shopName!: string | null;
  @Field(() => String, { nullable: true, description: 'The organisation that registered the shop on paper, when it handed the shop over to the one named (claims only).' })
  registeredByName!: string | null;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) paperDeclaredOn!: string | null;
  @Field() expiresAt!: Date;
}

@ObjectType('ClaimedShop')
export class ClaimedShopModel {
  @Field(() => ID) shopId!: string;
  @Field({ description: 'The owner account’s e-mail, to sign in with.' }) email!: string;
}

@ObjectType('FacilitatorNotApprovedError', { implements: () => [BusinessErrorModel] })
export class FacilitatorNotApprovedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'FACILITATOR_NOT_APPROVED' as const;
}

@ObjectType('InvitationPendingError', {
  implements: () => [BusinessErrorModel],
  description: 'The organisation invited this address already and the link still works: the shop answers that one (or the organisation withdraws it first).',
})
export class InvitationPendingErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'INVITATION_PENDING' as const;
  @Field({ description: 'Until when the pending invitation’s link works.' }) readonly expiresAt: Date;

  constructor(words: Words, field: string, expiresAt: Date) {
    super(words, field);
    this.expiresAt = expiresAt;
  }
}

@ObjectType('InvitationForAnotherAddressError', {
  implements: () => [BusinessErrorModel],
  description: 'The invitation went to another address than the signed-in account’s or its shop’s contact: it is answered by that address’s account (or the shop chooses the organisation itself, grantDelegation).',
})
export class InvitationForAnotherAddressErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'INVITATION_FOR_ANOTHER_ADDRESS' as const;
  @Field({ description: 'The address the invitation was sent to.' }) readonly invitedEmail: string;

  constructor(words: Words, field: string, invitedEmail: string) {
    super(words, field);
    this.invitedEmail = invitedEmail;
  }
}

@ObjectType('AlreadyDelegatedError', { implements: () => [BusinessErrorModel] })
export class AlreadyDelegatedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ALREADY_DELEGATED' as const;
}

@ObjectType('InvalidDelegationTransitionError', { implements: () => [BusinessErrorModel] })
export class InvalidDelegationTransitionErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'INVALID_TRANSITION' as const;
  @Field(() => DelegationStatus) readonly currentStatus: DelegationStatus;

  constructor(words: Words, field: string, currentStatus: DelegationStatus) {
    super(words, field);
    this.currentStatus = currentStatus;
  }
}

@ObjectType('UnclaimedShopError', {
  implements: () => [BusinessErrorModel],
  description: 'The facilitator would stop acting for a shop registered on paper that nobody has claimed and no other facilitator acts for: it may hand the shop over to another facilitator (offerDelegationHandover), or its owner claims it first.',
})
export class UnclaimedShopErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'UNCLAIMED_SHOP' as const;
}

@ObjectType('AccountHasShopError', { implements: () => [BusinessErrorModel] })
export class AccountHasShopErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ACCOUNT_HAS_SHOP' as const;
}

@ObjectType('ClaimForAnotherAddressError', {
  implements: () => [BusinessErrorModel],
  description: 'The claim link went to another address than the signed-in account’s: it is claimed by the account of that address, or signed out, by creating one.',
})
export class ClaimForAnotherAddressErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'CLAIM_FOR_ANOTHER_ADDRESS' as const;
  @Field({ description: 'The address the claim link was sent to.' }) readonly invitedEmail: string;

  constructor(words: Words, field: string, invitedEmail: string) {
    super(words, field);
    this.invitedEmail = invitedEmail;
  }
}

@ObjectType('SignInFirstError', { implements: () => [BusinessErrorModel] })
export class SignInFirstErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'SIGN_IN_FIRST' as const;
}

@ArgsType()
export class DelegatedShopListArgs extends PageArgs {
  @Field(() => DelegatedShopFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => DelegatedShopFilterInput)
  filter: DelegatedShopFilterInput = {};
}

export const toDelegationModel = (e: DelegationEntity): DelegationModel =>
  modelOf(DelegationModel, {
    id: e.id,
    status: e.status,
    consent: e.consent,
    paperDeclaredOn: e.paperDeclaredOn,
    scope: [...DELEGATION_SCOPE],
    facilitatorId: e.facilitatorId,
    facilitatorName: e.facilitator?.name ?? null,
    facilitatorKind: e.facilitator?.kind ?? null,
    shopId: e.shopId,
    shopName: e.shop ? (e.shop.tradingName ?? e.shop.legalName) : null,
    invitedEmail: e.invitedEmail,
    linkExpiresAt: e.linkSecretHash && !e.linkUsedAt ? e.linkExpiresAt : null,
    createdAt: e.createdAt,
    activatedAt: e.activatedAt,
    endedAt: e.endedAt,
  });

export const toDelegatedShopModel = (row: DelegatedShopRow): DelegatedShopModel =>
  modelOf(DelegatedShopModel, { ...row, consent: row.consent as DelegationConsent, pendingHandover: row.pendingHandover && modelOf(PendingHandoverModel, row.pendingHandover) });
export const toActionOnBehalfModel = (row: ActionOnBehalf): ActionOnBehalfModel => {
  const words = MESSAGES.delegation.delegatedAction(row.action);
  return modelOf(ActionOnBehalfModel, { ...row, description: words.en, descriptionIt: words.it, subject: row.subject && modelOf(ActionSubjectModel, row.subject) });
};
export const toDelegationLinkModel = (p: LinkPreview): DelegationLinkModel =>
  modelOf(DelegationLinkModel, {
    purpose: p.purpose,
    facilitatorName: p.facilitator.name,
    facilitatorKind: p.facilitator.kind,
    facilitatorApproved: p.facilitator.verificationStatus === VerificationStatus.APPROVED,
    shopName: p.shopName,
    registeredByName: p.registeredBy?.name ?? null,
    email: p.email,
    paperDeclaredOn: p.paperDeclaredOn,
    expiresAt: p.expiresAt,
  });
