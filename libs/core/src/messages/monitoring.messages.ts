import type { Words } from './words';

/** Monitoring filters and exports (ministry staff). */
export const monitoringMessages = {
  provinceOutsideRegion: (field: string): Words => ({
    en: `${field} is not a province of the region given`,
    it: `${field} non è una provincia della regione indicata`,
  }),
  /** The time series holds at most 400 points: by day, weeks cover longer periods; by week, the period must be shorter. */
  tooManyBuckets: (field: string, byWeek: boolean): Words =>
    byWeek
      ? { en: `${field}: the period is longer than 400 weeks (almost 8 years); shorten it`, it: `${field}: il periodo supera 400 settimane (quasi 8 anni); accorcialo` }
      : { en: `${field}: the period is longer than 400 days; shorten it, or show it by week`, it: `${field}: il periodo supera 400 giorni; accorcialo o mostralo per settimane` },
  unknownExport: (field: string): Words => ({ en: `${field}: no such export`, it: `${field}: esportazione inesistente` }),
};
