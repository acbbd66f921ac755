// The API's HTTP routes (CSV and JSON exports, imports, the personal-data download) are called with
// the session's token, like GraphQL: a token that expired is renewed once and the call repeated.
import { refreshSession } from './refresh';
import { sessionStore } from './session-store';

/** `fetch` with the session's bearer token; on 401 the session is renewed once and the call sent again. */
export async function authorisedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = (): Promise<Response> => {
    const token = sessionStore.getState().accessToken;
    return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  };
  const response = await send();
  return response.status === 401 && (await refreshSession()) ? send() : response;
}

/** The answer's body handed to the browser as a file, named as the API says (`content-disposition`), else `fallback`. */
export async function saveAsFile(response: Response, fallback: string): Promise<void> {
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
