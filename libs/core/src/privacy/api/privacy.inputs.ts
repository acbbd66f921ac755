import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { identifies } from '../../api/input-rules';

@InputType()
export class DeleteMyAccountInput {
  @Field({ description: 'The account’s password, to confirm.' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

@InputType({ description: 'A shop the facilitator registered on paper by mistake, and the account’s password to confirm its deletion.' })
export class CancelPaperRegistrationInput {
  @Field(() => ID, { description: 'The paper delegation of the shop, as the desk lists it.' })
  @IsUUID('all', identifies('any'))
  delegationId!: string;

  @Field({ description: 'The account’s password, to confirm.' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}
