import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Public } from '../../auth/auth.decorators';
import { RequestContext } from '../../common/request-context';
import { OpenDataService } from '../open-data.service';
import { csvStringifier } from './csv-format';
import { HttpErrorFilter } from './http-error.filter';

const COLUMNS = [
  'regionCode',
  'regionName',
  'provinceCode',
  'provinceName',
  'provinceSigla',
  'category',
  'categoryLabelIt',
  'shopsAsking',
  'requests',
  'openRequests',
  'matchedRequests',
  'activeMatches',
  'completedMatches',
  'answersAtCompletion',
  'onlineOrdersAtCompletion',
  'medianOrdersAtCompletion',
  'answersAt30Days',
  'onlineOrdersAt30Days',
  'medianOrdersAt30Days',
  'answersAt90Days',
  'onlineOrdersAt90Days',
  'medianOrdersAt90Days',
  'offersCovering',
  'capacityCovering',
];

const LICENCE = 'CC-BY-4.0';

/** Open data, public without login: aggregates by province and category, no personal data. */
@Public()
@UseFilters(HttpErrorFilter)
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('aggregates.json')
  async json(@Req() req: Request): Promise<object> {
    const ctx = RequestContext.fromHttp(req);
    return {
      title: 'Vicini e connessi — domanda, offerta ed esiti per provincia e categoria di servizio',
      licence: LICENCE,
      generatedAt: ctx.now.toISOString(),
      fields: COLUMNS,
      rows: await this.openData.aggregates(ctx),
    };
  }

  @Get('aggregates.csv')
  async csv(@Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = RequestContext.fromHttp(req);
    const rows = await this.openData.aggregates(ctx);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="vicini-e-connessi-open-data-${ctx.now.toISOString().slice(0, 10)}.csv"`);
    const csv = csvStringifier(COLUMNS);
    const done = pipeline(csv, res);
    for (const row of rows) csv.write(row);
    csv.end();
    await done;
  }
}
