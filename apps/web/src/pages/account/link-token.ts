import { useLocation } from 'react-router-dom';

/** The token of an e-mailed link: the part after `#`, which browsers never send to a server. */
export function useLinkToken(): string {
  const { hash } = useLocation();
  return decodeURIComponent(hash.replace(/^#/, ''));
}
