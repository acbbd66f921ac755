import { ServiceCategory } from '@vec/matching';
import { ProviderKind } from '../provider/provider.types';

/** Typical neighbourhood businesses by ATECO 2025 division, with names to build shop names from. */
export const SHOP_KINDS: readonly { division: string; names: readonly string[] }[] = [
  { division: '47', names: ['Alimentari', 'Ferramenta', 'Cartoleria', 'Libreria', 'Erboristeria', 'Ottica', 'Profumeria', 'Abbigliamento'] },
  { division: '56', names: ['Bar', 'Trattoria', 'Pizzeria', 'Gelateria', 'Osteria', 'Pasticceria'] },
  { division: '10', names: ['Panificio', 'Caseificio', 'Pastificio', 'Salumificio'] },
  { division: '96', names: ['Parrucchiere', 'Lavanderia', 'Centro estetico'] },
  { division: '95', names: ['Riparazioni', 'Calzolaio', 'Orologiaio'] },
  { division: '14', names: ['Sartoria', 'Maglieria'] },
  { division: '31', names: ['Falegnameria', 'Mobilificio'] },
  { division: '55', names: ['Affittacamere', 'B&B'] },
  { division: '32', names: ['Laboratorio orafo', 'Ceramiche artistiche'] },
];

export const SURNAMES = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti'];

export const LEGAL_FORMS = ['S.n.c.', 'S.a.s.', 'S.r.l.', 'di ' /* ditta individuale */];

export interface DemoProvider {
  name: string;
  kind: ProviderKind;
  categories: readonly ServiceCategory[];
}

/** Providers modelled on the kinds of company that joined the 2020 initiative (names invented). */
export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  { name: 'NegozioFacile S.r.l.', kind: ProviderKind.PLATFORM, categories: [ServiceCategory.ONLINE_STORE, ServiceCategory.DIGITAL_PAYMENTS] },
  { name: 'Mercato Italiano Online S.p.A.', kind: ProviderKind.PLATFORM, categories: [ServiceCategory.MARKETPLACE_LISTING] },
  { name: 'Consegne di Quartiere S.r.l.', kind: ProviderKind.DELIVERY, categories: [ServiceCategory.HOME_DELIVERY] },
  { name: 'Pony Express Città S.c.r.l.', kind: ProviderKind.DELIVERY, categories: [ServiceCategory.HOME_DELIVERY] },
  { name: 'Spedizioni Tricolore S.p.A.', kind: ProviderKind.LOGISTICS, categories: [ServiceCategory.SHIPPING_LOGISTICS] },
  { name: 'Logistica Adriatica S.r.l.', kind: ProviderKind.LOGISTICS, categories: [ServiceCategory.SHIPPING_LOGISTICS, ServiceCategory.HOME_DELIVERY] },
  { name: 'PagaSubito S.p.A.', kind: ProviderKind.TECH, categories: [ServiceCategory.DIGITAL_PAYMENTS] },
  { name: 'Cassa Digitale S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.DIGITAL_PAYMENTS, ServiceCategory.ONLINE_BOOKING] },
  { name: 'SitoInUnGiorno S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.WEBSITE] },
  { name: 'Vetrina Web Italia S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.WEBSITE, ServiceCategory.ONLINE_STORE] },
  { name: 'Social Bottega S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.SOCIAL_MARKETING] },
  { name: 'Agenzia Passaparola Digitale S.r.l.', kind: ProviderKind.OTHER, categories: [ServiceCategory.SOCIAL_MARKETING, ServiceCategory.WEBSITE] },
  { name: 'Prenota Ora S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.ONLINE_BOOKING] },
  { name: 'Ordina al Tavolo S.r.l.', kind: ProviderKind.PLATFORM, categories: [ServiceCategory.ONLINE_BOOKING, ServiceCategory.DIGITAL_PAYMENTS] },
  { name: 'Accademia Competenze Digitali', kind: ProviderKind.OTHER, categories: [ServiceCategory.DIGITAL_SKILLS] },
  { name: 'Scuola Bottega Digitale S.c.', kind: ProviderKind.OTHER, categories: [ServiceCategory.DIGITAL_SKILLS, ServiceCategory.SOCIAL_MARKETING] },
  { name: 'FibraVicina S.p.A.', kind: ProviderKind.TECH, categories: [ServiceCategory.CONNECTIVITY] },
  { name: 'Rete Borghi Wireless S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.CONNECTIVITY] },
  { name: 'Scudo Informatico S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.CYBERSECURITY] },
  { name: 'Cassaforte Cloud S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.CYBERSECURITY, ServiceCategory.WEBSITE] },
  { name: 'Botteghe in Rete S.r.l.', kind: ProviderKind.PLATFORM, categories: [ServiceCategory.MARKETPLACE_LISTING, ServiceCategory.ONLINE_STORE] },
  { name: 'Spesa Sotto Casa S.r.l.', kind: ProviderKind.DELIVERY, categories: [ServiceCategory.HOME_DELIVERY, ServiceCategory.ONLINE_BOOKING] },
  { name: 'Pacchi Isole S.r.l.', kind: ProviderKind.LOGISTICS, categories: [ServiceCategory.SHIPPING_LOGISTICS] },
  { name: 'Artigiani Online S.r.l.', kind: ProviderKind.PLATFORM, categories: [ServiceCategory.MARKETPLACE_LISTING, ServiceCategory.SOCIAL_MARKETING] },
  { name: 'Fattura Semplice S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.DIGITAL_PAYMENTS, ServiceCategory.DIGITAL_SKILLS] },
  { name: 'Quartiere Connesso APS', kind: ProviderKind.OTHER, categories: [ServiceCategory.DIGITAL_SKILLS, ServiceCategory.CONNECTIVITY] },
  { name: 'Bici Corriere Cooperativa', kind: ProviderKind.DELIVERY, categories: [ServiceCategory.HOME_DELIVERY] },
  { name: 'Catalogo Locale S.r.l.', kind: ProviderKind.PLATFORM, categories: [ServiceCategory.ONLINE_STORE] },
  { name: 'Sicurezza PMI S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.CYBERSECURITY] },
  { name: 'Mappe e Recensioni S.r.l.', kind: ProviderKind.TECH, categories: [ServiceCategory.SOCIAL_MARKETING, ServiceCategory.WEBSITE] },
];

export const REQUEST_TEXTS: Readonly<Record<ServiceCategory, string>> = {
  [ServiceCategory.ONLINE_STORE]: 'Vorremmo vendere i nostri prodotti online con un piccolo negozio nostro.',
  [ServiceCategory.MARKETPLACE_LISTING]: 'Cerchiamo di essere presenti su un marketplace nazionale.',
  [ServiceCategory.HOME_DELIVERY]: 'Ci servono consegne a domicilio nel quartiere, almeno tre giorni a settimana.',
  [ServiceCategory.SHIPPING_LOGISTICS]: 'Vogliamo spedire in tutta Italia i nostri prodotti artigianali.',
  [ServiceCategory.DIGITAL_PAYMENTS]: 'Vorremmo accettare pagamenti con carta e smartphone senza costi fissi.',
  [ServiceCategory.WEBSITE]: 'Non abbiamo un sito: ci serve una pagina con orari, contatti e prodotti.',
  [ServiceCategory.SOCIAL_MARKETING]: 'Vogliamo farci trovare sui social e sulle mappe dai clienti della zona.',
  [ServiceCategory.ONLINE_BOOKING]: 'Ci serve un sistema per prenotazioni e ordini online.',
  [ServiceCategory.DIGITAL_SKILLS]: 'Vorremmo un corso per imparare a gestire vendite e clienti online.',
  [ServiceCategory.CONNECTIVITY]: 'La connessione in negozio è lenta: cerchiamo fibra o un’alternativa.',
  [ServiceCategory.CYBERSECURITY]: 'Vorremmo proteggere il computer del negozio e i dati dei clienti.',
};
