import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The checks, in the order they run and are printed. */
export const CHECK_IDS = ['url', 'access-key', 'host', 'tls', 'version', 'organization', 'firehose', 'stream-name', 'trail', 'trail-quota', 'data-events'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const CHECK_STATUSES = ['passed', 'failed', 'warned', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** One line of the report: `message` is one sentence, what is wrong and what to do; never a secret. */
export interface CheckResult {
  readonly id: CheckId;
  readonly status: CheckStatus;
  readonly message: string;
}

/** Resolves a host name to every address it has. */
export type Lookup = (hostname: string) => Promise<readonly string[]>;

export type AccessKeySource = { readonly source: 'value'; readonly value: string } | { readonly source: 'secret'; readonly arn: string };

/** The trail the stack will create (CreateTrail 'true'). */
export interface TrailToCreate {
  readonly name: string;
  /** The account whose trails count against the region's quota. */
  readonly account: string;
  /** True when an earlier deploy of the stack already created it (an Update that keeps CreateTrail 'true'). */
  readonly createdBefore: boolean;
}

/** What to check, from the custom resource's properties or the command line. */
export interface CheckInput {
  readonly url: string;
  readonly organization: string;
  readonly stream: string;
  readonly accessKey: AccessKeySource;
  readonly gzip: boolean;
  readonly requireTrail: boolean;
  /** With requireTrail: also report whether a logging trail selects identity-pool data events (a warning at most); default false. */
  readonly identityPoolDataEvents?: boolean;
  /** With CreateTrail 'true': check that the stack's trail can be created. */
  readonly createTrail?: TrailToCreate;
  /** On an update from CreateTrail 'true' to 'false': the stack's trail, deleted after the check, which must not count. */
  readonly trailLeaving?: TrailToCreate;
  /** Local testing only: plain http to this machine (loopback only), any port, loopback and private hosts become warnings. */
  readonly allowLocal: boolean;
}

export interface CheckTimeouts {
  readonly dnsMs: number;
  readonly tlsMs: number;
  readonly httpMs: number;
  readonly awsMs: number;
}

/** I/O the checks need, injected so that tests (and the CLI) can supply their own. */
export interface CheckDeps {
  /** Every address the name resolves to (A and AAAA). */
  readonly lookup: Lookup;
  /** Trusted CA(s) replacing the default store; production leaves it unset. */
  readonly ca?: string | Buffer;
  readonly cloudTrail?: Pick<CloudTrailClient, 'send'>;
  readonly secretsManager?: Pick<SecretsManagerClient, 'send'>;
  /** The region whose trail coverage is checked. */
  readonly region?: string;
  readonly now: () => number;
  readonly randomUUID: () => string;
  /** Aborted when the caller's deadline has passed. */
  readonly signal?: AbortSignal;
  readonly timeouts?: Partial<CheckTimeouts>;
}

export interface CheckReport {
  readonly checks: readonly CheckResult[];
  /** From GET /config, when it answered. */
  readonly openObserveVersion?: string;
  /** The name OpenObserve stores the stream under. */
  readonly storedStreamName: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };
