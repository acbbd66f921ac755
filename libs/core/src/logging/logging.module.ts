import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { Environment } from '../config/environment';
import { pinoOptions, requestIdOf } from './log-options';

/**
 * Nest's logger through pino (nestjs-pino): every line of a request — the services' own included —
 * carries its request id. The access lines themselves are written by the HTTP edge, first of all
 * middleware, so that refusals made before Nest's routes (body limits, throttling) are logged too.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        pinoHttp: {
          ...pinoOptions({ LOG_LEVEL: config.get('LOG_LEVEL', { infer: true }), LOG_FORMAT: config.get('LOG_FORMAT', { infer: true }), NODE_ENV: config.get('NODE_ENV', { infer: true }) }),
          genReqId: (req, res) => (typeof req.id === 'string' ? req.id : requestIdOf(req, res)),
          customAttributeKeys: { reqId: 'requestId' },
          autoLogging: false,
          quietReqLogger: true,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
