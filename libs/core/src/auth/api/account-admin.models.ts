import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { asAlternatives, identifies, MultiLineText, trim, worded } from '../../api/input-rules';
import { modelOf } from '../../api/model-instance';
import { PageArgs, Paginated } from '../../api/pagination';
import { MESSAGES } from '../../messages';
import { AccountFilter, AccountStatus, ChangeStaffRole, SetAccountStatus } from '../account-admin.commands';
import type { AccountView } from '../account-admin.service';
import { STAFF_ROLES, UserRole } from '../user-role';

registerEnumType(AccountStatus, { name: 'AccountStatus', description: 'Whether an account may sign in.' });

/** The shortest reason that says something: it stays in the audit trail. */
const REASON_MIN = 5;

@ObjectType('Account', { description: 'An account as administrators see it.' })
export class AccountModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was erased at its owner’s request (GDPR Art. 17): it cannot be enabled again or changed.' })
  erasedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The shop’s or the provider’s name, when the account registered one.' })
  organisation!: string | null;
}

@ObjectType('AccountPage')
export class AccountPageModel extends Paginated(AccountModel, 'AccountPageBase') {}

@ObjectType('AccountNotFoundError', { implements: () => [BusinessErrorModel] })
export class AccountNotFoundErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ACCOUNT_NOT_FOUND' as const;
}

@ObjectType('OwnAccountError', { implements: () => [BusinessErrorModel], description: 'Administrators cannot disable or demote themselves.' })
export class OwnAccountErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'OWN_ACCOUNT' as const;
}

@ObjectType('LastAdminError', { implements: () => [BusinessErrorModel], description: 'The change would leave no active administrator.' })
export class LastAdminErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'LAST_ADMIN' as const;
}

@ObjectType('ErasedAccountError', { implements: () => [BusinessErrorModel], description: 'The account was erased at its owner’s request: it cannot be enabled again or changed.' })
export class ErasedAccountErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ERASED_ACCOUNT' as const;
}

@ObjectType('AccountRunsOrganisationError', {
  implements: () => [BusinessErrorModel],
  description: 'The account runs a provider or facilitator organisation still approved or awaiting verification: suspend or reject the organisation first, then disable the account.',
})
export class AccountRunsOrganisationErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ACCOUNT_RUNS_ORGANISATION' as const;
}

@ObjectType('NotStaffAccountError', { implements: () => [BusinessErrorModel], description: 'Only MINISTRY and ADMIN accounts move between staff roles.' })
export class NotStaffAccountErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'NOT_STAFF_ACCOUNT' as const;
}

@InputType()
export class AccountFilterInput implements AccountFilter {
  @Field({ nullable: true, description: 'Part of the e-mail or of the shop’s or provider’s name.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => UserRole, { nullable: true }) @IsOptional() @IsIn(Object.values(UserRole), asAlternatives()) role?: UserRole;
  @Field(() => AccountStatus, { nullable: true }) @IsOptional() @IsIn(Object.values(AccountStatus), asAlternatives()) status?: AccountStatus;
}

@ArgsType()
export class AccountListArgs extends PageArgs {
  @Field(() => AccountFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => AccountFilterInput)
  filter: AccountFilterInput = {};
}

/** Rules run from the one nearest the property: a missing reason is reported as missing. */
function Reason(): PropertyDecorator {
  return (target, key) => {
    // Registered nearest first, as stacked decorators would be.
    IsDefined(worded(MESSAGES.account.reasonRequired))(target, key);
    IsString()(target, key);
    MinLength(REASON_MIN, worded((path, [min]) => MESSAGES.account.reasonTooShort(path, Number(min))))(target, key);
    MaxLength(1000)(target, key);
    MultiLineText()(target, key);
  };
}

@InputType()
export class SetAccountStatusInput implements SetAccountStatus {
  @Field(() => ID) @IsUUID('all', identifies('account')) userId!: string;
  @Field(() => AccountStatus, { description: 'DISABLED ends every session of the account at once; ACTIVE lets it sign in again.' })
  @IsIn(Object.values(AccountStatus), asAlternatives())
  status!: AccountStatus;

  // Nullable in the schema so that a missing reason is named by the input check, like any other fault.
  @Field(() => String, { nullable: true, description: `Required: why, in at least ${REASON_MIN} characters; kept in the audit trail.` })
  @Reason()
  reason!: string;
}

@InputType()
export class ChangeStaffRoleInput implements ChangeStaffRole {
  @Field(() => ID) @IsUUID('all', identifies('account')) userId!: string;
  @Field(() => UserRole, { description: 'MINISTRY or ADMIN.' }) @IsIn(STAFF_ROLES, asAlternatives()) role!: UserRole;
  // Nullable in the schema so that a missing reason is named by the input check, like any other fault.
  @Field(() => String, { nullable: true, description: `Required: why, in at least ${REASON_MIN} characters; kept in the audit trail.` })
  @Reason()
  reason!: string;
}

export const toAccountModel = (account: AccountView): AccountModel =>
  modelOf(AccountModel, {
    id: account.id,
    email: account.email,
    role: account.role,
    status: account.disabledAt ? AccountStatus.DISABLED : AccountStatus.ACTIVE,
    createdAt: account.createdAt,
    disabledAt: account.disabledAt,
    erasedAt: account.erasedAt,
    organisation: account.organisation,
  });
