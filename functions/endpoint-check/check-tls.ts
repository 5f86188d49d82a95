import { isIP, type LookupFunction } from 'node:net';
import tls from 'node:tls';
import { CERT_EXPIRY_WARNING_DAYS, CERT_EXPIRY_WARNING_MS } from './constants';
import type { EndpointTarget } from './check-url';
import type { CheckResult } from './types';

/** What a TLS handshake showed, with verification done but not enforced, so the check can explain it. */
export type TlsProbe =
  | { readonly kind: 'handshake'; readonly authorizationError?: string; readonly validTo?: string; readonly altNames?: string }
  | { readonly kind: 'network-error'; readonly code: string }
  | { readonly kind: 'timeout' };

export interface TlsProbeOptions {
  readonly timeoutMs: number;
  /** Trusted CA(s) replacing the default store (tests). */
  readonly ca?: string | Buffer;
  readonly signal?: AbortSignal;
  /** The vetted addresses of the host (`pinnedLookup`); the system resolver without it. */
  readonly lookup?: LookupFunction;
}

/** One TLS handshake with the trust store Node uses (or `ca`), then the connection is closed. */
export function probeTls(target: EndpointTarget, options: TlsProbeOptions): Promise<TlsProbe> {
  const { timeoutMs, ca, signal, lookup } = options;
  return new Promise((resolve) => {
    let settled = false;
    const socket = tls.connect({
      host: target.hostname,
      port: target.port,
      ...(isIP(target.hostname) === 0 ? { servername: target.hostname } : {}),
      ...(ca !== undefined ? { ca } : {}),
      ...(lookup ? { lookup } : {}),
      // Verified below by reading authorizationError, which names the exact problem.
      rejectUnauthorized: false,
    });
    const finish = (probe: TlsProbe): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(probe);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const onAbort = (): void => finish({ kind: 'timeout' });
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const error = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNKNOWN');
      finish({
        kind: 'handshake',
        ...(error !== undefined ? { authorizationError: error } : {}),
        ...(cert.valid_to ? { validTo: cert.valid_to } : {}),
        ...(cert.subjectaltname ? { altNames: cert.subjectaltname } : {}),
      });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ kind: 'network-error', code: error.code ?? 'EUNKNOWN' }));
  });
}

function explainAuthorizationError(host: string, code: string, altNames: string | undefined): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return `The certificate of ${host} is self-signed, and Firehose accepts only publicly trusted certificates; use one from a public CA (for example Let's Encrypt, or ACM on a load balancer).`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return `The certificate of ${host} does not chain to a publicly trusted CA (${code}); serve the full chain, issued by a public CA, as Firehose requires.`;
    case 'CERT_HAS_EXPIRED':
      return `The certificate of ${host} has expired; renew it, as Firehose refuses expired certificates.`;
    case 'CERT_NOT_YET_VALID':
      return `The certificate of ${host} is not valid yet; check its start date and the server clock.`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The certificate of ${host} is not issued for that name${altNames ? ` (it covers ${altNames})` : ''}; use a certificate that names ${host}, or the host name it names.`;
    default:
      return `The certificate of ${host} is not trusted (${code}); Firehose needs a valid, publicly trusted certificate for this host.`;
  }
}

/**
 * Check 3: the certificate is valid for the host and publicly trusted (the conservative reading of what
 * Firehose requires: docs/reference/aws-contracts.md#firehose-http-endpoint-delivery). Warns when it expires within 14 days.
 */
export function interpretTls(target: EndpointTarget, probe: TlsProbe, timeoutMs: number, now: number): CheckResult {
  const host = target.hostname;
  const where = `${host}:${target.port}`;
  const fail = (message: string): CheckResult => ({ id: 'tls', status: 'failed', message });
  if (probe.kind === 'timeout') {
    return fail(`${where} did not complete a TLS handshake within ${timeoutMs / 1000} s; open it to the internet (Firehose connects from AWS public IP ranges) and check firewalls and security groups.`);
  }
  if (probe.kind === 'network-error') {
    if (probe.code === 'ECONNREFUSED') return fail(`${where} refused the connection; make OpenObserve (or its proxy) listen there and let the internet in.`);
    if (probe.code === 'ECONNRESET') return fail(`${where} closed the connection during the TLS handshake; check that it serves HTTPS and that no firewall drops the connection.`);
    if (probe.code === 'EHOSTUNREACH' || probe.code === 'ENETUNREACH' || probe.code === 'ETIMEDOUT') return fail(`${where} cannot be reached (${probe.code}); open it to the internet and check routes, firewalls and security groups.`);
    return fail(`The TLS handshake with ${where} failed (${probe.code}); check that the port serves HTTPS, not plain HTTP.`);
  }
  if (probe.authorizationError !== undefined) return fail(explainAuthorizationError(host, probe.authorizationError, probe.altNames));
  const expires = probe.validTo ? Date.parse(probe.validTo) : Number.NaN;
  if (Number.isFinite(expires) && expires - now < CERT_EXPIRY_WARNING_MS) {
    return { id: 'tls', status: 'warned', message: `The certificate of ${host} expires on ${new Date(expires).toISOString().slice(0, 10)}, within ${CERT_EXPIRY_WARNING_DAYS} days; renew it before Firehose deliveries start failing.` };
  }
  return { id: 'tls', status: 'passed', message: `The certificate of ${host} is valid for the host and trusted.` };
}
