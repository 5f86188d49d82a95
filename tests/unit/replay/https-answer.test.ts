import { interpretTls } from '../../../functions/endpoint-check/check-tls';
import { classifyAnswer, endpointOf } from '../../../cli/replay/sinks/https-answer';
import { ACCESS_KEY_LOCATION } from '../../../functions/shared/access-key-location';
import { describeNetworkError } from '../../../functions/shared/network-error';

const endpoint = endpointOf('https://o2.example.com/aws/default/cognito/_kinesis_firehose');
const networkError = (code: string) => ({ kind: 'network-error', code, reason: `${code}: x` }) as const;

describe('classifyAnswer', () => {
  test.each([
    [{ kind: 'ok', requestId: 'r' } as const, 'ok'],
    [{ kind: 'timeout' } as const, 'retry'],
    [networkError('ECONNRESET'), 'retry'],
    [networkError('ECONNREFUSED'), 'retry'],
    [networkError('EAI_AGAIN'), 'retry'],
    [networkError('ENOTFOUND'), 'fatal'],
    [networkError('CERT_HAS_EXPIRED'), 'fatal'],
    [networkError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'fatal'],
    [networkError('SELF_SIGNED_CERT_IN_CHAIN'), 'fatal'],
    [networkError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'fatal'],
    [networkError('ERR_TLS_CERT_ALTNAME_INVALID'), 'fatal'],
    [networkError('ERR_SSL_WRONG_VERSION_NUMBER'), 'retry'],
    [{ kind: 'bad-response', status: 200, reason: 'the answer does not echo the requestId' } as const, 'retry'],
    [{ kind: 'http-error', status: 429, body: '' } as const, 'retry'],
    [{ kind: 'http-error', status: 500, body: '' } as const, 'retry'],
    [{ kind: 'http-error', status: 503, body: '' } as const, 'retry'],
    [{ kind: 'http-error', status: 400, body: '' } as const, 'reject'],
    [{ kind: 'http-error', status: 401, body: 'Unauthorized Access' } as const, 'fatal'],
    [{ kind: 'http-error', status: 413, body: '' } as const, 'fatal'],
    [{ kind: 'http-error', status: 404, body: '' } as const, 'fatal'],
  ])('%j → %s', (answer, kind) => {
    expect(classifyAnswer(answer, endpoint).kind).toBe(kind);
  });

  test('never passes the answer body on (it may quote records)', () => {
    const verdict = classifyAnswer({ kind: 'http-error', status: 400, body: '{"errorMessage":"line {\\"password\\":\\"x\\"}"}' }, endpoint);
    expect(JSON.stringify(verdict)).not.toContain('password');
  });

  test.each(['CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_REVOKED'])(
    'says a certificate problem (%s) in the words check-endpoint uses',
    (code) => {
      const verdict = classifyAnswer(networkError(code), endpoint);
      const checkEndpoint = interpretTls(endpoint, { kind: 'handshake', authorizationError: code }, 10_000, 0);
      expect(verdict).toEqual({ kind: 'fatal', reason: checkEndpoint.message });
      expect(verdict.kind === 'fatal' && verdict.reason).toMatch(/^The certificate of o2\.example\.com /);
    },
  );

  test('says a host DNS does not know without retrying, and a refused connection as it retries, in the shared words', () => {
    expect(classifyAnswer(networkError('ENOTFOUND'), endpoint)).toEqual({ kind: 'fatal', reason: `o2.example.com in --to: ${describeNetworkError('ENOTFOUND')}; check the host name.` });
    expect(classifyAnswer(networkError('ECONNREFUSED'), endpoint)).toEqual({ kind: 'retry', reason: `o2.example.com:443 could not be reached: ${describeNetworkError('ECONNREFUSED')}` });
  });

  test('a refused key sends the user where the access key is found, in the words every command uses', () => {
    const verdict = classifyAnswer({ kind: 'http-error', status: 401, body: 'Unauthorized Access' }, endpoint);
    expect(verdict.kind === 'fatal' && verdict.reason).toContain(ACCESS_KEY_LOCATION);
  });
});

describe('endpointOf', () => {
  test('takes the host and port of --to, 443 by default, IPv6 without brackets', () => {
    expect(endpointOf('https://o2.example.com/aws/a/b/_kinesis_firehose')).toMatchObject({ hostname: 'o2.example.com', port: 443 });
    expect(endpointOf('https://[::1]:5443/aws/a/b/_kinesis_firehose')).toMatchObject({ hostname: '::1', port: 5443 });
  });
});
