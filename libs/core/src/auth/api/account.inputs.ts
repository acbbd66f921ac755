import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { EmailAddress, EmailLookup } from '../../api/input-rules';
import { PASSWORD_MIN_LENGTH } from './auth.inputs';

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
  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(128)
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(128)
  currentPassword!: string;

  @Field({ description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(128)
  newPassword!: string;
}

@InputType()
export class RequestEmailChangeInput {
  @Field()
  @IsString()
  @MaxLength(128)
  currentPassword!: string;

  @Field()
  @EmailAddress()
  newEmail!: string;
}
