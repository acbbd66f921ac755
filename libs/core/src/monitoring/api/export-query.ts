import { ServiceCategory } from '@vec/matching';
import { IsDate, IsEnum, IsIn, IsOptional } from 'class-validator';
import { QueryDate } from '../../api/date-time.scalar';
import { IsAfter } from '../../api/is-after.validator';
import { asAlternatives, IsAtecoSection, IsProvinceCode, IsRegionCode, worded } from '../../api/input-rules';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../export/export-columns';
import { MESSAGES } from '../../messages';

/** The monitoring filter as query-string parameters of the CSV exports. */
export class ExportQuery {
  @IsOptional() @IsRegionCode() regionCode?: string;
  @IsOptional() @IsProvinceCode() provinceCode?: string;
  @IsOptional() @IsEnum(ServiceCategory, worded(MESSAGES.validation.serviceCategory)) category?: ServiceCategory;

  @IsOptional()
  @IsAtecoSection()
  atecoSection?: string;

  @IsOptional() @QueryDate() @IsDate() from?: Date;
  @IsOptional() @QueryDate() @IsDate() @IsAfter('from') to?: Date;

  /** Headers in Italian (the default) or English. */
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, asAlternatives())
  lang?: ExportLanguage;
}

/** The language the headers are written in. */
export const headerLanguage = (query: { lang?: ExportLanguage }): ExportLanguage => query.lang ?? 'it';
