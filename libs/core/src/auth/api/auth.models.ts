import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import type { Words } from '../../messages';
import { UserAccountEntity } from '../user-account.entity';
import { UserRole } from '../user-role';

registerEnumType(UserRole, { name: 'UserRole', description: 'What an account may do on the platform.' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field() createdAt!: Date;
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
  createdAt: user.createdAt,
});
