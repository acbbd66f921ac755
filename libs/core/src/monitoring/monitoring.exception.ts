export enum MonitoringErrorCode {
  PROVINCE_OUTSIDE_REGION = 'PROVINCE_OUTSIDE_REGION',
  TOO_MANY_BUCKETS = 'TOO_MANY_BUCKETS',
  UNKNOWN_EXPORT = 'UNKNOWN_EXPORT',
}

export class MonitoringException extends Error {
  constructor(
    readonly code: MonitoringErrorCode,
    readonly field: string,
    /** TOO_MANY_BUCKETS: whether the series was asked by week (else by day). */
    readonly byWeek = false,
  ) {
    super(`${code}: ${field}`);
  }
}
