import type { Words } from './words';

/** Shops: registration, their ATECO sector and where they are. */
export const shopMessages = {
  notRegistered: (): Words => ({ en: 'Register your shop first', it: 'Registra prima la tua attività' }),
  notFound: (): Words => ({ en: 'No such shop', it: 'Attività non trovata' }),
  noShopNamed: (): Words => ({
    en: 'Name the shop you act for (the X-On-Behalf-Of-Shop header): a facilitator uses a shop’s operations on its behalf only',
    it: 'Indica il negozio per cui operi (nell’intestazione della richiesta): un facilitatore usa le funzioni di un negozio solo per suo conto',
  }),
  alreadyRegistered: (): Words => ({ en: 'This account already has a shop', it: 'Questo account ha già registrato un’attività' }),
  partitaIvaTaken: (): Words => ({
    en: 'A shop with this Partita IVA is already registered: if it is yours, sign in with its account (or use “Forgot your password?”); if its account was deleted, or you think someone else registered it, write to the Department from the Contacts page',
    it: 'Un’attività con questa Partita IVA è già registrata: se è la tua, accedi con il suo account (o usa «Password dimenticata?»); se il suo account è stato cancellato, o pensi che l’abbia registrata qualcun altro, scrivi al Dipartimento dalla pagina Contatti',
  }),
  /** The number is a shop a facilitator registered on paper for its owner, not yet claimed: the way is the claim link. */
  partitaIvaOnPaper: (): Words => ({
    en: 'A facilitator registered the shop with this Partita IVA for its owner, on a signed consent, and it waits to be claimed: open the link in the e-mail sent to the owner’s address, which attaches the shop to the account of that address; if the e-mail is lost, ask the facilitator to send the link again',
    it: 'L’attività con questa Partita IVA è stata registrata da un facilitatore per il suo titolare, con un consenso firmato, e attende di essere rivendicata: apri il link nell’e-mail inviata all’indirizzo del titolare, che collega l’attività all’account di quell’indirizzo; se l’e-mail è persa, chiedi al facilitatore di inviare di nuovo il link',
  }),
  coordinatesIncomplete: (field: string): Words => ({
    en: `${field}: give both latitude and longitude, or neither to use the comune's position`,
    it: `${field}: indica sia la latitudine sia la longitudine, oppure nessuna delle due per usare la posizione del comune`,
  }),
  coordinatesFarFromComune: (field: string, place: { km: string; maxKm: string; comune: string }): Words => ({
    en: `${field}: the point is ${place.km} km from ${place.comune}, but must be within ${place.maxKm} km of the comune: check latitude and longitude, or leave both empty to use the comune's position`,
    it: `${field}: il punto è a ${place.km} km da ${place.comune}, ma deve trovarsi entro ${place.maxKm} km dal comune: controlla latitudine e longitudine, oppure lasciale vuote per usare la posizione del comune`,
  }),
};

/** ATECO 2025 sectors, as shops and offers name them. */
export const sectorMessages = {
  unknownSection: (field: string, section: string): Words => ({
    en: `${field}: "${section}" is not an ATECO 2025 section: choose a letter from A to V`,
    it: `${field}: "${section}" non è una sezione ATECO 2025: scegli una lettera da A a V`,
  }),
  unknownDivision: (field: string, division: string): Words => ({
    en: `${field}: "${division}" is not an ATECO 2025 division: choose one from the list`,
    it: `${field}: "${division}" non è una divisione ATECO 2025: sceglila dall’elenco`,
  }),
  divisionNotInSection: (field: string, { division, divisionSection, section }: { division: string; divisionSection: string; section: string }): Words => ({
    en: `${field}: division ${division} belongs to section ${divisionSection}, not ${section}: choose a division of section ${section}, or change the section`,
    it: `${field}: la divisione ${division} appartiene alla sezione ${divisionSection}, non alla ${section}: scegli una divisione della sezione ${section}, oppure cambia sezione`,
  }),
};
