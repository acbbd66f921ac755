import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { modelOf } from '../../api/model-instance';
import { Paginated } from '../../api/pagination';
import type { MailMessageEntity } from '../mail-message.entity';
import { RESENDABLE } from '../mail-outbox.service';
import type { MailPreference } from '../mail-preference.service';
import { MailDelivery, MailKind, MailStatus } from '../mail.types';

registerEnumType(MailKind, { name: 'MailKind', description: 'What an e-mail is about.' });
registerEnumType(MailDelivery, { name: 'MailDelivery', description: 'How a person receives a kind of e-mail: at once, in a daily digest, or not at all.' });

@ObjectType('MailPreference', { description: 'How the signed-in person receives one kind of e-mail.' })
export class MailPreferenceModel {
  @Field(() => MailKind) kind!: MailKind;
  @Field(() => MailDelivery) delivery!: MailDelivery;
  @Field({ description: 'False for the kinds always sent at once (verification decisions, account security, the digest).' }) adjustable!: boolean;
}

export const toMailPreferenceModel = (preference: MailPreference): MailPreferenceModel => modelOf(MailPreferenceModel, { ...preference });

@ObjectType('MailKindNotAdjustableError', { implements: () => [BusinessErrorModel] })
export class MailKindNotAdjustableErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'MAIL_KIND_NOT_ADJUSTABLE' as const;
}

@ObjectType('Unsubscribed', { description: 'The kind of e-mail the link turned off.' })
export class UnsubscribedModel {
  @Field(() => MailKind) kind!: MailKind;
}

@ObjectType('InvalidUnsubscribeLinkError', { implements: () => [BusinessErrorModel] })
export class InvalidUnsubscribeLinkErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'INVALID_UNSUBSCRIBE_LINK' as const;
}

registerEnumType(MailStatus, { name: 'MailStatus', description: 'Where an outgoing e-mail stands.' });

@ObjectType('OutgoingMail', { description: 'One outgoing e-mail as staff see it: what, to whom and how it went, never its body.' })
export class OutgoingMailModel {
  @Field(() => ID) id!: string;
  @Field(() => MailKind, { nullable: true, description: 'Null for a kind this version does not know.' }) kind!: MailKind | null;
  @Field() recipient!: string;
  @Field(() => MailStatus) status!: MailStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true, description: 'The last refusal or problem, as the server or the worker recorded it.' }) failure!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The message staff sent in its place.' }) resentAsId!: string | null;
  @Field({ description: 'FAILED or UNCERTAIN, and not sent again yet.' }) resendable!: boolean;
}

export const toOutgoingMailModel = (mail: MailMessageEntity): OutgoingMailModel =>
  modelOf(OutgoingMailModel, {
    id: mail.id,
    kind: (Object.values(MailKind) as string[]).includes(mail.kind) ? (mail.kind as MailKind) : null,
    recipient: mail.recipient,
    status: mail.status,
    attempts: mail.attempts,
    failure: mail.lastError,
    createdAt: mail.createdAt,
    sentAt: mail.sentAt,
    resentAsId: mail.resentAsId,
    resendable: RESENDABLE.includes(mail.status) && !mail.resentAsId,
  });

@ObjectType('OutgoingMailPage')
export class OutgoingMailPageModel extends Paginated(OutgoingMailModel, 'OutgoingMailPageBase') {}

@ObjectType('MailNotResendableError', { implements: () => [BusinessErrorModel] })
export class MailNotResendableErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'MAIL_NOT_RESENDABLE' as const;
}
