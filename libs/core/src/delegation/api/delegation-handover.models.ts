import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { asAlternatives } from '../../api/input-rules';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { modelOf } from '../../api/model-instance';
import { PageArgs, Paginated } from '../../api/pagination';
import type { Words } from '../../messages';
import type { HandoverRow } from '../delegation-handover.queries';
import { HandoverStatus } from '../delegation-handover.types';

registerEnumType(HandoverStatus, {
  name: 'HandoverStatus',
  description: 'PENDING → ACCEPTED (the receiver took the shop over) | DECLINED (by the receiver) | WITHDRAWN (by the giver) | CANCELLED (an organisation’s account was erased, or the shop’s owner claimed it).',
});

export enum HandoverDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}
registerEnumType(HandoverDirection, { name: 'HandoverDirection', description: 'INCOMING: shops offered to your organisation; OUTGOING: shops it offered.' });

@ObjectType('DelegationHandover', {
  description: 'A shop registered on paper, not claimed yet, offered by the facilitator acting for it to another approved facilitator, which takes its place once it accepts.',
})
export class DelegationHandoverModel {
  @Field(() => ID) id!: string;
  @Field(() => HandoverStatus) status!: HandoverStatus;
  @Field(() => ID) shopId!: string;
  @Field() shopName!: string;
  @Field() comuneName!: string;
  @Field(() => String, { nullable: true, description: 'The date on the paper declaration the owner signed.' }) paperDeclaredOn!: string | null;
  @Field({ description: 'The owner has claimed the shop since it was offered: only the owner chooses who acts for it now.' }) shopClaimed!: boolean;
  @Field(() => ID, { description: 'The giver’s delegation, which ends when the receiver accepts.' }) fromDelegationId!: string;
  @Field(() => ID) fromFacilitatorId!: string;
  @Field() fromFacilitatorName!: string;
  @Field(() => ID) toFacilitatorId!: string;
  @Field() toFacilitatorName!: string;
  @Field(() => ID, { nullable: true, description: 'The receiver’s delegation, once it accepted.' }) toDelegationId!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType('DelegationHandoverPage')
export class DelegationHandoverPageModel extends Paginated(DelegationHandoverModel, 'DelegationHandoverPageBase') {}

@ArgsType()
export class DelegationHandoverListArgs extends PageArgs {
  @Field(() => HandoverDirection, { defaultValue: HandoverDirection.INCOMING })
  @IsIn(Object.values(HandoverDirection), asAlternatives())
  direction: HandoverDirection = HandoverDirection.INCOMING;
}

@ObjectType('HandoverReceiverUnknownError', { implements: () => [BusinessErrorModel], description: 'No facilitator organisation has this address (or several share it as contact address).' })
export class HandoverReceiverUnknownErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'RECEIVER_UNKNOWN' as const;
}

@ObjectType('HandoverReceiverNotApprovedError', { implements: () => [BusinessErrorModel], description: 'The receiving organisation is not verified, is suspended or has closed its account.' })
export class HandoverReceiverNotApprovedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'RECEIVER_NOT_APPROVED' as const;
}

@ObjectType('HandoverToSelfError', { implements: () => [BusinessErrorModel] })
export class HandoverToSelfErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'HANDOVER_TO_SELF' as const;
}

@ObjectType('NotActingForShopError', { implements: () => [BusinessErrorModel], description: 'The giver does not act for the shop (any more).' })
export class NotActingForShopErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'NOT_ACTING_FOR_SHOP' as const;
}

@ObjectType('ShopClaimedError', { implements: () => [BusinessErrorModel], description: 'The owner has claimed the shop: the owner chooses who acts for it.' })
export class ShopClaimedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'SHOP_CLAIMED' as const;
}

@ObjectType('HandoverPendingError', { implements: () => [BusinessErrorModel], description: 'The shop is already offered to a facilitator that has not answered yet.' })
export class HandoverPendingErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'HANDOVER_PENDING' as const;
}

@ObjectType('HandoverNotPendingError', { implements: () => [BusinessErrorModel], description: 'The handover was answered, withdrawn or called off meanwhile.' })
export class HandoverNotPendingErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'HANDOVER_NOT_PENDING' as const;
  @Field(() => HandoverStatus) readonly currentStatus: HandoverStatus;

  constructor(words: Words, field: string, currentStatus: HandoverStatus) {
    super(words, field);
    this.currentStatus = currentStatus;
  }
}

export const toDelegationHandoverModel = (row: HandoverRow): DelegationHandoverModel => modelOf(DelegationHandoverModel, { ...row });
