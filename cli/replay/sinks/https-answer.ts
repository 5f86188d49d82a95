/**
 * What OpenObserve's answer to one Firehose request means for the batch: delivered, retry, refused record by
 * record, or stop the run. Follows how Firehose treats an HTTP endpoint
 * (https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html), except that a
 * problem no retry can fix (the key, the URL, the certificate, a name DNS does not know: the shared
 * network-error table) stops at once. Reasons never hold the key or record content.
 */
import type { EndpointTarget } from '../../../functions/endpoint-check/check-url';
import { interpretTls } from '../../../functions/endpoint-check/check-tls';
import { ACCESS_KEY_LOCATION } from '../../../functions/shared/access-key-location';
import type { FirehosePostResult } from '../../../functions/shared/firehose-http';
import { describeNetworkError, isCertificateError, isPermanentNetworkError } from '../../../functions/shared/network-error';
import { HTTP_BATCH_MAX_BODY_BYTES, HTTP_REQUEST_TIMEOUT_MS } from '../constants';

export type Verdict = { kind: 'ok' } | { kind: 'retry'; reason: string } | { kind: 'reject'; reason: string } | { kind: 'fatal'; reason: string };

/** The endpoint `url` names, as the endpoint check describes one. */
export function endpointOf(url: string): EndpointTarget {
  const parsed = new URL(url);
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return { baseUrl: parsed.origin, hostname, port: parsed.port === '' ? 443 : Number(parsed.port), https: true };
}

function networkVerdict(code: string, endpoint: EndpointTarget): Verdict {
  if (isCertificateError(code)) {
    // The endpoint check's own words for a certificate, so that both commands say the same.
    return { kind: 'fatal', reason: interpretTls(endpoint, { kind: 'handshake', authorizationError: code }, HTTP_REQUEST_TIMEOUT_MS, 0).message };
  }
  if (isPermanentNetworkError(code)) return { kind: 'fatal', reason: `${endpoint.hostname} in --to: ${describeNetworkError(code)}; check the host name.` };
  return { kind: 'retry', reason: `${endpoint.hostname}:${endpoint.port} could not be reached: ${describeNetworkError(code)}` };
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
          reason: `OpenObserve refused the access key (HTTP ${status}); set OPENOBSERVE_ACCESS_KEY (or --access-key) to ${ACCESS_KEY_LOCATION}, for that organization.`,
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
