import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import type { Words } from '../../messages';
import { UserAccountEntity } from '../user-account.entity';
import { UserLanguage } from '../user-language';
import { UserRole } from '../user-role';

registerEnumType(UserRole, { name: 'UserRole', description: 'What an account may do on the platform.' });
registerEnumType(UserLanguage, { name: 'Language', description: 'The language the platform writes to a person in (e-mails): Italian or English.' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field(() => UserLanguage, { description: 'The language e-mails to this account are written in.' }) language!: UserLanguage;
  @Field() createdAt!: Date;
  @Field({ description: 'Whether the owner confirmed the address through the e-mailed link; until then the account cannot apply to offers or selection calls, nor publish offers, and allocation runs give its shop no places.' })
  emailVerified!: boolean;
  @Field({ description: 'The password was set by an administrator: until the owner changes it (changePassword), every other operation is refused with PASSWORD_CHANGE_REQUIRED.' })
  passwordChangeRequired!: boolean;
}

@ObjectType('AuthPayload', { description: 'A new session: a short-lived access token and a one-use refresh token.' })
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken!: string;
  @Field() accessTokenExpiresAt!: Date;
  @Field(() => String, { nullable: true, description: 'Use once with `refreshSession` to get a new pair; null when it was set in the session cookie.' })
  refreshToken!: string | null;
  @Field() refreshTokenExpiresAt!: Date;
  @Field(() => UserModel) user!: UserModel;
}

@ObjectType('EmailTakenError', { description: 'An account with this e-mail already exists.' })
export class EmailTakenErrorModel {
  @Field() readonly field: string;
  @Field() readonly message: string;
  @Field() readonly messageIt: string;

  constructor(words: Words, field: string) {
    this.field = field;
    this.message = words.en;
    this.messageIt = words.it;
  }
}

@ObjectType('StaffUserCreated', { description: 'The new staff account; a generated password is shown here once.' })
export class StaffUserCreatedModel {
  @Field(() => UserModel) user!: UserModel;
  @Field(() => String, { nullable: true, description: 'Only when no password was given: give it to the person, it is not stored in clear.' })
  generatedPassword!: string | null;
}

export const toUserModel = (user: UserAccountEntity): UserModel => modelOf(UserModel, {
  id: user.id,
  email: user.email,
  role: user.role,
  language: user.language,
  createdAt: user.createdAt,
  emailVerified: user.emailVerifiedAt !== null,
  passwordChangeRequired: user.passwordChangeRequired,
});
