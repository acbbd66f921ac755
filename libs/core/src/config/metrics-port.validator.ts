import { ValidationOptions, registerDecorator } from 'class-validator';
import { MESSAGES } from '../messages';

/**
 * METRICS_PORT apart from PORT. The API opens its metrics server first, so on a shared port its
 * HTTP server would then fail as if PORT were busy; 0 (no metrics server) takes no port at all.
 */
export function IsApartFromPort(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isApartFromPort',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args) => value === 0 || value !== (args?.object as { PORT?: unknown }).PORT,
        defaultMessage: (args) => MESSAGES.config.metricsPortIsPort(Number((args?.object as { PORT?: unknown }).PORT)).en,
      },
    });
}
