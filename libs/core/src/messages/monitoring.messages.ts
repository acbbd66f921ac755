import type { Words } from './words';

/** Monitoring filters and exports (ministry staff). */
export const monitoringMessages = {
  provinceOutsideRegion: (field: string): Words => ({
    en: `${field} is not a province of the region given`,
    it: `${field} non è una provincia della regione indicata`,
  }),
  tooManyBuckets: (field: string): Words => ({
    en: `${field}: the period has more than 400 days or weeks; shorten it or use weeks`,
    it: `${field}: il periodo supera 400 giorni o settimane; accorcialo o usa le settimane`,
  }),
  unknownExport: (field: string): Words => ({ en: `${field}: no such export`, it: `${field}: esportazione inesistente` }),
};
