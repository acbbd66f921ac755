/**
 * Just enough of a browser for redirect flows over real HTTP: it follows redirects, keeps cookies
 * per host as browsers do (ports share cookies; paths, Max-Age and deletion respected) and submits
 * the forms of the pages it lands on.
 */
interface StoredCookie {
  host: string;
  name: string;
  value: string;
  path: string;
}

export interface Landing {
  url: URL;
  status: number;
  /** The body of a page that was not a redirect. */
  body: string;
}

export class HttpBrowser {
  private cookies: StoredCookie[] = [];

  cookieHeader(url: URL): string {
    return this.cookies
      .filter((cookie) => cookie.host === url.hostname && (url.pathname === cookie.path || url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  cookie(host: string, name: string): string | undefined {
    return this.cookies.find((cookie) => cookie.host === host && cookie.name === name)?.value;
  }

  private store(url: URL, headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const attribute = (key: string): string | undefined =>
        attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? '/';
      const expires = attribute('expires');
      const gone = attribute('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() <= Date.now()) || value === '';
      this.cookies = this.cookies.filter((cookie) => !(cookie.host === url.hostname && cookie.name === name && cookie.path === path));
      if (!gone) this.cookies.push({ host: url.hostname, name, value: decodeURIComponent(value), path });
    }
  }

  /** One request, cookies sent and stored, no redirect followed. */
  async request(url: URL, init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.store(url, response.headers);
    return response;
  }

  /** Follows redirects from `url` until a page that is not one, or until `stopAt` says the next address is where to stop (not requested). */
  async follow(url: URL, stopAt: (next: URL) => boolean, init: { form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Landing> {
    let response = await this.request(url, init);
    let current = url;
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, status: response.status, body: await response.text() };
      await response.arrayBuffer();
      const next = new URL(location, current);
      if (stopAt(next)) return { url: next, status: response.status, body: '' };
      current = next;
      response = await this.request(current);
    }
    throw new Error(`too many redirects from ${url.href}`);
  }
}

/** The action of the page's form with this hidden `prompt` field (the OpenID provider's login and consent forms). */
export function formAction(page: Landing, prompt: string): URL {
  const form = [...page.body.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].find(([, , inner]) => inner.includes(`name="prompt" value="${prompt}"`));
  if (!form) throw new Error(`no ${prompt} form on ${page.url.href} (status ${page.status}): ${page.body.slice(0, 500)}`);
  return new URL(form[1].replace(/&amp;/g, '&'), page.url);
}
