import { Controller, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requestContextFromHttp } from '../../api/request-context';
import { Public } from '../../auth/api/auth.decorators';
import { HttpErrorFilter } from '../../monitoring/api/http-error.filter';
import { MailPreferenceService } from '../mail-preference.service';

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the link of
 * the `List-Unsubscribe` header, the same link the footer carries. A GET of that link is the web
 * app's confirmation page, so a link scanner that follows it changes nothing.
 */
@Public()
@UseFilters(HttpErrorFilter)
@Controller('disiscrizione')
export class UnsubscribeController {
  constructor(private readonly preferences: MailPreferenceService) {}

  @Post()
  @HttpCode(200)
  async oneClick(@Req() req: Request, @Res() res: Response, @Query('token') token: unknown): Promise<void> {
    const outcome = typeof token === 'string' ? await this.preferences.unsubscribe(requestContextFromHttp(req), token) : { kind: 'invalid-link' as const };
    res.status(outcome.kind === 'unsubscribed' ? 200 : 400).type('text/plain').send(outcome.kind === 'unsubscribed' ? 'OK' : 'Bad request');
  }
}
