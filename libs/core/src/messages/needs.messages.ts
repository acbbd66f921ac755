import type { NeedCode, ServiceCategory } from '@vec/matching';
import type { Words } from './words';

/** Each question of the needs questionnaire and what it means. */
const NEEDS: Readonly<Record<NeedCode, { question: Words; hint: Words }>> = {
  SELL_ONLINE: { question: { en: 'Do you want to sell online?', it: 'Vuoi vendere online?' }, hint: { en: 'An online shop of your own, or a place on a marketplace.', it: 'Un negozio online tutto tuo o la presenza su un marketplace.' } },
  HOME_DELIVERY: { question: { en: "Do you want to deliver to your customers' homes?", it: 'Vuoi consegnare a domicilio?' }, hint: { en: 'Someone to take shopping or products to your customers.', it: 'Qualcuno che porti la spesa o i prodotti ai tuoi clienti.' } },
  SHIPPING: { question: { en: 'Do you want to ship your products across Italy?', it: 'Vuoi spedire i tuoi prodotti in tutta Italia?' }, hint: { en: 'Parcels sent by courier, also beyond your comune.', it: 'Pacchi spediti con un corriere, anche fuori dal tuo comune.' } },
  CARD_PAYMENTS: { question: { en: 'Do you want to accept card or smartphone payments?', it: 'Vuoi accettare pagamenti con carta o smartphone?' }, hint: { en: 'Card terminals, phone payments or payment links.', it: 'POS, pagamenti con il telefono o link di pagamento.' } },
  SOCIAL: { question: { en: 'Do you want to be found on social media?', it: 'Vuoi farti trovare sui social?' }, hint: { en: 'Pages and campaigns on social networks and search engines.', it: 'Pagine e campagne su social network e motori di ricerca.' } },
  WEBSITE: { question: { en: 'Do you want a website with opening hours, contacts and products?', it: 'Vuoi un sito web con orari, contatti e prodotti?' }, hint: { en: 'A shop window online where customers find you.', it: 'Una vetrina in rete dove i clienti ti trovano.' } },
  BOOKINGS: { question: { en: 'Do you want to take bookings and orders online?', it: 'Vuoi ricevere prenotazioni e ordini online?' }, hint: { en: 'Tables, appointments or click-and-collect orders, booked online.', it: 'Tavoli, appuntamenti o ordini da ritirare, prenotati in rete.' } },
  SKILLS: { question: { en: 'Do you want to learn to use digital tools?', it: 'Vuoi imparare a usare gli strumenti digitali?' }, hint: { en: 'Courses for you and the people who work with you.', it: 'Corsi per te e per chi lavora con te.' } },
  CONNECTIVITY: { question: { en: 'Do you need a better internet connection?', it: 'Ti serve una connessione internet migliore?' }, hint: { en: 'Fibre, mobile network or Wi-Fi for the shop.', it: 'Fibra, rete mobile o Wi-Fi per il negozio.' } },
  SECURITY: { question: { en: 'Do you want to protect your data, accounts and devices?', it: 'Vuoi proteggere dati, conti e dispositivi?' }, hint: { en: 'Protection from scams, viruses and data theft.', it: 'Protezione da truffe, virus e furti di dati.' } },
};

/** What a shop would write for a service, proposed when the questionnaire turns answers into requests. */
const SUGGESTIONS: Readonly<Record<ServiceCategory, Words>> = {
  ONLINE_STORE: { en: 'We would like an online shop to sell our products.', it: 'Vorremmo un negozio online per vendere i nostri prodotti.' },
  MARKETPLACE_LISTING: { en: 'We would like to sell our products on a marketplace too.', it: 'Vorremmo vendere i nostri prodotti anche su un marketplace.' },
  HOME_DELIVERY: { en: 'We would like to deliver to customers in the neighbourhood.', it: 'Vorremmo consegnare a domicilio ai clienti del quartiere.' },
  SHIPPING_LOGISTICS: { en: 'We would like to ship our products across Italy.', it: 'Vorremmo spedire i nostri prodotti in tutta Italia.' },
  DIGITAL_PAYMENTS: { en: 'We would like to accept card and smartphone payments.', it: 'Vorremmo accettare pagamenti con carta e smartphone.' },
  WEBSITE: { en: 'We would like a website with opening hours, contacts and products.', it: 'Vorremmo un sito web con orari, contatti e prodotti.' },
  SOCIAL_MARKETING: { en: 'We would like to become known on social networks.', it: 'Vorremmo farci conoscere sui social network.' },
  ONLINE_BOOKING: { en: 'We would like to take bookings and orders online.', it: 'Vorremmo ricevere prenotazioni e ordini online.' },
  DIGITAL_SKILLS: { en: 'We would like to learn to use digital tools for the business.', it: "Vorremmo imparare a usare gli strumenti digitali per l'attività." },
  CONNECTIVITY: { en: 'We would like a faster, more reliable internet connection.', it: 'Vorremmo una connessione internet più veloce e affidabile.' },
  CYBERSECURITY: { en: 'We would like to protect our data and payments from cyber attacks.', it: 'Vorremmo proteggere i nostri dati e i pagamenti da attacchi informatici.' },
};

/** The needs questionnaire, served by the API to the web app and integrators. */
export const needsMessages = {
  question: (): Words => ({ en: 'What would you like to do online?', it: 'Che cosa vorresti fare con il digitale?' }),
  questionHint: (): Words => ({ en: 'Choose every answer that applies to you.', it: 'Scegli tutte le risposte che valgono per te.' }),
  need: (code: NeedCode): Words => NEEDS[code].question,
  needHint: (code: NeedCode): Words => NEEDS[code].hint,
  suggestion: (category: ServiceCategory): Words => SUGGESTIONS[category],
  notProposed: (path: string): Words => ({ en: `${path} is not a service your answers call for`, it: `${path} non è un servizio richiesto dalle tue risposte` }),
};
