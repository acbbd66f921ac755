import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { asAlternatives } from '../../api/input-rules';
import { MailDelivery, MailKind } from '../mail.types';

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
