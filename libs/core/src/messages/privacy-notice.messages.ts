import type { Words } from './words';

/** The purposes of the processing, each with its legal basis (Art. 6 GDPR), for the privacy notice. */
export const privacyNoticeMessages = {
  controller: (): Words => ({
    en: 'Department for Digital Transformation (Dipartimento per la trasformazione digitale), Presidency of the Council of Ministers',
    it: 'Dipartimento per la trasformazione digitale, Presidenza del Consiglio dei ministri',
  }),
  purposeMatching: (): Words => ({
    en: 'Matching shops’ requests with free offers, verifying providers and allocating the places fairly',
    it: 'Abbinare le richieste dei negozi alle offerte gratuite, verificare i fornitori e assegnare i posti in modo equo',
  }),
  purposeAccount: (): Words => ({
    en: 'Managing accounts and sign-in, keeping them secure (the server logs record the network address each request comes from, to trace attacks)',
    it: 'Gestire gli account e l’accesso, e tenerli al sicuro (i registri del server annotano l’indirizzo di rete da cui arriva ogni richiesta, per risalire agli attacchi)',
  }),
  purposeMessages: (): Words => ({
    en: 'Telling people what happens to their requests and offers, in the app and by e-mail',
    it: 'Informare le persone su ciò che accade alle loro richieste e offerte, nell’app e per e-mail',
  }),
  purposeStatistics: (): Words => ({
    en: 'Monitoring the programme and publishing aggregate open data (counts only, no personal data)',
    it: 'Monitorare l’iniziativa e pubblicare dati aperti aggregati (solo cifre, nessun dato personale)',
  }),
  purposeAudit: (): Words => ({
    en: 'Keeping a record of who did what, to account for the decisions taken',
    it: 'Registrare chi ha fatto che cosa, per rendere conto delle decisioni prese',
  }),
  basisPublicTask: (): Words => ({
    en: 'Task carried out in the public interest (Art. 6(1)(e) GDPR)',
    it: 'Esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e GDPR)',
  }),
  basisLegalObligation: (): Words => ({
    en: 'Legal obligation of the controller (Art. 6(1)(c) and 5(2) GDPR)',
    it: 'Obbligo legale del titolare (art. 6, par. 1, lett. c e art. 5, par. 2 GDPR)',
  }),
};
