import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional } from 'class-validator';
import { IsAfter } from '../../common/is-after.validator';
import { IsAtecoSection, IsProvinceCode, IsRegionCode } from '../../common/input-rules';

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
}
