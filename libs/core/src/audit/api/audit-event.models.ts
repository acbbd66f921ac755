import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageArgs, Paginated } from '../../api/pagination';
import { IsAfter } from '../../api/is-after.validator';
import type { AuditEventView } from '../audit.service';
import { auditEventWords } from '../audit-words';
import type { AuditEventFilter } from '../audit.commands';
import { identifies, worded, EmailAddress } from '../../api/input-rules';
import { MESSAGES } from '../../messages';

@ObjectType('AuditEvent', { description: 'One recorded state change: who, what, when, before and after.' })
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The account that acted; empty for system work (jobs, seeding).' })
  actorUserId!: string | null;
  @Field(() => String, { nullable: true }) actorRole!: string | null;
  @Field(() => String, { nullable: true, description: 'The e-mail the acting account has now; empty for system work.' })
  actorEmail!: string | null;
  @Field({ description: 'Correlates the change with the API request or job that made it.' }) requestId!: string;
  @Field({ description: 'Dotted verb, e.g. `offer.published`, `match.accepted`.' }) action!: string;
  @Field({ description: 'The action in English words (“Offer published”); an action without words of its own is named by its code.' }) description!: string;
  @Field({ description: 'The same in Italian (“Offerta pubblicata”).' }) descriptionIt!: string;
  @Field() entityType!: string;
  @Field() entityId!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true, description: 'The shop a facilitator acted for, when the change was made in a shop’s name.' })
  onBehalfOfShopId!: string | null;
  @Field(() => String, { nullable: true, description: 'That shop’s name (its sign, or its legal name).' })
  onBehalfOfShopName!: string | null;
}

@ObjectType('AuditEventPage')
export class AuditEventPageModel extends Paginated(AuditEventModel, 'AuditEventPageBase') {
  @Field(() => String, { nullable: true, description: 'The last event of this page: pass it as `after` to read the next one.' })
  endCursor!: string | null;
}

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

  @Field({ nullable: true, description: 'The acting account by its e-mail.' })
  @IsOptional()
  @EmailAddress()
  actorEmail?: string;

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

  @Field(() => String, { nullable: true, description: 'Keyset paging: the `endCursor` of the previous page. Replaces `offset`, and a page costs the same however deep it lies.' })
  @IsOptional()
  // Event ids are bigint: 18 digits stay below its limit (9,223,372,036,854,775,807) whatever is typed.
  @Matches(/^[0-9]{1,18}$/, worded(MESSAGES.validation.auditCursor))
  after?: string;
}

export const toAuditEventModel = (e: AuditEventView): AuditEventModel => {
  const words = auditEventWords(e.action, e.before, e.after);
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    actorUserId: e.actorUserId,
    actorRole: e.actorRole,
    actorEmail: e.actorEmail,
    requestId: e.requestId,
    action: e.action,
    description: words.en,
    descriptionIt: words.it,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    onBehalfOfShopId: e.onBehalfOfShopId,
    onBehalfOfShopName: e.onBehalfOfShopName,
  };
};
