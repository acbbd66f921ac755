import { useLocation, useParams } from 'react-router-dom';

/** The token of an e-mailed link: the part after `#`, which browsers never send to a server. */
export function useLinkToken(): string {
  const { hash } = useLocation();
  return decodeURIComponent(hash.replace(/^#/, ''));
}

/**
 * The code of an invitation or claim link: in the fragment (`/delega#<code>`), or, in links e-mailed
 * before the code moved there, the last segment of the path (`/delega/<code>`).
 */
export function useLinkCode(): string {
  const { code } = useParams();
  const fragment = useLinkToken();
  return code ?? fragment;
}
