import type { Words } from './words';

/** Regions, provinces and comuni, named by their ISTAT codes. */
export const territoryMessages = {
  regionNotFound: (code: string): Words => ({
    en: `no region has the code "${code}": choose it from the list of regions`,
    it: `nessuna regione ha il codice "${code}": sceglila dall’elenco delle regioni`,
  }),
  provinceNotFound: (code: string): Words => ({
    en: `no province has the code "${code}": choose it from the list of provinces`,
    it: `nessuna provincia ha il codice "${code}": sceglila dall’elenco delle province`,
  }),
  comuneNotFound: (code: string): Words => ({
    en: `no comune has the code "${code}": choose it from the list of comuni`,
    it: `nessun comune ha il codice "${code}": sceglilo dall’elenco dei comuni`,
  }),
  emptySearch: (): Words => ({
    en: 'search must contain at least one letter or digit: type part of the name',
    it: 'la ricerca deve contenere almeno una lettera o una cifra: scrivi parte del nome',
  }),
};
