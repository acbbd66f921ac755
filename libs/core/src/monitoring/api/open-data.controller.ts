import { Controller, Get, Header, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { IsIn, IsOptional } from 'class-validator';
import { Public } from '../../auth/api/auth.decorators';
import { asAlternatives } from '../../api/input-rules';
import { OpenDataService } from '../open-data.service';
import { csvStringifier } from '../export/csv-format';
import { EXPORT_LANGUAGES, type ExportLanguage, headerOf, OPEN_DATA_COLUMNS } from '../export/export-columns';
import { HttpErrorFilter } from './http-error.filter';
import { requestContextFromHttp } from '../../api/request-context';

const LICENCE = 'CC-BY-4.0';

const OPEN_DATA_CACHE = 'public, max-age=60';

/**
 * Open data is for anyone to reuse, from other sites' pages too (a region's or a chamber's web page
 * reading it in the browser): any origin may read it, without credentials, and the resource policy
 * that the rest of the platform keeps to its own origin is lifted here.
 */
const REUSABLE_ANYWHERE: readonly [string, string][] = [
  ['access-control-allow-origin', '*'],
  ['cross-origin-resource-policy', 'cross-origin'],
];

/** The open data CSV takes one parameter: the language of its headers. */
export class OpenDataQuery {
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, asAlternatives())
  lang?: ExportLanguage;
}

/** Open data, public without login: aggregates by province and category, no personal data. */
@Public()
@UseFilters(HttpErrorFilter)
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  // Public and the same for everyone, recomputed at most once a minute: browsers and CDNs may keep it.
  @Header('cache-control', OPEN_DATA_CACHE)
  @Header(...REUSABLE_ANYWHERE[0])
  @Header(...REUSABLE_ANYWHERE[1])
  @Get('aggregates.json')
  async json(@Req() req: Request): Promise<object> {
    const { computedAt, rows } = await this.openData.aggregates(requestContextFromHttp(req));
    return {
      title: 'Vicini e connessi — domanda, offerta ed esiti per provincia e categoria di servizio',
      licence: LICENCE,
      generatedAt: computedAt.toISOString(),
      fields: OPEN_DATA_COLUMNS.map(({ key, it, en, about }) => ({ key, it, en, about })),
      rows,
    };
  }

  @Get('aggregates.csv')
  async csv(@Req() req: Request, @Res() res: Response, @Query() query: OpenDataQuery): Promise<void> {
    const ctx = requestContextFromHttp(req);
    const { computedAt, rows } = await this.openData.aggregates(ctx);
    res.setHeader('cache-control', OPEN_DATA_CACHE);
    for (const [name, value] of REUSABLE_ANYWHERE) res.setHeader(name, value);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="vicini-e-connessi-open-data-${computedAt.toISOString().slice(0, 10)}.csv"`);
    const csv = csvStringifier(headerOf(OPEN_DATA_COLUMNS, query.lang ?? 'it'));
    const done = pipeline(csv, res);
    for (const row of rows) csv.write(row);
    csv.end();
    await done;
  }
}
