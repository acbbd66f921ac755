import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { asAlternatives } from '../../api/input-rules';
import { MailDelivery, MailKind, MailStatus } from '../mail.types';
import { PageArgs } from '../../api/pagination';

@InputType()
export class SetMailPreferenceInput {
  @Field(() => MailKind)
  @IsIn(Object.values(MailKind), asAlternatives())
  kind!: MailKind;

  @Field(() => MailDelivery)
  @IsIn(Object.values(MailDelivery), asAlternatives())
  delivery!: MailDelivery;
}

@InputType()
export class UnsubscribeByLinkInput {
  @Field({ description: 'The `token` of the link in the e-mail.' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

@ArgsType()
export class OutgoingMailArgs extends PageArgs {
  @Field(() => MailStatus, { nullable: true, description: 'Only the messages in this status.' })
  @IsOptional()
  @IsIn(Object.values(MailStatus), asAlternatives())
  status?: MailStatus | null;
}

@InputType()
export class ResendMailInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}
