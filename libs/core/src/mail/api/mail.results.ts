import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import type { ResendOutcome } from '../mail-outbox.service';
import type { SetPreferenceOutcome, UnsubscribeOutcome } from '../mail-preference.service';
import { MailNotResendableErrorModel, OutgoingMailModel, toOutgoingMailModel } from './mail.models';
import { InvalidUnsubscribeLinkErrorModel, MailKindNotAdjustableErrorModel, MailPreferenceModel, toMailPreferenceModel, UnsubscribedModel } from './mail.models';
import { modelOf } from '../../api/model-instance';

export const SetMailPreferenceResult = resultUnion({ name: 'SetMailPreferenceResult', types: () => [MailPreferenceModel, MailKindNotAdjustableErrorModel] as const });

export function toSetMailPreferenceResult(outcome: SetPreferenceOutcome): typeof SetMailPreferenceResult {
  switch (outcome.kind) {
    case 'set':
      return toMailPreferenceModel(outcome.preference);
    case 'not-adjustable':
      return new MailKindNotAdjustableErrorModel(MESSAGES.mail.notAdjustable(), 'input.kind');
  }
}

export const UnsubscribeByLinkResult = resultUnion({ name: 'UnsubscribeByLinkResult', types: () => [UnsubscribedModel, InvalidUnsubscribeLinkErrorModel] as const });

export function toUnsubscribeByLinkResult(outcome: UnsubscribeOutcome): typeof UnsubscribeByLinkResult {
  switch (outcome.kind) {
    case 'unsubscribed':
      return modelOf(UnsubscribedModel, { kind: outcome.mailKind });
    case 'invalid-link':
      return new InvalidUnsubscribeLinkErrorModel(MESSAGES.mail.invalidUnsubscribeLink(), 'input.token');
  }
}

export const ResendMailResult = resultUnion({ name: 'ResendMailResult', types: () => [OutgoingMailModel, MailNotResendableErrorModel] as const });

export function toResendMailResult(outcome: ResendOutcome): typeof ResendMailResult {
  switch (outcome.kind) {
    case 'resent':
      return toOutgoingMailModel(outcome.mail);
    case 'not-resendable':
      return new MailNotResendableErrorModel(MESSAGES.mail.notResendable(outcome.status), 'input.id');
    case 'already-resent':
      return new MailNotResendableErrorModel(MESSAGES.mail.alreadyResent(), 'input.id');
    case 'not-found':
      return new MailNotResendableErrorModel(MESSAGES.mail.notFound(), 'input.id');
  }
}
