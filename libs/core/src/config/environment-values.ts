/** The log levels LOG_LEVEL takes, Nest's names, most severe first. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** An environment variable's text as a boolean (`true`/`1`, `false`/`0`); anything else is left for the validator to name. */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** An environment variable's text as a number; an empty value is left for the validator to name. */
export const toNumber = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
