import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageArgs, Paginated } from '../../api/pagination';
import { IsAfter } from '../../api/is-after.validator';
import { AuditEventEntity } from '../audit-event.entity';
import type { AuditEventFilter } from '../audit.commands';
import { identifies, worded } from '../../api/input-rules';
import { MESSAGES } from '../../messages';

@ObjectType('AuditEvent', { description: 'One recorded state change: who, what, when, before and after.' })
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The account that acted; empty for system work (jobs, seeding).' })
  actorUserId!: string | null;
  @Field(() => String, { nullable: true }) actorRole!: string | null;
  @Field({ description: 'Correlates the change with the API request or job that made it.' }) requestId!: string;
  @Field({ description: 'Dotted verb, e.g. `offer.published`, `match.accepted`.' }) action!: string;
  @Field() entityType!: string;
  @Field() entityId!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after!: Record<string, unknown> | null;
}

@ObjectType('AuditEventPage')
export class AuditEventPageModel extends Paginated(AuditEventModel, 'AuditEventPageBase') {}

@InputType()
export class AuditEventFilterInput implements AuditEventFilter {
  @Field({ nullable: true, description: 'e.g. `offer`, `provider`, `match`.' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, worded(MESSAGES.validation.auditEntityType))
  entityType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @Field({ nullable: true, description: 'Exact action, or a prefix ending in a dot (`match.`).' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]+)*\.?$/, worded(MESSAGES.validation.auditAction))
  @MaxLength(80)
  action?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', identifies('account'))
  actorUserId?: string;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive).' })
  @IsOptional()
  @IsDate()
  @IsAfter('from')
  to?: Date;
}

@ArgsType()
export class AuditEventListArgs extends PageArgs {
  @Field(() => AuditEventFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => AuditEventFilterInput)
  filter: AuditEventFilterInput = {};
}

export const toAuditEventModel = (e: AuditEventEntity): AuditEventModel => ({
  id: e.id,
  occurredAt: e.occurredAt,
  actorUserId: e.actorUserId,
  actorRole: e.actorRole,
  requestId: e.requestId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
});
