import { isTrustProxy, trustsAnyClient } from './trust-proxy.validator';

describe('TRUST_PROXY', () => {
  it.each(['false', 'true', '1', '12', 'loopback', '10.0.0.1', '10.0.0.0/8', '10.0.0.0/255.0.0.0', '::1', 'fd00::/8', 'loopback, 10.0.0.0/8,192.168.1.7', ' 172.16.0.1 ', '0.0.0.0/1'])('takes %p', (value) => {
    expect(isTrustProxy(value)).toBe(true);
  });

  // As Express (proxy-addr) reads them: a prefix of 0, or a netmask whose ones are not contiguous, would crash it once the database is up.
  it.each(['foo', '', 'yes', '123', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', '10.0.0.0/255.0.0.999', '10.0.0.1,', 'proxy.example.org', '300.1.1.1', '0.0.0.0/0', '::/0', '0.0.0.0/0.0.0.0', '10.0.0.0/255.0.255.0'])(
    'refuses %p',
    (value) => {
      expect(isTrustProxy(value)).toBe(false);
    },
  );

  it.each(['true', 'TRUE', '6', '99', '0.0.0.0/1,128.0.0.0/1', '10.0.0.0/7', '10.0.0.0/254.0.0.0', '2000::/3', '::/1', 'loopback, 1.0.0.0/4'])('trusts any client with %p', (value) => {
    expect(trustsAnyClient(value)).toBe(true);
  });

  it.each(['false', '1', '5', 'loopback', 'uniquelocal', '10.0.0.0/8', '173.245.48.0/20', 'fc00::/7', '2400:cb00::/32', '127.0.0.1, ::1'])('does not trust any client with %p', (value) => {
    expect(trustsAnyClient(value)).toBe(false);
  });
});
