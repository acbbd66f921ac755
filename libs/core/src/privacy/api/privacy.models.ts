import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { modelOf } from '../../api/model-instance';
import { MESSAGES } from '../../messages';
import { RETENTION_RULES, RetentionAction, RetentionKind } from '../retention-policy';
import type { RetentionReport } from '../retention.service';
import type { PrivacyNotice } from '../privacy-notice';
import type { ErasureBlocker } from '../account-erasure.service';
import { ListSize } from '../../api/query-cost';

/** The most blockers an erasure can meet (one per kind), and the most purposes the notice lists. */
export const ERASURE_BLOCKER_KINDS = 9;
const NOTICE_PURPOSES = 10;

export enum ErasureBlockerKind {
  STAFF_ACCOUNT = 'STAFF_ACCOUNT',
  LIVE_MATCHES = 'LIVE_MATCHES',
  /** The provider's side of the same: services on its offers still pending, accepted or active. */
  LIVE_OFFER_MATCHES = 'LIVE_OFFER_MATCHES',
  WAITLIST_ENTRIES = 'WAITLIST_ENTRIES',
  OPEN_REQUESTS = 'OPEN_REQUESTS',
  OPEN_OFFERS = 'OPEN_OFFERS',
  UNCLAIMED_SHOPS = 'UNCLAIMED_SHOPS',
  OPEN_CALLS = 'OPEN_CALLS',
  ALREADY_ERASED = 'ALREADY_ERASED',
}
registerEnumType(ErasureBlockerKind, { name: 'ErasureBlockerKind', description: 'What keeps an account from being deleted now.' });

@ObjectType('ErasureBlocker', { description: 'One thing to settle before the account can be deleted, and how many of it.' })
export class ErasureBlockerModel {
  @Field(() => ErasureBlockerKind) kind!: ErasureBlockerKind;
  @Field(() => Int) count!: number;
  @Field({ description: 'What to do first, in English.' }) message!: string;
  @Field({ description: 'What to do first, in Italian.' }) messageIt!: string;
}

export function toErasureBlockerModel(blocker: ErasureBlocker): ErasureBlockerModel {
  const words = MESSAGES.privacy.erasureBlocker(blocker.kind, blocker.count);
  return Object.assign(new ErasureBlockerModel(), { kind: blocker.kind as ErasureBlockerKind, count: blocker.count, message: words.en, messageIt: words.it });
}

@ObjectType('AccountErased', { description: 'The account was deleted: personal data erased or pseudonymised, every session ended.' })
export class AccountErasedModel {
  @Field() erasedAt!: Date;
}

@ObjectType('AccountErasureRefusedError', { implements: () => [BusinessErrorModel], description: 'The account cannot be deleted yet: the blockers say what to do first.' })
export class AccountErasureRefusedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ERASURE_REFUSED' as const;
  @ListSize(ERASURE_BLOCKER_KINDS) @Field(() => [ErasureBlockerModel]) readonly blockers: ErasureBlockerModel[];

  constructor(blockers: ErasureBlocker[]) {
    super(MESSAGES.privacy.erasureRefused(blockers.some((blocker) => blocker.kind === 'ALREADY_ERASED')));
    this.blockers = blockers.map(toErasureBlockerModel);
  }
}

@ObjectType('PaperRegistrationCancelled', {
  description: 'The shop registered on paper was deleted with its requests, handovers and claim e-mails; its Partita IVA is free again.',
})
export class PaperRegistrationCancelledModel {
  @Field(() => ID, { description: 'The delegation that ended (withdrawn, with the reason REGISTRATION_CANCELLED).' }) delegationId!: string;
  @Field() cancelledAt!: Date;
}

@ObjectType('PaperRegistrationKeptError', {
  implements: () => [BusinessErrorModel],
  description:
    'Something the programme’s controls must keep was done with the shop (services in any state, applications to selection calls): the registration stays, and its data can only be erased as an account’s is, through the Department.',
})
export class PaperRegistrationKeptErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'REGISTRATION_KEPT' as const;
  @Field(() => Int, { description: 'The shop’s services (matches), in any state.' }) readonly matches: number;
  @Field(() => Int, { description: 'The shop’s applications to selection calls, in any state.' }) readonly callApplications: number;

  constructor(matches: number, callApplications: number, field: string) {
    super(MESSAGES.privacy.registrationKept(matches, callApplications), field);
    this.matches = matches;
    this.callApplications = callApplications;
  }
}

registerEnumType(RetentionKind, { name: 'RetentionKind', description: 'A kind of data with a retention period of its own.' });
registerEnumType(RetentionAction, { name: 'RetentionAction', description: 'What the daily job does with what expired.' });

@ObjectType('RetentionLine', { description: 'One kind of data: its period, what happens when it ends, and how many rows have expired.' })
export class RetentionLineModel {
  @Field(() => RetentionKind) kind!: RetentionKind;
  @Field({ description: 'The environment variable that sets the period.' }) variable!: string;
  @Field(() => Int, { description: 'The period configured, in days.' }) days!: number;
  @Field(() => RetentionAction) action!: RetentionAction;
  @Field({ description: 'What is older than this has expired.' }) cutoff!: Date;
  @Field(() => Int, { description: 'Rows expired and not yet purged or pseudonymised.' }) rows!: number;
}

@ObjectType('RetentionReport', { description: 'What the daily retention job would purge or pseudonymise now (a dry run: nothing changes).' })
export class RetentionReportModel {
  @Field() at!: Date;
  @ListSize(Object.keys(RetentionKind).length) @Field(() => [RetentionLineModel]) lines!: RetentionLineModel[];
}

export function toRetentionReportModel(report: RetentionReport): RetentionReportModel {
  return modelOf(RetentionReportModel, {
    at: report.at,
    lines: report.lines.map((line) => modelOf(RetentionLineModel, { ...line, variable: RETENTION_RULES[line.kind].variable })),
  });
}

@ObjectType('PrivacyNoticePurpose', { description: 'Why personal data is processed, and on which legal basis.' })
export class PrivacyNoticePurposeModel {
  @Field() purpose!: string;
  @Field() purposeIt!: string;
  @Field() legalBasis!: string;
  @Field() legalBasisIt!: string;
}

@ObjectType('PrivacyNoticeRetention', { description: 'How long one kind of data is kept, as configured on this platform.' })
export class PrivacyNoticeRetentionModel {
  @Field(() => RetentionKind) kind!: RetentionKind;
  @Field(() => Int) days!: number;
  @Field(() => RetentionAction) action!: RetentionAction;
}

@ObjectType('PrivacyNotice', { description: 'The privacy notice (informativa): the controller, the purposes with their legal bases, and the retention periods in force.' })
export class PrivacyNoticeModel {
  @Field({ description: 'Sign-up sends it back as the version accepted.' }) version!: string;
  @Field() controller!: string;
  @Field() controllerIt!: string;
  @Field({ description: 'Where the data protection officer is reached.' }) dpoEmail!: string;
  @ListSize(NOTICE_PURPOSES) @Field(() => [PrivacyNoticePurposeModel]) purposes!: PrivacyNoticePurposeModel[];
  @ListSize(Object.keys(RetentionKind).length) @Field(() => [PrivacyNoticeRetentionModel]) retention!: PrivacyNoticeRetentionModel[];
}

export function toPrivacyNoticeModel(notice: PrivacyNotice): PrivacyNoticeModel {
  return modelOf(PrivacyNoticeModel, {
    version: notice.version,
    controller: notice.controller.en,
    controllerIt: notice.controller.it,
    dpoEmail: notice.dpoEmail,
    purposes: notice.purposes.map(({ purpose, legalBasis }) =>
      modelOf(PrivacyNoticePurposeModel, { purpose: purpose.en, purposeIt: purpose.it, legalBasis: legalBasis.en, legalBasisIt: legalBasis.it }),
    ),
    retention: notice.retention.map((line) => modelOf(PrivacyNoticeRetentionModel, line)),
  });
}
