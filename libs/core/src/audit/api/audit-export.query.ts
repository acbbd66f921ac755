import { IsDate, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { QueryDate } from '../../api/date-time.scalar';
import { IsAfter } from '../../api/is-after.validator';
import { asAlternatives, identifies, worded, EmailAddress } from '../../api/input-rules';
import { MESSAGES } from '../../messages';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../monitoring/export/export-columns';
import type { AuditEventFilter } from '../audit.commands';

/** The audit filter as query-string parameters of the CSV export (the same rules as the GraphQL filter). */
export class AuditExportQuery implements AuditEventFilter {
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, worded(MESSAGES.validation.auditEntityType))
  entityType?: string;

  @IsOptional() @IsString() @MaxLength(64) entityId?: string;

  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]+)*\.?$/, worded(MESSAGES.validation.auditAction))
  @MaxLength(80)
  action?: string;

  @IsOptional() @IsUUID('all', identifies('account')) actorUserId?: string;

  @IsOptional()
  @EmailAddress()
  actorEmail?: string;

  @IsOptional() @QueryDate() @IsDate() from?: Date;
  @IsOptional() @QueryDate() @IsDate() @IsAfter('from') to?: Date;

  /** Headers in Italian (the default) or English. */
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, asAlternatives())
  lang?: ExportLanguage;
}
