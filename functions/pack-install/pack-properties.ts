/**
 * The SecurityPack custom resource's properties (template.yaml), parsed once. CloudFormation sends every
 * value as a string. WebhookUrl is treated like a secret: it is never logged or echoed in a reason.
 * Thresholds (parameter PackThresholds, absent when empty) goes through the same parser as
 * `install-pack --thresholds FILE`.
 */
import { ORGANIZATION_ID_PATTERN, STREAM_NAME_PATTERN } from '../shared/pack/constants';
import { PACK_CONTENT, type Thresholds } from '../shared/pack/content';
import { parseThresholds } from '../shared/pack/thresholds';

export interface PackProperties {
  readonly openObserveUrl: string;
  readonly organization: string;
  readonly streamName: string;
  readonly credentialsSecretArn: string;
  readonly webhookUrl?: string;
  readonly enableAlerts: boolean;
  /** The pack's defaults with PackThresholds on top. */
  readonly thresholds: Thresholds;
}

export type PackPropertiesResult = { readonly ok: true; readonly props: PackProperties } | { readonly ok: false; readonly reason: string };

const SECRET_ARN_PATTERN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$/;

/** Properties whose values are secrets (a webhook URL carries its own token): never echoed, NoEcho parameters. */
export const SECRET_PROPERTIES = ['WebhookUrl'] as const;

function httpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

type ThresholdsPropertyResult = { readonly ok: true; readonly thresholds: Thresholds } | { readonly ok: false; readonly problem: string };

/**
 * Absent or empty means the pack's defaults. The problem names PackThresholds, the stack parameter the
 * user sets (the template passes it as Thresholds only when it is not empty).
 */
function parseThresholdsProperty(value: unknown): ThresholdsPropertyResult {
  if (value === undefined || value === '') return { ok: true, thresholds: PACK_CONTENT.thresholds };
  if (typeof value !== 'string') return { ok: false, problem: 'PackThresholds must be JSON text such as {"cognito_password_spraying": {"min_users": 20}}' };
  const result = parseThresholds(PACK_CONTENT.thresholds, value);
  return result.ok ? result : { ok: false, problem: `PackThresholds: ${result.problems.join('; ')}` };
}

/** Every problem at once, each naming the property and what it accepts. */
export function parsePackProperties(raw: Readonly<Record<string, unknown>>): PackPropertiesResult {
  const problems: string[] = [];
  const str = (key: string): string => (typeof raw[key] === 'string' ? (raw[key] as string) : ''); // checked by typeof
  if (!httpsUrl(raw.OpenObserveUrl)) problems.push('OpenObserveUrl must be an https URL');
  if (!ORGANIZATION_ID_PATTERN.test(str('Organization'))) problems.push("Organization must be 1–64 letters, digits, '_' or '-'");
  if (!STREAM_NAME_PATTERN.test(str('StreamName'))) problems.push("StreamName must be 1–128 lowercase letters, digits or '_'");
  if (!SECRET_ARN_PATTERN.test(str('CredentialsSecretArn'))) problems.push('CredentialsSecretArn must be a Secrets Manager secret ARN');
  const webhook = str('WebhookUrl');
  if (webhook !== '' && !httpsUrl(webhook)) problems.push('WebhookUrl must be empty or an https URL');
  const enable = raw.EnableAlerts === undefined ? 'true' : str('EnableAlerts');
  if (enable !== 'true' && enable !== 'false') problems.push("EnableAlerts must be 'true' or 'false'");
  const thresholds = parseThresholdsProperty(raw.Thresholds);
  if (!thresholds.ok) problems.push(thresholds.problem);
  if (problems.length > 0 || !thresholds.ok) return { ok: false, reason: `${problems.join('; ')}.` };
  return {
    ok: true,
    props: {
      openObserveUrl: str('OpenObserveUrl'),
      organization: str('Organization'),
      streamName: str('StreamName'),
      credentialsSecretArn: str('CredentialsSecretArn'),
      ...(webhook !== '' ? { webhookUrl: webhook } : {}),
      enableAlerts: enable === 'true',
      thresholds: thresholds.thresholds,
    },
  };
}

/** True when an Update moved the pack to another server, organization or stream. */
export function movedTarget(a: PackProperties, b: PackProperties): boolean {
  return a.openObserveUrl !== b.openObserveUrl || a.organization !== b.organization || a.streamName !== b.streamName;
}
