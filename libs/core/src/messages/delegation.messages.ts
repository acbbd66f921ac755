import { delegationHandoverMessages } from './delegation-handover.messages';
import { datePhrase, day, type Words } from './words';

/**
 * What a facilitator did, as the shop reads it in its notifications and in its history ("what was
 * done on your behalf"): every change a facilitator can make for a shop; any other is named generally.
 */
const ACTIONS: Readonly<Record<string, Words>> = {
  'shop.updated': { en: 'changed your shop’s profile', it: 'ha modificato il profilo della tua attività' },
  'help_request.created': { en: 'asked for a service', it: 'ha chiesto un servizio' },
  'help_request.updated': { en: 'changed one of your requests', it: 'ha modificato una tua richiesta' },
  'help_request.cancelled': { en: 'withdrew one of your requests', it: 'ha ritirato una tua richiesta' },
  'help_request_bundle.created': { en: 'asked for a bundle of services', it: 'ha chiesto un pacchetto di servizi' },
  'match.applied': { en: 'applied to an offer', it: 'si è candidata a un’offerta' },
  'match.waitlisted': { en: 'put you on an offer’s waiting list', it: 'ti ha messo in lista d’attesa per un’offerta' },
  'match.active': { en: 'confirmed that a service is active', it: 'ha confermato che un servizio è attivo' },
  'match.completed': { en: 'marked a service completed', it: 'ha segnato un servizio come concluso' },
  'match.withdrawn': { en: 'withdrew from a service', it: 'ha rinunciato a un servizio' },
  'call_application.submitted': { en: 'applied to a selection call', it: 'ha presentato una domanda a un bando' },
  'outcome_survey.answered': { en: 'answered an outcome survey', it: 'ha risposto a un questionario sui risultati' },
};

const delegatedAction = (action: string): Words => ACTIONS[action] ?? { en: 'made a change', it: 'ha fatto una modifica' };

/** Delegations of shops to facilitators: refusals and what each side is told. */
export const delegationMessages = {
  ...delegationHandoverMessages,
  notFound: (): Words => ({ en: 'No such delegation', it: 'Delega non trovata' }),
  linkInvalid: (field: string): Words => ({
    en: `${field}: this link is not valid any more (it was used, withdrawn or has expired): ask the facilitator for a new one`,
    it: `${field}: questo link non è più valido (è stato già usato, ritirato o è scaduto): chiedine uno nuovo al facilitatore`,
  }),
  notClaimable: (): Words => ({
    en: 'A claim link is sent only for a shop registered on paper that nobody has claimed yet, while the delegation is live',
    it: 'Il link per rivendicare si invia solo per un’attività registrata su carta che nessuno ha ancora rivendicato, finché la delega è attiva',
  }),
  unclaimedShop: (): Words => ({
    en: 'This shop was registered on paper, its owner has not claimed it yet and no other facilitator acts for it: if you stopped, nobody could. Hand it over to another facilitator instead (on the Desk, “Hand over to another facilitator”): it takes your place once it accepts. Or ask the owner to claim it with the link first (on the Desk, “Send the claim link again”): they can then choose another facilitator if they wish. If registering it was a mistake (a wrong Partita IVA, or the owner withdrew their consent), cancel the registration instead (on the Desk, “Cancel the registration”)',
    it: 'L’attività è registrata su carta, il titolare non l’ha ancora rivendicata e nessun altro facilitatore opera per suo conto: se smettessi, nessuno potrebbe più farlo. Passala invece a un altro facilitatore (sulla Scrivania, «Passa a un altro facilitatore»): prenderà il tuo posto quando accetta. Oppure chiedi prima al titolare di rivendicarla con il link (sulla Scrivania, «Invia di nuovo il link per rivendicare»): potrà poi scegliere un altro facilitatore, se vuole. Se registrarla è stato un errore (una Partita IVA sbagliata, o il titolare ha ritirato il consenso), annulla invece la registrazione (sulla Scrivania, «Annulla la registrazione»)',
  }),
  claimsToAddressLimit: (field: string, perDay: number): Words => ({
    en: `${field}: this address has already received ${perDay} links to claim a business in the last 24 hours; check the address, or try again in 24 hours`,
    it: `${field}: questo indirizzo ha già ricevuto ${perDay} link per rivendicare un’attività nelle ultime 24 ore; controlla l’indirizzo, oppure riprova tra 24 ore`,
  }),
  ownerAddressCannotClaim: (field: string): Words => ({
    en: `${field}: this address belongs to an account that cannot take over a business (an organisation's or staff account, a disabled one, or one that already has its business); ask the owner for another address`,
    it: `${field}: questo indirizzo appartiene a un account che non può prendere in carico un’attività (di un’organizzazione o del personale, disattivato, o che ha già la sua attività); chiedi al titolare un altro indirizzo`,
  }),
  inviteeCannotAnswer: (field: string): Words => ({
    en: `${field}: this address belongs to an account that could never answer an invitation (an organisation's or staff account, or a disabled one); invite the shop at the address its owner signs in with`,
    it: `${field}: questo indirizzo appartiene a un account che non potrebbe mai rispondere a un invito (di un’organizzazione o del personale, o disattivato); invita l’attività all’indirizzo con cui accede il titolare`,
  }),
  ownerAddressHasShopWaiting: (field: string): Words => ({
    en: `${field}: another business registered on paper already waits to be claimed at this address, and one account manages one business; ask the owner for another address for this one`,
    it: `${field}: a questo indirizzo aspetta già di essere rivendicata un’altra attività registrata su carta, e ogni account ne gestisce una sola; chiedi al titolare un altro indirizzo per questa`,
  }),
  declaredTooLongAgo: (field: string, years: number): Words => ({
    en: `${field} is more than ${years} years ago: check the date on the signed declaration; a consent that old is to be signed again`,
    it: `${field} risale a più di ${years} anni fa: controlla la data della dichiarazione firmata; un consenso così vecchio va firmato di nuovo`,
  }),
  declaredInFuture: (field: string): Words => ({
    en: `${field} cannot be in the future: write the date on the signed declaration`,
    it: `${field} non può essere nel futuro: scrivi la data della dichiarazione firmata`,
  }),
  /** The organisation invited this address on `invitedAt` and the link works until `expiresAt`. */
  invitationPending: (invitedAt: Date, expiresAt: Date): Words => {
    const [sent, until] = [day(invitedAt), day(expiresAt)];
    return {
      en: `You invited this address on ${sent.en} and the link works until ${until.en}: wait for the shop’s answer, or withdraw that invitation on your Desk to send a new one`,
      it: `Hai invitato questo indirizzo ${datePhrase('il', sent.it)} e il link vale fino ${datePhrase('al', until.it)}: aspetta la risposta dell’attività, oppure ritira quell’invito dalla tua Scrivania per inviarne uno nuovo`,
    };
  },
  /** A shop answering an invitation the organisation sent to another address. */
  invitationForAnotherAddress: (invitedEmail: string): Words => ({
    en: `This invitation was sent to ${invitedEmail}, which is not the confirmed address of this account: sign in with the account of that address to answer it, or choose this organisation yourself under “Choose a facilitator”`,
    it: `Questo invito è stato inviato a ${invitedEmail}, che non è l’indirizzo confermato di questo account: accedi con l’account di quell’indirizzo per rispondere, oppure scegli tu questa organizzazione in «Scegli un facilitatore»`,
  }),
  alreadyDelegated: (): Words => ({ en: 'This facilitator already acts for the shop', it: 'Questo facilitatore opera già per l’attività' }),
  facilitatorNotApproved: (): Words => ({
    en: 'The organisation is not verified by the Department (or is suspended): it cannot act for shops',
    it: 'L’organizzazione non è verificata dal Dipartimento (o è sospesa): non può operare per i negozi',
  }),
  invalidTransition: (status: string): Words => ({
    en: `The delegation is ${status.toLowerCase()}: this step is not possible`,
    it: `La delega è ${STATUS_IT[status] ?? status.toLowerCase()}: questo passaggio non è possibile`,
  }),
  accountHasShop: (): Words => ({
    en: 'This account already manages a business, and one account manages one business: sign in with an account that has none, or ask the facilitator to send this link to another address of yours, to create a new account with it',
    it: 'Questo account gestisce già un’attività, e ogni account ne gestisce una sola: accedi con un account che non ne ha, oppure chiedi al facilitatore di inviare questo link a un altro tuo indirizzo, per creare con quello un nuovo account',
  }),
  claimForAnotherAddress: (invitedEmail: string): Words => ({
    en: `This link to claim the business was sent to ${invitedEmail}, which is not this account’s address: sign out, then open the link again to create the account for that address, or sign in with the account that has it`,
    it: `Questo link per rivendicare l’attività è stato inviato a ${invitedEmail}, che non è l’indirizzo di questo account: esci, poi apri di nuovo il link per creare l’account di quell’indirizzo, oppure accedi con l’account che lo ha`,
  }),
  signInFirst: (): Words => ({
    en: 'An account with this e-mail exists: sign in first, then open the link again. If that account already manages a business, ask the facilitator to send this link to another address of yours: one account manages one business',
    it: 'Esiste già un account con questa e-mail: accedi prima, poi apri di nuovo il link. Se quell’account gestisce già un’attività, chiedi al facilitatore di inviare questo link a un altro tuo indirizzo: ogni account ne gestisce una sola',
  }),
  passwordNeeded: (field: string): Words => ({
    en: `${field}: choose a password for your account, or sign in first with an account of your own`,
    it: `${field}: scegli una password per il tuo account, oppure accedi prima con un tuo account`,
  }),
  /** To the shop: "<facilitator> <did something> on your behalf". */
  actedOnBehalf: (facilitator: string, action: string): Words => {
    const did = delegatedAction(action);
    return { en: `${facilitator} ${did.en} on your behalf`, it: `${facilitator} ${did.it} per tuo conto` };
  },
  /** The verb phrase alone ("asked for a service"), as the shop's history lists it after the facilitator's name. */
  delegatedAction: (action: string): Words => delegatedAction(action),
  /** To the facilitator: what a shop did with its delegation. */
  changed: (shop: string, status: string): Words => {
    switch (status) {
      case 'ACTIVE':
        return { en: `${shop} lets you act on its behalf`, it: `${shop} ti consente di operare per suo conto` };
      case 'DECLINED':
        return { en: `${shop} declined your invitation`, it: `${shop} ha rifiutato il tuo invito` };
      case 'REVOKED':
        return { en: `${shop} revoked your delegation: you can no longer act for it`, it: `${shop} ha revocato la delega: non puoi più operare per suo conto` };
      case 'CLAIMED':
        return { en: `The owner of ${shop} took it over and confirmed the delegation in the platform`, it: `Il titolare di ${shop} ne ha preso il controllo e ha confermato la delega nella piattaforma` };
      default:
        return { en: `The delegation of ${shop} changed`, it: `La delega di ${shop} è cambiata` };
    }
  },
  /** To the shop: a facilitator stopped acting for it, or closed its account (reason ACCOUNT_ERASED). */
  withdrawn: (facilitator: string, reason?: string): Words =>
    reason === 'ACCOUNT_ERASED'
      ? {
          en: `${facilitator} closed its account on the platform and no longer acts for your shop: you can choose another facilitator (Facilitators)`,
          it: `${facilitator} ha chiuso il suo account sulla piattaforma e non opera più per la tua attività: puoi sceglierne un altro (Facilitatori)`,
        }
      : { en: `${facilitator} no longer acts for your shop`, it: `${facilitator} non opera più per la tua attività` },
};

const STATUS_IT: Readonly<Record<string, string>> = { INVITED: 'in attesa di risposta', ACTIVE: 'attiva', DECLINED: 'rifiutata', REVOKED: 'revocata', WITHDRAWN: 'ritirata' };
