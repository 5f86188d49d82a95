/**
 * Words for the `code` of a network-error outcome (http-request.ts), one table for every command and
 * function, so a refused connection or an untrusted certificate reads the same everywhere. Codes are
 * Node's: libuv errno names (https://nodejs.org/api/errors.html#common-system-errors), getaddrinfo's, and
 * OpenSSL's X509 verification codes as node:tls reports them.
 */

/** The certificate could not be verified: no retry fixes that, only another certificate or trust store. */
const CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const PHRASES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing accepts connections on that port',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'DNS did not answer',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'there is no route to the host',
  ENETUNREACH: 'there is no route to the network',
  ECONNRESET: 'the server closed the connection',
  EPIPE: 'the server closed the connection',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  CERT_NOT_YET_VALID: 'its TLS certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chains to a CA that is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is issued for another name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS failed, as when the port speaks plain http',
  EPROTO: 'TLS failed, as when the port speaks plain http',
};

export const isCertificateError = (code: string): boolean => CERTIFICATE_CODES.has(code);

/** Errors a retry cannot fix (an untrusted certificate, a name that does not exist): fail at once. */
export const isPermanentNetworkError = (code: string): boolean => isCertificateError(code) || code === 'ENOTFOUND';

/** `ECONNREFUSED` → `nothing accepts connections on that port (ECONNREFUSED)`: a clause for a sentence. */
export function describeNetworkError(code: string): string {
  const phrase = PHRASES[code] ?? (isCertificateError(code) ? 'its TLS certificate is not trusted' : 'the connection failed');
  return `${phrase} (${code})`;
}
