import type { Words } from './words';

const STATUS: Readonly<Record<string, Words>> = {
  PENDING: { en: 'waiting for an answer', it: 'in attesa di risposta' },
  ACCEPTED: { en: 'accepted', it: 'accettato' },
  DECLINED: { en: 'declined', it: 'rifiutato' },
  WITHDRAWN: { en: 'withdrawn', it: 'ritirato' },
  CANCELLED: { en: 'called off', it: 'annullato' },
};

/** Handing a shop registered on paper from one facilitator to another: refusals, and what each organisation is told. */
export const delegationHandoverMessages = {
  handoverNotFound: (): Words => ({ en: 'No such handover', it: 'Passaggio non trovato' }),
  handoverReceiverUnknown: (ambiguous: boolean): Words =>
    ambiguous
      ? {
          en: 'Several facilitator organisations use this contact address: write the address the one you mean signs in with',
          it: 'Più organizzazioni di facilitatori usano questo indirizzo di contatto: scrivi l’indirizzo con cui accede quella che intendi',
        }
      : {
          en: 'No facilitator organisation has this e-mail: write the address its account signs in with, or its contact address',
          it: 'Nessuna organizzazione di facilitatori ha questa e-mail: scrivi l’indirizzo con cui accede al suo account, oppure il suo indirizzo di contatto',
        },
  handoverReceiverNotApproved: (): Words => ({
    en: 'This organisation is not verified by the Department, is suspended or has closed its account: it cannot act for shops',
    it: 'Questa organizzazione non è verificata dal Dipartimento, è sospesa o ha chiuso il suo account: non può operare per i negozi',
  }),
  handoverToSelf: (): Words => ({
    en: 'This is your own organisation’s address: write the other facilitator’s',
    it: 'Questo è l’indirizzo della tua organizzazione: scrivi quello dell’altro facilitatore',
  }),
  /** The giver no longer acts for the shop: `SELF` when the giver is the one asking. */
  handoverNotActing: (giver: 'SELF' | 'OTHER'): Words =>
    giver === 'SELF'
      ? { en: 'You do not act for this shop any more: there is nothing to hand over', it: 'Non operi più per questa attività: non c’è nulla da passare' }
      : {
          en: 'The organisation that offered this shop no longer acts for it: there is nothing to take over',
          it: 'L’organizzazione che ti ha proposto questa attività non opera più per suo conto: non c’è nulla da prendere in carico',
        },
  handoverShopClaimed: (): Words => ({
    en: 'The owner has claimed this shop: the owner now chooses who acts for it (in the shop’s Facilitators page), so it cannot be handed over',
    it: 'Il titolare ha rivendicato questa attività: ora è il titolare a scegliere chi opera per suo conto (nella pagina Facilitatori dell’attività), quindi non si può passare ad altri',
  }),
  handoverPending: (): Words => ({
    en: 'This shop is already offered to a facilitator that has not answered yet: withdraw that offer first',
    it: 'Questa attività è già stata proposta a un facilitatore che non ha ancora risposto: ritira prima quella proposta',
  }),
  handoverNotPending: (status: string): Words => {
    const words = STATUS[status] ?? { en: status.toLowerCase(), it: status.toLowerCase() };
    return {
      en: `This handover is ${words.en}: it can no longer be accepted, declined or withdrawn`,
      it: `Questo passaggio è ${words.it}: non si può più accettare, rifiutare o ritirare`,
    };
  },
  /** To a facilitator: what happened to a handover of `shop`, in which `facilitator` is the other organisation. */
  handover: (shop: string, facilitator: string, notice: string): Words => {
    switch (notice) {
      case 'OFFERED':
        return { en: `${facilitator} offers to hand ${shop} over to you: accept or decline on your Desk`, it: `${facilitator} ti propone di passarti ${shop}: accetta o rifiuta sulla tua Scrivania` };
      case 'WITHDRAWN':
        return { en: `${facilitator} withdrew its offer to hand ${shop} over to you`, it: `${facilitator} ha ritirato la proposta di passarti ${shop}` };
      case 'ACCEPTED':
        return { en: `${facilitator} took ${shop} over: you no longer act for it`, it: `${facilitator} ha preso in carico ${shop}: non operi più per suo conto` };
      case 'TAKEN_OVER':
        return { en: `You now act for ${shop}, handed over by ${facilitator}: it is on your Desk`, it: `Ora operi per conto di ${shop}, che ti ha passato ${facilitator}: la trovi sulla tua Scrivania` };
      case 'DECLINED':
        return { en: `${facilitator} declined to take ${shop} over: you still act for it`, it: `${facilitator} ha rifiutato di prendere in carico ${shop}: continui a operare per suo conto` };
      case 'CANCELLED':
        return { en: `The handover of ${shop} is called off: ${facilitator} closed its account`, it: `Il passaggio di ${shop} è annullato: ${facilitator} ha chiuso il suo account` };
      case 'SHOP_CLAIMED':
        return {
          en: `The handover of ${shop} between you and ${facilitator} is called off: its owner has claimed the shop and now chooses who acts for it`,
          it: `Il passaggio di ${shop} tra te e ${facilitator} è annullato: il titolare ha rivendicato l’attività e ora sceglie lui chi opera per suo conto`,
        };
      default:
        return { en: `The handover of ${shop} changed`, it: `Il passaggio di ${shop} è cambiato` };
    }
  },
};
