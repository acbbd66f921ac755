import { isTrustProxy } from './trust-proxy.validator';

describe('TRUST_PROXY', () => {
  it.each(['false', 'true', '1', '12', 'loopback', '10.0.0.1', '10.0.0.0/8', '10.0.0.0/255.0.0.0', '::1', 'fd00::/8', 'loopback, 10.0.0.0/8,192.168.1.7', ' 172.16.0.1 '])('takes %p', (value) => {
    expect(isTrustProxy(value)).toBe(true);
  });

  it.each(['foo', '', 'yes', '123', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', '10.0.0.0/255.0.0.999', '10.0.0.1,', 'proxy.example.org', '300.1.1.1'])('refuses %p', (value) => {
    expect(isTrustProxy(value)).toBe(false);
  });
});
