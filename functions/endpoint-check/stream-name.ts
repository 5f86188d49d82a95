import type { CheckResult } from './types';

// OpenObserve's stream name rule: runs of characters outside [a-zA-Z0-9_:] become one `_`, then the name is
// lowercased (docs/reference/openobserve-firehose-ingestion.md#stream-names).
const OUTSIDE_STREAM_ALPHABET = /[^a-zA-Z0-9_:]+/g;

/** `cognito-auth` → `cognito_auth`; `Cognito Auth!` → `cognito_auth_`. */
export function storedStreamName(name: string): string {
  return name.replace(OUTSIDE_STREAM_ALPHABET, '_').toLowerCase();
}

/** Check 6: warns when OpenObserve will store the stream under another name than the one given. */
export function checkStreamName(name: string): CheckResult {
  const stored = storedStreamName(name);
  if (stored === name) return { id: 'stream-name', status: 'passed', message: `OpenObserve stores stream '${name}' under that name.` };
  return {
    id: 'stream-name',
    status: 'warned',
    message: `OpenObserve will store stream '${name}' as '${stored}'; search for '${stored}' there, or use that name here to avoid confusion.`,
  };
}
