/** Firehose delivers to HTTPS on port 443 only (docs/reference/aws-contracts.md#firehose-http-endpoint-delivery). */
export const FIREHOSE_PORT = 443;
/** Firehose sends the access key verbatim, up to 4096 bytes (docs/reference/aws-contracts.md#firehose-http-endpoint-delivery). */
export const MAX_ACCESS_KEY_BYTES = 4096;

/** Per-step timeouts: each network step fails on its own rather than eating the whole deadline; together
 * (DNS + TLS + three HTTP calls = 45 s) they stay inside the 60 s function timeout minus the answer margin. */
export const DNS_TIMEOUT_MS = 5_000;
export const TLS_TIMEOUT_MS = 10_000;
export const HTTP_TIMEOUT_MS = 10_000;
export const AWS_CALL_TIMEOUT_MS = 10_000;

/** A certificate expiring sooner than this is a warning: Firehose deliveries stop the day it expires. */
export const CERT_EXPIRY_WARNING_DAYS = 14;
const MS_PER_DAY = 86_400_000;
export const CERT_EXPIRY_WARNING_MS = CERT_EXPIRY_WARNING_DAYS * MS_PER_DAY;

/** Response bytes kept from the read-only OpenObserve calls (/config, /_license). */
export const MAX_API_RESPONSE_BYTES = 64 * 1024;
