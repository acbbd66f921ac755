import { isIP } from 'node:net';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { MESSAGES } from '../messages';

/** The subnets Express names (`trust proxy`): its own words for the loopback and private ranges. */
const NAMED_SUBNETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Widest subnets a production API may trust, by IP version: a /8 (IPv4) and a /7 (IPv6, the
 * unique-local range). No proxy or provider of proxies holds more; a wider one, or several
 * covering everything ("0.0.0.0/1,128.0.0.0/1"), believes any client naming its own address.
 */
const WIDEST_PREFIX: Readonly<Record<4 | 6, number>> = { 4: 8, 6: 7 };
/** More proxies than any deployment has in front of it: beyond them, a client's own X-Forwarded-For entries count. */
export const MAX_PRODUCTION_HOPS = 5;

/** The prefix length of an IPv4 netmask, or null when its ones are not contiguous (or it is none at all). */
function netmaskPrefix(mask: string): number | null {
  const bits = mask.split('.').map((octet) => Number(octet).toString(2).padStart(8, '0')).join('');
  return /^1+0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : null;
}

/**
 * An address, or an address/prefix (or IPv4 address/netmask), as Express (proxy-addr) reads them:
 * its IP version and prefix length, or null when Express would refuse it. A prefix of 0 is one.
 */
function parseSubnet(item: string): { version: 4 | 6; prefix: number } | null {
  const [address, range, extra] = item.split('/');
  const found = isIP(address);
  if (found === 0 || extra !== undefined) return null;
  const version = found === 4 ? 4 : 6;
  const max = version === 4 ? 32 : 128;
  if (range === undefined) return { version, prefix: max };
  const prefix = /^\d{1,3}$/.test(range) ? Number(range) : version === 4 && isIP(range) === 4 ? netmaskPrefix(range) : null;
  return prefix !== null && prefix >= 1 && prefix <= max ? { version, prefix } : null;
}

const items = (value: string): string[] => value.split(',').map((item) => item.trim());
const isHops = (value: string): boolean => /^\d{1,2}$/.test(value);

/** TRUST_PROXY as Express takes it: true, false, a number of hops, or a comma-separated list of addresses and subnets. */
export function isTrustProxy(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === 'true' || value === 'false' || isHops(value)) return true;
  return items(value).every((item) => NAMED_SUBNETS.has(item) || parseSubnet(item) !== null);
}

/**
 * Whether a (valid) TRUST_PROXY believes clients that name their own address: `true`, more hops
 * than MAX_PRODUCTION_HOPS, or a subnet wider than WIDEST_PREFIX. Refused in production.
 */
export function trustsAnyClient(value: string): boolean {
  const setting = value.trim().toLowerCase();
  if (setting === 'true') return true;
  if (isHops(setting)) return Number(setting) > MAX_PRODUCTION_HOPS;
  return items(setting).some((item) => {
    const subnet = NAMED_SUBNETS.has(item) ? null : parseSubnet(item);
    return subnet !== null && subnet.prefix < WIDEST_PREFIX[subnet.version];
  });
}

/** Checked at start, so that a wrong value is named there, not by Express once the database is up. */
export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: isTrustProxy, defaultMessage: () => MESSAGES.config.trustProxy().en },
    });
}
