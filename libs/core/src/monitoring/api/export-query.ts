import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsIn, IsOptional } from 'class-validator';
import { IsAfter } from '../../api/is-after.validator';
import { IsAtecoSection, IsProvinceCode, IsRegionCode, italian } from '../../api/input-rules';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../export/export-columns';

/** The monitoring filter as query-string parameters of the CSV exports. */
export class ExportQuery {
  @IsOptional() @IsRegionCode() regionCode?: string;
  @IsOptional() @IsProvinceCode() provinceCode?: string;
  @IsOptional() @IsEnum(ServiceCategory, { message: 'category must be one of the service categories' }) category?: ServiceCategory;

  @IsOptional()
  @IsAtecoSection()
  atecoSection?: string;

  @IsOptional() @Type(() => Date) @IsDate({ message: 'from must be a date (ISO 8601)' }) from?: Date;
  @IsOptional() @Type(() => Date) @IsDate({ message: 'to must be a date (ISO 8601)' }) @IsAfter('from') to?: Date;

  /** Headers in Italian (the default) or English. */
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, { message: 'lang must be it or en', ...italian('deve essere it oppure en') })
  lang?: ExportLanguage;
}

/** The language the headers are written in. */
export const headerLanguage = (query: { lang?: ExportLanguage }): ExportLanguage => query.lang ?? 'it';
