/**
 * Real searches for comuni, as Italians type them, with the comune each must find: the table
 * behind the search's integration test and its benchmark (`npm run bench:comune-search`).
 */
export interface ComuneSearchCase {
  search: string;
  /** ISTAT code of the comune the search is for. */
  code: string;
  /** The place it must reach at worst: 1, unless the search is ambiguous (see `why`). */
  within: number;
  why: string;
}

const c = (search: string, code: string, why: string, within = 1): ComuneSearchCase => ({ search, code, within, why });

export const COMUNE_SEARCH_CASES: readonly ComuneSearchCase[] = [
  // Exact before prefix before population.
  c('milano', '015146', 'exact name before Milano-something'),
  c('MILANO', '015146', 'case ignored'),
  c('roma', '058091', 'exact before Romano di Lombardia'),
  c('napoli', '063049', 'exact before Napoli-suffixed comuni'),
  c('castelnuovo', '022049', 'exact: Castelnuovo (TN, 1,035 people) before Castelnuovo Rangone (14,116)'),
  c('monza', '108033', 'prefix, most populous first'),
  c('vibo', '102047', 'prefix of a two-word name'),
  c('reggio', '080063', 'prefix: Reggio di Calabria is the more populous Reggio'),
  c('reggio', '035033', 'ambiguous: Reggio nell’Emilia comes second', 2),
  c('agli', '001001', 'ambiguous prefix: Agliana is more populous than Agliè', 2),
  // Accents and apostrophes, typed or not.
  c('forli', '040012', 'Forlì without its accent'),
  c('Forlì', '040012', 'Forlì with it'),
  c('aglie', '001001', 'Agliè without its accent'),
  c('citta di castello', '054013', 'Città di Castello without its accent'),
  c('gressoney la trinite', '007032', 'hyphens and the accent of Gressoney-La-Trinité'),
  c('pont saint martin', '007052', 'hyphens as spaces'),
  c('trinita d agultu', '090074', 'apostrophe as a space'),
  c('laquila', '066049', 'apostrophe left out: L’Aquila'),
  c('l aquila', '066049', 'apostrophe as a space'),
  c('L’Aquila', '066049', 'typographic apostrophe'),
  c('aquila', '066049', 'without the article, before Aquila d’Arroscia'),
  c('spezia', '011015', 'without the article: La Spezia'),
  c("Sant'Agata de' Goti", '062070', 'full name with apostrophes'),
  c('sant agata', '083084', 'the most populous Sant’Agata, apostrophe as a space'),
  c('santagata', '083084', 'the same run together'),
  c('sandona', '027033', 'San Donà di Piave run together, accent left out'),
  // Abbreviations.
  c('S. Agata', '083084', 'S. for Sant’'),
  c('S.Giovanni', '071046', 'S. for San, no space: the most populous San Giovanni'),
  c('S. Giovanni Rotondo', '071046', 'S. for San with the rest of the name'),
  c('s. margherita ligure', '010054', 'S. for Santa'),
  c('s maria capua vetere', '061083', 'S without its dot'),
  c('SS. Cosma', '059026', 'SS. for Santi'),
  c('santi cosma', '059026', 'SS. written out'),
  // Several words over the name and the province.
  c('reggio emilia', '035033', 'the words of Reggio nell’Emilia without “nell’”'),
  c('reggio calabria', '080063', 'the words of Reggio di Calabria without “di”'),
  c('emilia', '035033', 'a word inside names, most populous first'),
  c('san giovanni bergamo', '016188', 'name words and the province: San Giovanni Bianco (BG)'),
  c('castello sondrio', '014014', 'name word and the province: Castello dell’Acqua (SO)'),
  c('san giovanni lupatoto verona', '023071', 'the whole name and the province'),
  c('castello di godego treviso', '026013', 'the whole name and the province'),
  c('canosa puglia', '110004', 'Canosa di Puglia without “di”'),
  c('bozen bz', '021008', 'second-language name and the sigla'),
  // Official second-language names.
  c('Bozen', '021008', 'German name of Bolzano'),
  c('Brixen', '021011', 'German name of Bressanone'),
  c('Meran', '021051', 'German name of Merano, before Merana'),
  c('bruneck', '021013', 'German name of Brunico'),
  c('sterzing', '021115', 'German name of Vipiteno'),
  c('st. ulrich', '021061', 'German name of Ortisei, with its abbreviation'),
  c('kaltern', '021015', 'first word of Kaltern an der Weinstraße (Caldaro)'),
  c('Eppan an der Weinstrasse', '021004', 'ß typed as ss (Appiano)'),
  c('zgonik', '032005', 'Slovenian name of Sgonico'),
  c('Devin', '032001', 'Slovenian name of Duino Aurisina'),
  c('doberdob', '031003', 'Slovenian name of Doberdò del Lago'),
  c('sen jan', '022250', 'Ladin name of San Giovanni di Fassa, accent left out'),
  c('bressanone brixen', '021011', 'both names together'),
  // Misspellings, when nothing matches as typed.
  c('fierenze', '048017', 'misspelt Firenze'),
  c('napli', '063049', 'misspelt Napoli'),
  c('bolzanno', '021008', 'misspelt Bolzano'),
  c('veneza', '027042', 'misspelt Venezia'),
  c('bergammo', '016024', 'misspelt Bergamo'),
  c('triste', '032006', 'misspelt Trieste'),
  c('reggio emlia', '035033', 'misspelt Reggio Emilia'),
  c('aoste', '007003', 'Aosta in French: ISTAT lists no second name for it, so found as a near spelling'),
  c('Sankt Ulrich', '021061', 'St. written out: found as a near spelling of St. Ulrich'),
  c('milna', '015146', 'misspelt Milano; Milena (3,178 people) is a closer spelling', 3),
  c('tornio', '001272', 'misspelt Torino; Torno is a closer spelling', 3),
];
