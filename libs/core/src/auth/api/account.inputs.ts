import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { EmailAddress, EmailLookup, NewPassword, NotTheCurrentPassword, PASSWORD_MIN_LENGTH } from '../../api/input-rules';

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @EmailLookup()
  email!: string;
}

@InputType({ description: 'A token from an e-mailed link (the part of the link after #).' })
export class AccountLinkInput {
  // No minimum: a link cut short is answered like any link that is not valid (AccountLinkError).
  @Field()
  @IsString()
  @MaxLength(200)
  token!: string;
}

@InputType()
export class ResetPasswordInput extends AccountLinkInput {
  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters other than spaces, and not easy to guess (no repeats, keyboard rows, common passwords or your e-mail address).` })
  @NewPassword()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters other than spaces, and not easy to guess (no repeats, keyboard rows, common passwords or your e-mail address).` })
  @NotTheCurrentPassword()
  @NewPassword()
  newPassword!: string;
}

@InputType()
export class RequestEmailChangeInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @Field()
  @EmailAddress()
  newEmail!: string;
}
