/**
 * What OpenObserve's answer to one Firehose request means for the batch: delivered, retry, refused record by
 * record, or stop the run. Follows how Firehose treats an HTTP endpoint
 * (https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html), except that a
 * problem no retry can fix (the key, the URL, the certificate, a name DNS does not know) stops at once.
 * Reasons never hold the key or record content.
 */
import type { EndpointTarget } from '../../../functions/endpoint-check/check-url';
import { interpretTls } from '../../../functions/endpoint-check/check-tls';
import type { FirehosePostResult } from '../../../functions/shared/firehose-http';
import { HTTP_BATCH_MAX_BODY_BYTES, HTTP_REQUEST_TIMEOUT_MS } from '../constants';

export type Verdict = { kind: 'ok' } | { kind: 'retry'; reason: string } | { kind: 'reject'; reason: string } | { kind: 'fatal'; reason: string };

/**
 * Certificate verification failures: OpenSSL's X509 verification codes as Node reports them (Node.js
 * src/crypto/crypto_common.cc, X509ErrorCode), and Node's own host-name check. No retry changes a certificate.
 */
const CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_CRL', 'UNABLE_TO_DECRYPT_CERT_SIGNATURE', 'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY', 'CERT_SIGNATURE_FAILURE', 'CRL_SIGNATURE_FAILURE', 'CERT_NOT_YET_VALID', 'CERT_HAS_EXPIRED',
  'CRL_NOT_YET_VALID', 'CRL_HAS_EXPIRED', 'ERROR_IN_CERT_NOT_BEFORE_FIELD', 'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CRL_LAST_UPDATE_FIELD', 'ERROR_IN_CRL_NEXT_UPDATE_FIELD', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_CHAIN_TOO_LONG', 'CERT_REVOKED', 'INVALID_CA',
  'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'HOSTNAME_MISMATCH', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The handshake itself failed: the port does not speak TLS (plain HTTP), or no protocol or cipher is shared. */
function isHandshakeFailure(code: string): boolean {
  return code === 'EPROTO' || code.startsWith('ERR_SSL_');
}

/** The endpoint `url` names, as the endpoint check describes one. */
export function endpointOf(url: string): EndpointTarget {
  const parsed = new URL(url);
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return { baseUrl: parsed.origin, hostname, port: parsed.port === '' ? 443 : Number(parsed.port), https: true };
}

function networkVerdict(code: string, endpoint: EndpointTarget): Verdict {
  const where = `${endpoint.hostname}:${endpoint.port}`;
  // The endpoint check's own words for certificate and handshake problems, so both commands say the same.
  if (CERTIFICATE_CODES.has(code)) {
    return { kind: 'fatal', reason: interpretTls(endpoint, { kind: 'handshake', authorizationError: code }, HTTP_REQUEST_TIMEOUT_MS, 0).message };
  }
  if (isHandshakeFailure(code)) {
    return { kind: 'fatal', reason: interpretTls(endpoint, { kind: 'network-error', code }, HTTP_REQUEST_TIMEOUT_MS, 0).message };
  }
  if (code === 'ENOTFOUND') return { kind: 'fatal', reason: `${endpoint.hostname} does not resolve in DNS (ENOTFOUND); check the host name in --to.` };
  if (code === 'ECONNREFUSED') return { kind: 'retry', reason: `${where} refused the connection (ECONNREFUSED)` };
  return { kind: 'retry', reason: `the connection to ${where} failed (${code})` };
}

/** How Firehose (and so this sink) treats each answer of `endpoint`. */
export function classifyAnswer(result: FirehosePostResult, endpoint: EndpointTarget): Verdict {
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok' };
    case 'timeout':
      return { kind: 'retry', reason: 'OpenObserve did not answer in time' };
    case 'network-error':
      return networkVerdict(result.code, endpoint);
    case 'bad-response':
      return { kind: 'retry', reason: `OpenObserve answered ${result.status} but ${result.reason}` };
    case 'http-error': {
      const status = result.status;
      if (status === 401 || status === 403) {
        return {
          kind: 'fatal',
          reason: `OpenObserve refused the access key (HTTP ${status}); set OPENOBSERVE_ACCESS_KEY (or --access-key) to the base64 of user:passcode of a user of that organization, as shown under Data sources → Amazon Kinesis Firehose.`,
        };
      }
      if (status === 413) {
        return {
          kind: 'fatal',
          reason: `OpenObserve (or a proxy in front of it) refused a request of up to ${HTTP_BATCH_MAX_BODY_BYTES / 1024 / 1024} MiB as too large (HTTP 413); raise ZO_PAYLOAD_LIMIT or the proxy's body limit (nginx client_max_body_size), then run again.`,
        };
      }
      if (status === 404 || status === 405 || status === 415) {
        return { kind: 'fatal', reason: `OpenObserve answered HTTP ${status}; --to must be https://HOST/aws/ORG/STREAM/_kinesis_firehose.` };
      }
      if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason: `OpenObserve answered HTTP ${status}` };
      return { kind: 'reject', reason: `OpenObserve rejected the request (HTTP ${status})` };
    }
  }
}
