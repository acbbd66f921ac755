import { countedAddress } from './client-address';

describe('the client a request is counted against', () => {
  it('counts an IPv6 client by its /64 network, however the address is written', () => {
    const network = countedAddress('2001:db8:1:2::1');
    expect(network).toBe('2001:db8:1:2::/64');
    for (const address of ['2001:db8:1:2::23', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:DB8:1:2:0:0:0:abcd']) expect(countedAddress(address)).toBe(network);
    expect(countedAddress('2001:db8:1:3::1')).not.toBe(network);
  });

  it('counts an IPv4 client by its whole address, written plainly or mapped into IPv6', () => {
    expect(countedAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(countedAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(countedAddress('203.0.113.8')).not.toBe(countedAddress('203.0.113.7'));
  });

  it('keeps anything that is not an address as it is', () => {
    expect(countedAddress('unknown')).toBe('unknown');
  });
});
