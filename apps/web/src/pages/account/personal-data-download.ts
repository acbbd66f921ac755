// The personal-data export is an authenticated GET, fetched like the CSV exports: with the session's
// token (renewed once if it expired), then handed to the browser as the file the API names.
import { refreshSession } from '../../auth/refresh';
import { sessionStore } from '../../auth/session-store';

export const MY_DATA_URL = '/personal-data/mine.json';

async function fetchMine(): Promise<Response> {
  const token = sessionStore.getState().accessToken;
  return fetch(MY_DATA_URL, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** Downloads the signed-in person's data; false when the API refused or could not be reached. */
export async function downloadMyData(): Promise<boolean> {
  let response = await fetchMine().catch(() => null);
  if (response?.status === 401 && (await refreshSession())) response = await fetchMine().catch(() => null);
  if (!response?.ok) return false;
  const blob = await response.blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'vicini-e-connessi-dati-personali.json';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  return true;
}
