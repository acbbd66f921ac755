import { isIP } from 'node:net';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { MESSAGES } from '../messages';

/** The subnets Express names (`trust proxy`): its own words for the loopback and private ranges. */
const NAMED_SUBNETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, or an address/prefix (or IPv4 address/netmask), as Express reads them. */
function isAddressOrSubnet(item: string): boolean {
  if (NAMED_SUBNETS.has(item)) return true;
  const [address, range, extra] = item.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (version === 4 ? 32 : 128);
  return version === 4 && isIP(range) === 4;
}

/** TRUST_PROXY as Express takes it: true, false, a number of hops, or a comma-separated list of addresses and subnets. */
export function isTrustProxy(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === 'true' || value === 'false' || /^\d{1,2}$/.test(value)) return true;
  return value.split(',').every((item) => isAddressOrSubnet(item.trim()));
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
