import { Field, InterfaceType } from '@nestjs/graphql';

/** Expected business failures, returned as members of result unions rather than thrown. */
@InterfaceType('BusinessError')
export abstract class BusinessErrorModel {
  @Field({ description: 'Machine-readable reason.' }) code!: string;
  @Field({ nullable: true, description: 'The input field concerned, if any.' }) field?: string;
  @Field() message!: string;
  @Field() messageIt!: string;
}
