import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageArgs, Paginated } from '../../api/pagination';
import { describeNotification } from '../notification-messages';
import { NotificationEntity } from '../notification.entity';
import { identifies } from '../../api/input-rules';

@ObjectType('Notification', { description: 'Something that happened that the reader should know about.' })
export class NotificationModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'e.g. MATCH_ACCEPTED, MATCH_PROMOTED, SURVEY_DUE.' }) kind!: string;
  @Field(() => ID, { nullable: true }) matchId!: string | null;
  @Field(() => GraphQLJSONObject) params!: Record<string, unknown>;
  @Field() message!: string;
  @Field() messageIt!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ObjectType('NotificationPage')
export class NotificationPageModel extends Paginated(NotificationModel, 'NotificationPageBase') {}

@ArgsType()
export class NotificationListArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() unreadOnly: boolean = false;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications; omit to mark all of yours read.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, ...identifies('notification') })
  ids?: string[];
}

export const toNotificationModel = (e: NotificationEntity): NotificationModel => ({
  id: e.id,
  kind: e.kind,
  matchId: e.matchId,
  params: e.params,
  ...describeNotification(e.kind, e.params),
  createdAt: e.createdAt,
  readAt: e.readAt,
});

