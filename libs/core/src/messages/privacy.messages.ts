import { datePhrase, day, type Words } from './words';

/** The sections of a personal-data export, as its summary names them. */
export const EXPORT_SECTION_LABELS: Record<string, Words> = {
  account: { en: 'account', it: 'account' },
  privacyNoticeAcceptances: { en: 'privacy notices accepted', it: 'informative accettate' },
  sessions: { en: 'sign-in sessions', it: 'sessioni di accesso' },
  identityLinks: { en: 'digital identities (SPID, CIE) linked to the account', it: 'identità digitali (SPID, CIE) collegate all’account' },
  shop: { en: 'shop', it: 'attività' },
  provider: { en: 'organisation', it: 'organizzazione' },
  facilitator: { en: 'organisation acting for shops', it: 'organizzazione che opera per le attività' },
  offers: { en: 'offers', it: 'offerte' },
  helpRequests: { en: 'help requests', it: 'richieste di aiuto' },
  matches: { en: 'matches, each with its history', it: 'abbinamenti, ciascuno con la sua storia' },
  outcomeSurveys: { en: 'outcome surveys', it: 'questionari sui risultati' },
  notifications: { en: 'notifications', it: 'notifiche' },
  mailMessages: { en: 'e-mails sent to you', it: 'e-mail inviate a te' },
  callApplications: { en: 'applications to selection calls, with their scores', it: 'domande ai bandi, con i loro punteggi' },
  delegations: {
    en: 'facilitators allowed to act for your shop, or the shops your organisation acts for',
    it: 'facilitatori autorizzati a operare per la tua attività, o attività per cui opera la tua organizzazione',
  },
  auditEvents: { en: 'audit-trail events by you or about you', it: 'eventi del registro delle operazioni compiute da te o che ti riguardano' },
};

/** The reasons an account cannot be erased yet, each saying what to do first. */
export type ErasureBlockerKind =
  | 'STAFF_ACCOUNT'
  | 'LIVE_MATCHES'
  | 'LIVE_OFFER_MATCHES'
  | 'WAITLIST_ENTRIES'
  | 'OPEN_REQUESTS'
  | 'OPEN_OFFERS'
  | 'UNCLAIMED_SHOPS'
  | 'OPEN_CALLS'
  | 'ALREADY_ERASED';

const BLOCKERS: Record<ErasureBlockerKind, (count: number) => Words> = {
  STAFF_ACCOUNT: () => ({
    en: 'Staff accounts are closed by an administrator: ask one',
    it: 'Gli account del personale sono chiusi da un amministratore: rivolgiti a uno di loro',
  }),
  LIVE_MATCHES: (count) => ({
    en: count === 1 ? '1 service is still pending, accepted or active: withdraw or complete it first (Services)' : `${count} services are still pending, accepted or active: withdraw or complete them first (Services)`,
    it: count === 1 ? '1 servizio è ancora in attesa, accettato o attivo: ritiralo o concludilo prima (Servizi)' : `${count} servizi sono ancora in attesa, accettati o attivi: ritirali o concludili prima (Servizi)`,
  }),
  LIVE_OFFER_MATCHES: (count) => ({
    en:
      count === 1
        ? '1 service on your offers is still pending, accepted or active: answer it if pending, complete it if active; if accepted, wait for the shop to confirm it or give the place back (Applications)'
        : `${count} services on your offers are still pending, accepted or active: answer those pending, complete those active; accepted ones wait for their shop to confirm them, or you give their places back (Applications)`,
    it:
      count === 1
        ? '1 servizio sulle tue offerte è ancora in attesa, accettato o attivo: se è in attesa rispondi, se è attivo concludilo; se è accettato aspetta la conferma del negozio o rinuncia al servizio (Candidature)'
        : `${count} servizi sulle tue offerte sono ancora in attesa, accettati o attivi: rispondi a quelli in attesa, concludi quelli attivi; quelli accettati aspettano la conferma del negozio, oppure rinunci al servizio (Candidature)`,
  }),
  WAITLIST_ENTRIES: (count) => ({
    en: count === 1 ? "1 request is on an offer's waitlist: leave the waitlist first" : `${count} requests are on an offer's waitlist: leave the waitlist first`,
    it: count === 1 ? '1 richiesta è in lista d’attesa di un’offerta: esci prima dalla lista d’attesa' : `${count} richieste sono in lista d’attesa di un’offerta: esci prima dalla lista d’attesa`,
  }),
  OPEN_REQUESTS: (count) => ({
    en: count === 1 ? '1 request is still open: withdraw it first (My requests)' : `${count} requests are still open: withdraw them first (My requests)`,
    it: count === 1 ? '1 richiesta è ancora aperta: ritirala prima (Le mie richieste)' : `${count} richieste sono ancora aperte: ritirale prima (Le mie richieste)`,
  }),
  OPEN_OFFERS: (count) => ({
    en: count === 1 ? '1 offer is published, paused or suspended: close it first (My offers)' : `${count} offers are published, paused or suspended: close them first (My offers)`,
    it: count === 1 ? '1 offerta è pubblicata, in pausa o sospesa: chiudila prima (Le mie offerte)' : `${count} offerte sono pubblicate, in pausa o sospese: chiudile prima (Le mie offerte)`,
  }),
  UNCLAIMED_SHOPS: (count) => ({
    en:
      count === 1
        ? '1 shop you registered on paper has no owner’s account yet, and nobody else would act for it: hand it over to another facilitator (on the Desk, “Hand over to another facilitator”), or ask its owner to claim it with the link (on the Desk, “Send the claim link again”) first; if registering it was a mistake, cancel the registration (on the Desk, “Cancel the registration”)'
        : `${count} shops you registered on paper have no owner's account yet, and nobody else would act for them: hand them over to another facilitator (on the Desk, “Hand over to another facilitator”), or ask their owners to claim them with the link (on the Desk, “Send the claim link again”) first; if registering one was a mistake, cancel its registration (on the Desk, “Cancel the registration”)`,
    it:
      count === 1
        ? '1 attività che hai registrato su carta non ha ancora l’account del titolare e nessun altro opererebbe per lei: passala prima a un altro facilitatore (sulla Scrivania, «Passa a un altro facilitatore») oppure chiedi al titolare di rivendicarla con il link (sulla Scrivania, «Invia di nuovo il link per rivendicare»); se registrarla è stato un errore, annulla la registrazione (sulla Scrivania, «Annulla la registrazione»)'
        : `${count} attività che hai registrato su carta non hanno ancora l’account del titolare e nessun altro opererebbe per loro: passale prima a un altro facilitatore (sulla Scrivania, «Passa a un altro facilitatore») oppure chiedi ai titolari di rivendicarle con il link (sulla Scrivania, «Invia di nuovo il link per rivendicare»); se registrarne una è stato un errore, annullane la registrazione (sulla Scrivania, «Annulla la registrazione»)`,
  }),
  OPEN_CALLS: (count) => ({
    en:
      count === 1
        ? '1 selection call you run is still open: wait until it closes and its ranking is published (Calls)'
        : `${count} selection calls you run are still open: wait until they close and their ranking is published (Calls)`,
    it:
      count === 1
        ? '1 bando che gestisci è ancora aperto: attendi che si chiuda e che la graduatoria sia pubblicata (Bandi)'
        : `${count} bandi che gestisci sono ancora aperti: attendi che si chiudano e che la graduatoria sia pubblicata (Bandi)`,
  }),
  ALREADY_ERASED: () => ({ en: 'This account has already been erased', it: 'Questo account è già stato cancellato' }),
};

/** Personal data: export, erasure, retention. */
export const privacyMessages = {
  /** A refusal; an account already erased (a second request racing the first) is not "not yet". */
  erasureRefused: (alreadyErased: boolean): Words =>
    alreadyErased
      ? BLOCKERS.ALREADY_ERASED(1)
      : {
          en: 'The account cannot be deleted yet: see what to do first',
          it: 'L’account non si può ancora cancellare: ecco cosa fare prima',
        },
  erasureBlocker: (kind: ErasureBlockerKind, count: number): Words => BLOCKERS[kind](count),
  wrongPassword: (): Words => ({ en: 'The password is not right', it: 'La password non è corretta' }),
  /**
   * A paper registration that cannot be cancelled any more: something was done with the shop that
   * the programme's controls must keep (services in any state, applications to selection calls).
   */
  registrationKept: (matches: number, applications: number): Words => {
    const en = [
      ...(matches > 0 ? [matches === 1 ? '1 service (in any state)' : `${matches} services (in any state)`] : []),
      ...(applications > 0 ? [applications === 1 ? '1 application to a selection call' : `${applications} applications to selection calls`] : []),
    ].join(' and ');
    const it = [
      ...(matches > 0 ? [matches === 1 ? '1 servizio (in qualsiasi stato)' : `${matches} servizi (in qualsiasi stato)`] : []),
      ...(applications > 0 ? [applications === 1 ? '1 domanda a un bando' : `${applications} domande a bandi`] : []),
    ].join(' e ');
    return {
      en: `The registration stays: the shop already has ${en}, which the programme's controls must keep. Its data can now only be erased as an account's is: write to the Department from the Contacts page`,
      it: `La registrazione resta: l’attività ha già ${it}, che i controlli del programma devono conservare. I suoi dati ora si possono cancellare solo come quelli di un account: scrivi al Dipartimento dalla pagina Contatti`,
    };
  },
  registrationNotCancellable: (): Words => ({
    en: 'Only a registration on paper that nobody has claimed yet can be cancelled, while your organisation acts for the shop: once claimed, the shop is its owner’s',
    it: 'Si può annullare solo una registrazione su carta che nessuno ha ancora rivendicato, finché la tua organizzazione opera per l’attività: una volta rivendicata, l’attività è del titolare',
  }),
  registrationShared: (): Words => ({
    en: 'Another facilitator acts for this shop too, so its registration cannot be cancelled: stop acting on its behalf instead (on the Desk, “Stop acting on behalf”)',
    it: 'Anche un altro facilitatore opera per questa attività, quindi la sua registrazione non si può annullare: smetti invece di operare per suo conto (sulla Scrivania, «Smetti di operare per conto»)',
  }),
  accountNotFound: (): Words => ({ en: 'No such account', it: 'Account non trovato' }),
  exportSummary: (counts: Readonly<Record<string, number>>, generatedAt: Date): Words => {
    const at = day(generatedAt);
    const list = (language: 'en' | 'it'): string =>
      Object.entries(counts)
        .map(([section, count]) => `${EXPORT_SECTION_LABELS[section]?.[language] ?? section}: ${count}`)
        .join('; ');
    return {
      en:
        `Everything the Vicini e connessi platform holds about you and your organisation on ${at.en} (Art. 15 and 20 GDPR). ` +
        `Each section below is named in the "counts" field (${list('en')}). JSON in UTF-8, times in UTC (ISO 8601). ` +
        'Names of other people and organisations are left out; staff are named by their role.',
      it:
        `Tutti i dati che la piattaforma Vicini e connessi conserva su di te e sulla tua organizzazione ${datePhrase('al', at.it)} (artt. 15 e 20 GDPR). ` +
        `Ogni sezione che segue è contata nel campo "counts" (${list('it')}). Formato JSON in UTF-8, orari in UTC (ISO 8601). ` +
        'I nomi di altre persone e organizzazioni non sono inclusi; il personale è indicato dal suo ruolo.',
    };
  },
  exportReasonRequired: (): Words => ({
    en: 'Say why (at least 10 characters): the request of the person, its date and reference',
    it: 'Indica il motivo (almeno 10 caratteri): la richiesta dell’interessato, la data e il protocollo',
  }),
};
