import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { modelOf } from '../../api/model-instance';
import type { MailPreference } from '../mail-preference.service';
import { MailDelivery, MailKind } from '../mail.types';

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
