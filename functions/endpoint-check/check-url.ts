import { isIP } from 'node:net';
import { FIREHOSE_PORT } from './constants';
import type { CheckResult } from './types';

/** Where the checks connect, taken from a base URL that passed the URL check. */
export interface EndpointTarget {
  /** `https://host[:port]` plus any base path, without a trailing slash. */
  readonly baseUrl: string;
  /** Host name or IP literal, without IPv6 brackets. */
  readonly hostname: string;
  readonly port: number;
  readonly https: boolean;
}

export type UrlCheck = { readonly result: CheckResult; readonly target?: EndpointTarget };

const fail = (message: string): UrlCheck => ({ result: { id: 'url', status: 'failed', message } });

/** A path the URL must not have, with the hint that fixes it; `undefined` for none or a plain prefix. */
function pathProblem(path: string, origin: string): string | undefined {
  const full = /^(?:\/.*)?\/(aws|api)\/([^/]+)\/([^/]+)\/_kinesis_firehose$/i.exec(path);
  if (full) {
    const api = full[1]?.toLowerCase() === 'api' ? ' (and the /api/ form always answers Firehose with 401)' : '';
    return `The OpenObserve URL is a full Firehose endpoint${api}; give only the base URL ${origin} and set organization '${full[2] ?? ''}' and stream '${full[3] ?? ''}' separately.`;
  }
  if (/\/_kinesis_firehose$/i.test(path)) {
    return `The OpenObserve URL is a full Firehose endpoint; give only the base URL ${origin} and set the organization and stream separately.`;
  }
  if (/(^|\/)api(\/|$)/i.test(path)) {
    return `The OpenObserve URL contains /api/, OpenObserve's API path, which Firehose cannot authenticate to; give only the base URL ${origin} (the stack adds /aws/<org>/<stream>/_kinesis_firehose).`;
  }
  if (/(^|\/)web(\/|$)/i.test(path)) return `The OpenObserve URL points at the web UI (${path}); give only the base URL ${origin}.`;
  return undefined;
}

/**
 * Check 1 (offline part): the base URL parses, is https on port 443, and has no credentials, query, fragment,
 * /api/ path or full Firehose path. Any other path is a warning (ZO_BASE_URI installs need it).
 * `allowLocal` turns http and other ports into warnings (local testing only).
 */
export function checkUrl(raw: string, allowLocal: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('The OpenObserve URL is not a URL; give the base address of OpenObserve, like https://openobserve.example.com.');
  }
  if (url.username !== '' || url.password !== '') {
    return fail('The OpenObserve URL carries a user name or password; remove them (the access key authenticates Firehose) and give https://host only.');
  }
  const origin = `${url.protocol}//${url.host}`;
  const warnings: string[] = [];
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`The OpenObserve URL uses ${url.protocol.replace(/:$/, '')}; Firehose delivers over https only, so use https://${url.host || 'host'}.`);
  }
  if (url.protocol === 'http:') {
    if (!allowLocal) return fail(`The OpenObserve URL uses http; Firehose delivers over https only, so use https://${url.host} with a publicly trusted certificate.`);
    warnings.push('uses http, which Firehose cannot deliver to');
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? FIREHOSE_PORT : 80) : Number(url.port);
  if (url.protocol === 'https:' && port !== FIREHOSE_PORT) {
    if (!allowLocal) return fail(`The OpenObserve URL uses port ${port}; Firehose delivers to port 443 only, so serve OpenObserve (or a proxy in front of it) on 443.`);
    warnings.push(`uses port ${port}, but Firehose delivers to port 443 only`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  const problem = pathProblem(path, origin);
  if (problem !== undefined) return fail(problem);
  if (url.search !== '' || url.hash !== '') {
    return fail(`The OpenObserve URL has a query or fragment; give only the base URL ${origin}${path}.`);
  }
  // A path prefix is right only when OpenObserve runs under ZO_BASE_URI; the usual base URL has none.
  if (path !== '') warnings.push(`has the path ${path}, right only when OpenObserve runs under that base path (ZO_BASE_URI)`);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const target: EndpointTarget = { baseUrl: `${origin}${path}`, hostname, port, https: url.protocol === 'https:' };
  if (warnings.length > 0) {
    const local = url.protocol === 'http:' || port !== FIREHOSE_PORT ? '; accepted only because local testing is allowed' : '';
    return { result: { id: 'url', status: 'warned', message: `${origin}${path} ${warnings.join(' and ')}${local}.` }, target };
  }
  const kind = isIP(hostname) === 0 ? 'a host name' : 'an IP address';
  const note = kind === 'an IP address' ? ' (an IP address cannot carry a publicly trusted certificate in most cases)' : '';
  return { result: { id: 'url', status: 'passed', message: `${origin}${path} is an https base URL on port 443 with ${kind}${note}.` }, target };
}
