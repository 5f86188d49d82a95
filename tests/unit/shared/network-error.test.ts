import { describeNetworkError, isCertificateError, isPermanentNetworkError } from '../../../functions/shared/network-error';

describe('describeNetworkError', () => {
  test.each([
    ['ECONNREFUSED', 'nothing accepts connections on that port (ECONNREFUSED)'],
    ['ENOTFOUND', 'the host name does not resolve (ENOTFOUND)'],
    ['CERT_HAS_EXPIRED', 'its TLS certificate has expired (CERT_HAS_EXPIRED)'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its TLS certificate is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'],
    ['EWHATEVER', 'the connection failed (EWHATEVER)'],
  ])('words %s as "%s"', (code, words) => {
    expect(describeNetworkError(code)).toBe(words);
  });
});

describe('isPermanentNetworkError', () => {
  test.each([
    ['ENOTFOUND', true],
    ['CERT_HAS_EXPIRED', true],
    ['ERR_TLS_CERT_ALTNAME_INVALID', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', true],
    ['ECONNREFUSED', false],
    ['ECONNRESET', false],
    ['EAI_AGAIN', false],
    ['ETIMEDOUT', false],
  ])('%s → %s', (code, permanent) => {
    expect(isPermanentNetworkError(code)).toBe(permanent);
  });

  test('counts only certificate verification failures as certificate errors', () => {
    expect(isCertificateError('SELF_SIGNED_CERT_IN_CHAIN')).toBe(true);
    expect(isCertificateError('ENOTFOUND')).toBe(false);
  });
});
