// The personal-data export is an authenticated GET, fetched like the CSV exports: with the session's
// token (renewed once if it expired), then handed to the browser as the file the API names.
import { authorisedFetch, saveAsFile } from '../../auth/authorised-fetch';

export const MY_DATA_URL = '/personal-data/mine.json';

/** Downloads the signed-in person's data; false when the API refused or could not be reached. */
export async function downloadMyData(): Promise<boolean> {
  const response = await authorisedFetch(MY_DATA_URL).catch(() => null);
  if (!response?.ok) return false;
  await saveAsFile(response, 'vicini-e-connessi-dati-personali.json');
  return true;
}
