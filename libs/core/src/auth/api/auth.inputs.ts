import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { UserLanguage } from '../user-language';
import { SELF_REGISTRATION_ROLES, STAFF_ROLES, UserRole } from '../user-role';
import { asAlternatives, EmailAddress, EmailLookup, NewPassword, PASSWORD_MIN_LENGTH, worded } from '../../api/input-rules';
import { MESSAGES } from '../../messages';
import { PRIVACY_NOTICE_VERSION } from '../../privacy/privacy-notice';


@InputType()
export class RegisterInput {
  @Field()
  @EmailAddress()
  email!: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters other than spaces, and not easy to guess (no repeats, keyboard rows, common passwords or your e-mail address).` })
  @NewPassword()
  password!: string;

  @Field(() => UserRole, { description: 'SHOP, PROVIDER or FACILITATOR; other roles are created by an administrator.' })
  @IsIn(SELF_REGISTRATION_ROLES, asAlternatives())
  role!: UserRole;

  @Field(() => UserLanguage, { defaultValue: UserLanguage.IT, description: 'The language e-mails are written in; Italian when omitted.' })
  @IsIn(Object.values(UserLanguage), asAlternatives())
  language: UserLanguage = UserLanguage.IT;

  @Field({ defaultValue: false, description: 'Browsers: deliver the refresh token as an HttpOnly cookie for /graphql instead of in the answer (whose refreshToken is then null).' })
  @IsBoolean()
  refreshTokenInCookie: boolean = false;

  @Field({ description: 'The version of the privacy notice the person read and accepted (privacyNotice.version); recorded with the account.' })
  @IsIn([PRIVACY_NOTICE_VERSION], worded(MESSAGES.validation.privacyNoticeVersion))
  privacyNoticeVersion!: string;
}

@InputType()
export class LoginInput {
  @Field()
  @EmailLookup()
  email!: string;

  @Field()
  @IsString()
  @MaxLength(128)
  password!: string;

  @Field({ defaultValue: false, description: 'Browsers: deliver the refresh token as an HttpOnly cookie for /graphql instead of in the answer (whose refreshToken is then null).' })
  @IsBoolean()
  refreshTokenInCookie: boolean = false;
}

@InputType()
export class RefreshSessionInput {
  @Field({ nullable: true, description: 'The refresh token; omit it when the browser holds it in the session cookie.' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken?: string;
}

@InputType()
export class CreateStaffUserInput {
  @Field()
  @EmailAddress()
  email!: string;

  @Field(() => UserRole, { description: 'MINISTRY or ADMIN.' })
  @IsIn(STAFF_ROLES, asAlternatives())
  role!: UserRole;

  @Field({ nullable: true, description: `At least ${PASSWORD_MIN_LENGTH} characters other than spaces, and not easy to guess; omit it to have one generated and returned once.` })
  @NewPassword({ optional: true })
  password?: string;
}

@InputType()
export class UpdateMyLanguageInput {
  @Field(() => UserLanguage)
  @IsIn(Object.values(UserLanguage), asAlternatives())
  language!: UserLanguage;
}
