export enum MonitoringErrorCode {
  PROVINCE_OUTSIDE_REGION = 'PROVINCE_OUTSIDE_REGION',
  TOO_MANY_BUCKETS = 'TOO_MANY_BUCKETS',
  UNKNOWN_EXPORT = 'UNKNOWN_EXPORT',
}

export class MonitoringException extends Error {
  constructor(
    readonly code: MonitoringErrorCode,
    readonly field: string,
  ) {
    super(`${code}: ${field}`);
  }
}
