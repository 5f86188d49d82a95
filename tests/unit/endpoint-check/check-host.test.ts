import { checkHost, lookupAll } from '../../../functions/endpoint-check/check-host';
import type { EndpointTarget } from '../../../functions/endpoint-check/check-url';

const target: EndpointTarget = { baseUrl: 'https://o2.example.com', hostname: 'o2.example.com', port: 443, https: true };
const resolvesTo = (...addresses: string[]) => async () => addresses;
const failsWith = (code: string) => async () => Promise.reject(Object.assign(new Error(code), { code }));

describe('checkHost', () => {
  test('passes a host with public addresses only', async () => {
    const { result, addresses } = await checkHost(target, resolvesTo('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'), 1000, false);

    expect(result).toMatchObject({ id: 'host', status: 'passed' });
    expect(addresses).toEqual(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
  });

  test('fails a host with any private, loopback or link-local address, naming it', async () => {
    const { result, addresses } = await checkHost(target, resolvesTo('93.184.215.14', '10.0.0.5'), 1000, false);

    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('10.0.0.5 (private), which Firehose cannot reach') });
    expect(addresses).toBeUndefined();
  });

  test.each([
    ['203.0.113.5', '203.0.113.5 (documentation)'],
    ['64:ff9b::a9fe:a9fe', '64:ff9b::a9fe:a9fe (link-local, carries 169.254.169.254)'],
    ['2002:7f00:1::1', '2002:7f00:1::1 (loopback, carries 127.0.0.1)'],
  ])('fails a host resolving to the special-purpose address %s, saying why', async (address, label) => {
    const { result } = await checkHost(target, resolvesTo(address), 1000, false);

    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining(`${label}, which Firehose cannot reach`) });
  });

  test('warns instead when local testing is allowed', async () => {
    const { result, addresses } = await checkHost(target, resolvesTo('127.0.0.1'), 1000, true);

    expect(result).toMatchObject({ status: 'warned', message: expect.stringContaining('127.0.0.1 (loopback)') });
    expect(addresses).toEqual(['127.0.0.1']);
  });

  describe('over plain http (local testing only)', () => {
    const http: EndpointTarget = { baseUrl: 'http://o2.internal:5080', hostname: 'o2.internal', port: 5080, https: false };

    test('warns for a host on this machine', async () => {
      const { result, addresses } = await checkHost(http, resolvesTo('127.0.0.1', '::1'), 1000, true);

      expect(result).toMatchObject({ status: 'warned' });
      expect(addresses).toEqual(['127.0.0.1', '::1']);
    });

    test.each([
      ['a private address', ['10.0.0.5'], '10.0.0.5'],
      ['a public address', ['93.184.215.14'], '93.184.215.14'],
      ['one address off the machine among loopback ones', ['127.0.0.1', '10.0.0.5'], '10.0.0.5'],
      ['the 6to4 form of 127.0.0.1', ['2002:7f00:1::1'], '2002:7f00:1::1'],
    ])('fails %s, with the rule install-pack applies, and vets no address', async (_what, resolved, named) => {
      const { result, addresses } = await checkHost(http, resolvesTo(...resolved), 1000, true);

      expect(result).toEqual({
        id: 'host',
        status: 'failed',
        message: `Plain http is allowed for local testing to this machine only, but o2.internal resolves to ${named}, which is not loopback; use https for the OpenObserve URL.`,
      });
      expect(addresses).toBeUndefined();
    });

    test('keeps https to a private host a warning with local testing allowed', async () => {
      const { result } = await checkHost({ ...http, https: true }, resolvesTo('10.0.0.5'), 1000, true);

      expect(result).toMatchObject({ status: 'warned', message: expect.stringContaining('10.0.0.5 (private)') });
    });
  });

  test('fails a name that does not resolve', async () => {
    const { result } = await checkHost(target, failsWith('ENOTFOUND'), 1000, false);

    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('does not resolve') });
  });

  test('fails a lookup that takes longer than its timeout', async () => {
    const { result } = await checkHost(target, () => new Promise(() => undefined), 50, false);

    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('took longer than 0.05 s') });
  });
});

describe('lookupAll', () => {
  test('returns an IPv4 and an IPv6 literal as their own single address', async () => {
    expect(await lookupAll('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(await lookupAll('::1')).toEqual(['::1']);
  });
});
