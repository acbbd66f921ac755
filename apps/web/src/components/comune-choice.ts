/** A comune as the pickers hold it: its ISTAT code and what the reader sees. */
export interface ComuneChoice {
  code: string;
  name: string;
  sigla: string;
}

/** "Torino (TO)": a comune or a province as the app names it. */
export const placeLabel = (place: { name: string; sigla: string }): string => `${place.name} (${place.sigla})`;

/** The same for a comune as the API sends it, with its province. */
export const comunePlaceLabel = (comune: { name: string; province: { sigla: string } }): string => placeLabel({ name: comune.name, sigla: comune.province.sigla });
