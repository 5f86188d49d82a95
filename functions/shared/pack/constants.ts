/** Names, markers and limits of the Cognito security pack (docs/reference/openobserve-management-api.md). */

export const PACK_ID = 'cognito-security';
/** Bumped when the pack's content changes shape; it is part of the marker. */
export const PACK_VERSION = 1;

/**
 * Put in the description of every dashboard and alert the pack writes: install updates and uninstall
 * deletes only objects that carry it, so a user's own "Cognito Security" dashboard is never touched
 * (docs/reference/openobserve-management-api.md#idempotent-dashboard-update).
 */
export function packMarker(stream: string): string {
  return `[managed-by o2-cognito pack=${PACK_ID} v${PACK_VERSION} stream=${stream}]`;
}

/** The prefix common to every marker, whatever the version and stream. */
const PACK_MARKER_PREFIX = `[managed-by o2-cognito pack=${PACK_ID} `;

/** True when a description carries the pack's marker (any version or stream). */
const hasPackMarker = (description: string): boolean => description.includes(PACK_MARKER_PREFIX);

/** True when a description carries the pack's marker for `stream` (another stream's pack is not ours). */
export const isOurs = (description: string, stream: string): boolean => hasPackMarker(description) && description.includes(` stream=${stream}]`);

/**
 * The organization ids and stream names the pack accepts, from `install-pack --org/--stream` and from the
 * SecurityPack's Organization/StreamName alike, so the command and the stack never disagree.
 */
export const ORGANIZATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const STREAM_NAME_PATTERN = /^[a-z0-9_]{1,128}$/;

export const DASHBOARD_TITLE = 'Cognito Security';
/** The stream the pack is written for; another stream gets its name in the dashboard title. */
export const DEFAULT_STREAM = 'cognito_events';
export const FOLDER_NAME = 'Cognito security';
export const FOLDER_DESCRIPTION = 'Installed by o2-cognito install-pack.';
export const TEMPLATE_NAME = 'o2c_cognito_security';
export const DESTINATION_NAME = 'o2c_cognito_security_webhook';
/** Every pack alert name starts with it; the v2 list filters on it (docs/reference/openobserve-management-api.md#idempotent-alert-update). */
export const ALERT_NAME_PREFIX = 'cognito_';

/**
 * v0.15.0 is the first release with `POST /api/{org}/streams/{s}` (stream pre-creation) and with the alert
 * id in the create response (docs/reference/openobserve-management-api.md#version-probe-and-minimum-release).
 */
export const MIN_SERVER_VERSION = { major: 0, minor: 15, patch: 0 } as const;

/** One management call, connect to last byte; OpenObserve answers these in well under a second. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Dashboards and alert lists are a few hundred KiB at most; anything larger is not OpenObserve. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Queries are dry-run over the last hour (docs/reference/openobserve-management-api.md#search-dry-run). */
export const DRY_RUN_WINDOW_MICROS = 3_600_000_000;
/** Server error text kept in a message. */
export const MAX_SERVER_MESSAGE_CHARS = 200;

/** Arrow type names OpenObserve stores for schema v1 types (docs/reference/openobserve-management-api.md#streams). */
export const ARROW_TYPES = { string: 'Utf8', json: 'Utf8', integer: 'Int64', boolean: 'Boolean' } as const;

/**
 * The dashboard variable placeholder for "all values": the server rewrites `IN ('_o2_all_')` to TRUE
 * (docs/reference/openobserve-management-api.md#dashboard-body-schema-v5).
 */
export const ALL_VALUES_PLACEHOLDER = '_o2_all_';
