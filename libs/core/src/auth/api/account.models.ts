import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import type { AccountLinkProblem, Words } from '../../messages';

export enum AccountLinkProblemEnum {
  INVALID = 'INVALID',
  EXPIRED = 'EXPIRED',
  USED = 'USED',
}
registerEnumType(AccountLinkProblemEnum, { name: 'AccountLinkProblem', description: 'Why an e-mailed link does not work: not a link of ours, past its time, or already used (or replaced by a newer one).' });

@ObjectType('EmailNotVerifiedError', {
  implements: () => [BusinessErrorModel],
  description: 'The account’s e-mail address is not confirmed yet: open the e-mailed link (`verifyEmail`) or ask for a new one (`resendEmailVerification`).',
})
export class EmailNotVerifiedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'EMAIL_NOT_VERIFIED' as const;
  @Field({ description: 'The address the link was sent to.' }) readonly email: string;

  constructor(words: Words, email: string) {
    super(words);
    this.email = email;
  }
}

@ObjectType('AccountLinkError', { implements: () => [BusinessErrorModel], description: 'The e-mailed link does not work: ask for a new one.' })
export class AccountLinkErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ACCOUNT_LINK_NOT_VALID' as const;
  @Field(() => AccountLinkProblemEnum) readonly problem: AccountLinkProblemEnum;

  constructor(words: Words, field: string, problem: AccountLinkProblem) {
    super(words, field);
    this.problem = AccountLinkProblemEnum[problem];
  }
}

@ObjectType('WrongPasswordError', { implements: () => [BusinessErrorModel], description: 'The password given (the current one, or the one confirming an action) is not the account’s.' })
export class WrongPasswordErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'WRONG_PASSWORD' as const;
}

@ObjectType('EmailAlreadyVerifiedError', { implements: () => [BusinessErrorModel] })
export class EmailAlreadyVerifiedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'EMAIL_ALREADY_VERIFIED' as const;
}

@ObjectType('EmailVerificationSent', { description: 'A new confirmation link went to the account’s address; earlier links no longer work.' })
export class EmailVerificationSentModel {
  @Field() email!: string;
  @Field() expiresAt!: Date;
}

@ObjectType('EmailChangeRequested', { description: 'A confirmation link went to the new address; the account keeps its current one until it is opened.' })
export class EmailChangeRequestedModel {
  @Field() newEmail!: string;
  @Field() expiresAt!: Date;
}
