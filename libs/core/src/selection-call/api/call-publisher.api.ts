import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { identifies, MultiLineText } from '../../api/input-rules';
import { modelOf } from '../../api/model-instance';
import { PageArgs, Paginated } from '../../api/pagination';
import { resultUnion } from '../../api/result-union';
import type { FacilitatorEntity } from '../../facilitator/facilitator.entity';
import { FacilitatorKind } from '../../facilitator/facilitator.types';
import { MESSAGES } from '../../messages';
import { VerificationStatus } from '../../provider/provider.types';
import type { CallPublisherEntity } from '../call-publisher.entity';
import type { CallPublisherFilter, GrantPublisherOutcome, RevokePublisherOutcome } from '../call-publisher.service';

/** The GraphQL side of the ministry's authorisations to run calls: inputs, models and result unions. */

@InputType()
export class GrantCallPublisherInput {
  @Field(() => ID) @IsUUID('all', identifies('facilitator')) facilitatorId!: string;
}

@InputType()
export class RevokeCallPublisherInput {
  @Field(() => ID) @IsUUID('all', identifies('facilitator')) facilitatorId!: string;
  @Field({ description: 'Why, in a few words (5–500 characters): kept with the grant and in the audit trail.' })
  @MultiLineText()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class CallPublisherFilterInput implements CallPublisherFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: the grants in force; false: the revoked ones; absent: both.' })
  @IsOptional()
  @IsBoolean()
  inForce?: boolean | null;
}

@ArgsType()
export class CallPublisherListArgs extends PageArgs {
  @Field(() => CallPublisherFilterInput, { defaultValue: {} }) @ValidateNested() @Type(() => CallPublisherFilterInput) filter: CallPublisherFilterInput = {};
}

@ObjectType('CallOrganisation', { description: 'The organisation that runs a call: public with the call.' })
export class CallOrganisationModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => FacilitatorKind) kind!: FacilitatorKind;
  @Field(() => String, { nullable: true }) website!: string | null;
}

@ObjectType('CallPublisher', { description: 'The ministry’s authorisation for an organisation to run selection calls; a revoked one stays as the record.' })
export class CallPublisherModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) organisationId!: string;
  @Field() grantedAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
  @Field({ description: 'Whether it is in force (not revoked).' }) inForce!: boolean;
}

@ObjectType('CallPublisherPage')
export class CallPublisherPageModel extends Paginated(CallPublisherModel, 'CallPublisherPageBase') {}

@ObjectType('OrganisationNotApprovedError', { implements: () => [BusinessErrorModel] })
export class OrganisationNotApprovedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ORGANISATION_NOT_APPROVED' as const;
  @Field(() => VerificationStatus) readonly verificationStatus: VerificationStatus;
  constructor(verificationStatus: VerificationStatus) {
    super(MESSAGES.callPublisher.needsApproval(), 'input.facilitatorId');
    this.verificationStatus = verificationStatus;
  }
}

@ObjectType('CallPublisherStateError', { implements: () => [BusinessErrorModel], description: 'Already authorised (granting), or no authorisation in force (revoking).' })
export class CallPublisherStateErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'CALL_PUBLISHER_STATE' as const;
  @Field() readonly inForce: boolean;
  constructor(inForce: boolean) {
    super(inForce ? MESSAGES.callPublisher.alreadyAuthorised() : MESSAGES.callPublisher.notAuthorisedToRevoke(), 'input.facilitatorId');
    this.inForce = inForce;
  }
}

export const GrantCallPublisherResult = resultUnion({
  name: 'GrantCallPublisherResult',
  types: () => [CallPublisherModel, OrganisationNotApprovedErrorModel, CallPublisherStateErrorModel] as const,
});

export const RevokeCallPublisherResult = resultUnion({
  name: 'RevokeCallPublisherResult',
  types: () => [CallPublisherModel, CallPublisherStateErrorModel] as const,
});

export function toCallPublisherModel(e: CallPublisherEntity): CallPublisherModel {
  return modelOf(CallPublisherModel, {
    id: e.id,
    organisationId: e.facilitatorId,
    grantedAt: e.grantedAt,
    revokedAt: e.revokedAt,
    revokeReason: e.revokeReason,
    inForce: e.revokedAt === null,
  });
}

export function toCallOrganisationModel(e: FacilitatorEntity): CallOrganisationModel {
  return modelOf(CallOrganisationModel, { id: e.id, name: e.name, kind: e.kind, website: e.website });
}

export function toGrantResult(outcome: GrantPublisherOutcome): typeof GrantCallPublisherResult {
  switch (outcome.kind) {
    case 'grant':
      return toCallPublisherModel(outcome.grant);
    case 'not-approved':
      return new OrganisationNotApprovedErrorModel(outcome.status);
    case 'already-granted':
      return new CallPublisherStateErrorModel(true);
  }
}

export function toRevokeResult(outcome: RevokePublisherOutcome): typeof RevokeCallPublisherResult {
  switch (outcome.kind) {
    case 'grant':
      return toCallPublisherModel(outcome.grant);
    case 'not-granted':
      return new CallPublisherStateErrorModel(false);
  }
}
