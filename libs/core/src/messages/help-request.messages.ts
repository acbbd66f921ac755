import { type ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from './service-categories';
import type { HelpRequestStatus } from '../help-request/help-request.types';
import { statusMessages } from './status.messages';
import { datePhrase, day, type Words } from './words';

/** Help requests: one per service at a time, changed or withdrawn while they allow it. */
export const helpRequestMessages = {
  notFound: (): Words => ({ en: 'No such help request', it: 'Richiesta di aiuto non trovata' }),
  askedTwice: (category: ServiceCategory): Words => {
    const service = SERVICE_CATEGORY_LABELS[category];
    return { en: `«${service.en}» is asked for twice: keep one`, it: `«${service.it}» è chiesto due volte: tienine uno` };
  },
  alreadyOpen: (category: ServiceCategory, since: Date): Words => {
    const [service, of] = [SERVICE_CATEGORY_LABELS[category], day(since)];
    return {
      en: `You already have an open request for “${service.en}” (of ${of.en}): it is in My requests; change that one, or withdraw it before asking again`,
      it: `Hai già una richiesta aperta per «${service.it}» (${datePhrase('del', of.it)}): è in «Le mie richieste»; modifica quella, oppure ritirala prima di chiedere di nuovo`,
    };
  },
  /**
   * Several services of one input already asked for: each named with why, in one message, so that
   * the shop fixes them all at once rather than one per attempt.
   */
  severalAsked: (conflicts: readonly { category: ServiceCategory; since: Date | null; matched: boolean }[]): Words => {
    const parts = conflicts.map(({ category, since, matched }) => {
      const service = SERVICE_CATEGORY_LABELS[category];
      if (!since) return { en: `«${service.en}» is asked for twice`, it: `«${service.it}» è chiesto due volte` };
      const of = day(since);
      return matched
        ? { en: `«${service.en}» has a request of ${of.en} matched with a service`, it: `«${service.it}» ha una richiesta ${datePhrase('del', of.it)} abbinata a un servizio` }
        : { en: `«${service.en}» has an open request of ${of.en}`, it: `«${service.it}» ha una richiesta aperta ${datePhrase('del', of.it)}` };
    });
    return {
      en: `${conflicts.length} services are already asked for: ${parts.map((part) => part.en).join('; ')}. Take them out of this request, or withdraw those in My requests first`,
      it: `${conflicts.length} servizi sono già richiesti: ${parts.map((part) => part.it).join('; ')}. Toglili da questa richiesta, oppure ritira prima quelle in «Le mie richieste»`,
    };
  },
  alreadyMatched: (category: ServiceCategory, since: Date): Words => {
    const [service, of] = [SERVICE_CATEGORY_LABELS[category], day(since)];
    return {
      en: `You already have a request for “${service.en}” (of ${of.en}) matched with a service: it is in My requests; give that service up before asking again`,
      it: `Hai già una richiesta per «${service.it}» (${datePhrase('del', of.it)}) abbinata a un servizio: è in «Le mie richieste»; rinuncia a quel servizio prima di chiedere di nuovo`,
    };
  },
  onWaitlist: (): Words => ({
    en: 'This request is on a waitlist for its service: leave the waitlist before changing the service',
    it: 'Questa richiesta è in lista d’attesa per il suo servizio: esci dalla lista d’attesa prima di cambiare servizio',
  }),
  notOpen: (current: HelpRequestStatus): Words => {
    const status = statusMessages.request(current);
    return { en: `The request is ${status.en}: only an open request can change`, it: `La richiesta è ${status.it}: si può modificare solo una richiesta aperta` };
  },
  notWithdrawable: (current: HelpRequestStatus): Words => {
    const status = statusMessages.request(current);
    return { en: `The request is ${status.en}: it can no longer be withdrawn`, it: `La richiesta è ${status.it}: non si può più ritirare` };
  },
};
