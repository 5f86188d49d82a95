/**
 * EventBridge events carrying CloudTrail records, in the shapes AWS documents for Amazon Cognito ("Example
 * Amazon Cognito events" and "Amazon Cognito logging in AWS CloudTrail" in the Amazon Cognito Developer Guide;
 * the repository's events/eventbridge/ samples follow them): API calls (`AwsApiCall`) of users and of AWS
 * principals, managed-login requests (`AwsServiceEvent`, with the HTTP status and `[…]`-wrapped request
 * parameters), identity-pool data events. Secrets are `HIDDEN_DUE_TO_SECURITY_REASONS`, as Cognito writes them.
 */
import type { Random } from './random';
import { isoSeconds, type SimulatedPool } from './simulated-pool';
import type { UserActivityEvents } from './user-activity-events';

export type Json = Record<string, unknown>;

/** One generated event and the time it happened (epoch ms, whole seconds as CloudTrail records them). */
export interface TimedEvent {
  readonly at: number;
  readonly event: Json;
  /** How it reaches Firehose: through EventBridge (CloudTrail, the default) or CloudWatch Logs' log delivery. */
  readonly via?: 'log-delivery';
  /** Its delay on the way to Firehose, when a scenario sets it (ms); default: drawn by delivery.ts. */
  readonly delayMs?: number;
}

export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** An AWS principal that calls the administrative APIs. */
export interface Principal {
  readonly roleName: string;
  readonly sessionName: string;
}

export interface ApiCallSpec {
  readonly name: string;
  readonly at: number;
  readonly ip: string;
  readonly userAgent?: string;
  readonly requestParameters?: Json | null;
  readonly responseElements?: Json | null;
  /** `additionalEventData.sub`: Cognito names the user when it exists. */
  readonly sub?: string;
  readonly error?: { readonly code: string; readonly message: string };
  /** Absent: an unauthenticated or token-authenticated user call. */
  readonly principal?: Principal;
  readonly service?: 'cognito-idp' | 'cognito-identity';
  readonly readOnly?: boolean;
  /** Identity-pool data events (`GetId`, `GetCredentialsForIdentity`…). */
  readonly dataEvent?: boolean;
  readonly resources?: readonly Json[];
}

export interface PageRequestSpec {
  /** The event name, e.g. `Login_POST`, `Signup_POST`, `Token_POST`. */
  readonly name: string;
  readonly at: number;
  readonly ip: string;
  readonly status: number;
  readonly clientId: string;
  /** Extra request parameters; each value is wrapped in an array, as managed login logs them. */
  readonly parameters?: Readonly<Record<string, string>>;
  readonly userAgent?: string;
}

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SDK = 'aws-sdk-js/3.620.0 ua/2.1 os/macOS#14.5 lang/js md/browser#Safari_17.5 api/cognito-identity-provider#3.620.0';
const CLI = 'aws-cli/2.17.5 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.11.9';

/**
 * Builds the events of one deployment; ids come from the scenario's seeded random source. `activity`, when
 * given, is the same deployment's user activity log: the builders of sign-ins, sign-ups and password
 * recovery add its events to CloudTrail's.
 */
export class CloudTrailEvents {
  constructor(
    private readonly random: Random,
    readonly pool: SimulatedPool,
    readonly activity?: UserActivityEvents,
  ) {}

  private envelope(at: number, detailType: string, service: string, detail: Json): TimedEvent {
    const time = isoSeconds(at);
    const event = {
      version: '0',
      id: this.random.uuid(),
      'detail-type': detailType,
      source: `aws.${service}`,
      account: this.pool.accountId,
      time,
      region: this.pool.region,
      resources: [],
      detail,
    };
    return { at: Date.parse(time), event };
  }

  private userIdentity(principal: Principal | undefined, at: number): Json {
    if (principal === undefined) return { type: 'Unknown', principalId: 'Anonymous' };
    const { accountId } = this.pool;
    return {
      type: 'AssumedRole',
      principalId: `AROAEXAMPLE${principal.roleName.toUpperCase().slice(0, 8)}:${principal.sessionName}`,
      arn: `arn:aws:sts::${accountId}:assumed-role/${principal.roleName}/${principal.sessionName}`,
      accountId,
      accessKeyId: `ASIA${this.random.text(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: `AROAEXAMPLE${principal.roleName.toUpperCase().slice(0, 8)}`, arn: `arn:aws:iam::${accountId}:role/${principal.roleName}`, accountId, userName: principal.roleName },
        attributes: { creationDate: isoSeconds(at - 600_000), mfaAuthenticated: 'true' },
      },
    };
  }

  /** An API call of the user pools or identity pools API. */
  apiCall(spec: ApiCallSpec): TimedEvent {
    const service = spec.service ?? 'cognito-idp';
    const time = isoSeconds(spec.at);
    const detail: Json = {
      eventVersion: '1.08',
      userIdentity: this.userIdentity(spec.principal, spec.at),
      eventTime: time,
      eventSource: `${service}.amazonaws.com`,
      eventName: spec.name,
      awsRegion: this.pool.region,
      sourceIPAddress: spec.ip,
      userAgent: spec.userAgent ?? (spec.principal === undefined ? SDK : CLI),
      ...(spec.error === undefined ? {} : { errorCode: spec.error.code, errorMessage: spec.error.message }),
      requestParameters: spec.requestParameters ?? null,
      responseElements: spec.error === undefined ? (spec.responseElements ?? null) : null,
      ...(spec.sub === undefined ? {} : { additionalEventData: { sub: spec.sub } }),
      requestID: this.random.uuid(),
      eventID: this.random.uuid(),
      readOnly: spec.readOnly ?? false,
      ...(spec.resources === undefined ? {} : { resources: spec.resources }),
      eventType: 'AwsApiCall',
      managementEvent: spec.dataEvent !== true,
      recipientAccountId: this.pool.accountId,
      eventCategory: spec.dataEvent === true ? 'Data' : 'Management',
      tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${service}.${this.pool.region}.amazonaws.com` },
    };
    return this.envelope(spec.at, 'AWS API Call via CloudTrail', service, detail);
  }

  /** A request to the user pool's managed login pages (the hosted UI). */
  pageRequest(spec: PageRequestSpec): TimedEvent {
    const time = isoSeconds(spec.at);
    const parameters: Json = { client_id: [spec.clientId], redirect_uri: ['https://app.example.com/callback'], response_type: ['code'] };
    for (const [key, value] of Object.entries(spec.parameters ?? {})) parameters[key] = [value];
    const detail: Json = {
      eventVersion: '1.08',
      userIdentity: { accountId: this.pool.accountId },
      eventTime: time,
      eventSource: 'cognito-idp.amazonaws.com',
      eventName: spec.name,
      awsRegion: this.pool.region,
      sourceIPAddress: spec.ip,
      userAgent: spec.userAgent ?? BROWSER,
      errorCode: '',
      errorMessage: '',
      requestParameters: null,
      responseElements: null,
      additionalEventData: {
        responseParameters: { status: spec.status },
        requestParameters: parameters,
        userPoolDomain: this.pool.domain,
        userPoolId: this.pool.userPoolId,
      },
      requestID: this.random.uuid(),
      eventID: this.random.uuid(),
      readOnly: spec.name.endsWith('_GET'),
      eventType: 'AwsServiceEvent',
      managementEvent: true,
      recipientAccountId: this.pool.accountId,
      serviceEventDetails: { serviceAccountId: '444455556666' },
      eventCategory: 'Management',
    };
    return this.envelope(spec.at, 'AWS Service Event via CloudTrail', 'cognito-idp', detail);
  }

  /** The resource ARN CloudTrail names a user pool or identity pool by. */
  resource(kind: 'userpool' | 'identitypool'): Json {
    const { accountId, region, userPoolId, identityPoolId } = this.pool;
    return kind === 'userpool'
      ? { accountId, type: 'AWS::Cognito::UserPool', ARN: `arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId}` }
      : { accountId, type: 'AWS::Cognito::IdentityPool', ARN: `arn:aws:cognito-identity:${region}:${accountId}:identitypool/${identityPoolId}` };
  }
}
