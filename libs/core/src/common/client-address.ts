import ipaddr from 'ipaddr.js';

/**
 * The part of a client address that names one client, for counting its requests: an IPv4 address
 * whole (an IPv4-mapped IPv6 one read as IPv4), an IPv6 address by its /64 network — the block a
 * single home, office or server is given, all of whose addresses it can use at will. Anything else
 * (no address, a test's label) is kept as it is.
 */
export function countedAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${network.toString()}/64`;
}
