import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { requestContextFromHttp } from '../../api/request-context';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { actorOf } from '../../common/request-context';
import { HttpErrorFilter } from '../../monitoring/api/http-error.filter';
import { PersonalDataDocument } from '../personal-data-export.service';
import { PersonalDataExportService } from '../personal-data-export.service';
import { PrivacyException } from '../privacy.exception';
import { privacyErrorToGraphQL } from './privacy.errors';

/**
 * The personal-data export as a file: `GET /personal-data/mine.json` for the signed-in person, and
 * `GET /personal-data/accounts/<id>.json?reason=…` for staff answering a person's request. Both take
 * the bearer token like the CSV exports (no cookie, so no cross-site request can trigger them) and
 * stream the document from database cursors.
 */
@UseFilters(HttpErrorFilter)
@Controller('personal-data')
export class PersonalDataExportController {
  constructor(private readonly exports: PersonalDataExportService) {}

  @Get('mine.json')
  async own(@Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = requestContextFromHttp(req).withActor(actorOf(req.user));
    await this.send(await this.exports.exportOwn(ctx), res);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Get('accounts/:file')
  async forAccount(@Param('file') file: string, @Query('reason') reason: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = requestContextFromHttp(req).withActor(actorOf(req.user));
    try {
      const userId = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
      await this.send(await this.exports.exportFor(ctx, userId, typeof reason === 'string' ? reason : undefined), res);
    } catch (error) {
      throw error instanceof PrivacyException ? privacyErrorToGraphQL(error) : error;
    }
  }

  private async send(document: PersonalDataDocument, res: Response): Promise<void> {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${document.fileName}"`);
    res.setHeader('cache-control', 'no-store');
    await pipeline(Readable.from(document.chunks), res);
  }
}
