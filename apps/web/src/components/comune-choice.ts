/** A comune as the pickers hold it: its ISTAT code and what the reader sees. */
export interface ComuneChoice {
  code: string;
  name: string;
  sigla: string;
}
