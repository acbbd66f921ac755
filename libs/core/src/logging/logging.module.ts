import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { Environment } from '../config/environment';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logDestination, pinoOptions, requestIdOf } from './log-options';

/**
 * Nest's logger through pino (nestjs-pino): every line of a request — the services' own included —
 * carries its request id. The access lines themselves are written by the HTTP edge, first of all
 * middleware, so that refusals made before Nest's routes (body limits, throttling) are logged too.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const options = pinoOptions({ LOG_LEVEL: config.get('LOG_LEVEL', { infer: true }), LOG_FORMAT: config.get('LOG_FORMAT', { infer: true }), NODE_ENV: config.get('NODE_ENV', { infer: true }) });
        const http = {
          ...options,
          genReqId: (req: IncomingMessage, res: ServerResponse) => (typeof (req as { id?: unknown }).id === 'string' ? String((req as { id?: unknown }).id) : requestIdOf(req, res)),
          customAttributeKeys: { reqId: 'requestId' },
          autoLogging: false,
          quietReqLogger: true,
        };
        // Text through pino-pretty's own transport; JSON lines to an asynchronous destination.
        return { pinoHttp: options.transport ? http : [http, logDestination()] };
      },
    }),
  ],
})
export class LoggingModule {}
