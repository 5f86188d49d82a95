import { parseStackId, trailNameFor } from './trail-name';
import type { CheckInput, Parsed, TrailToCreate } from './types';

/** Where a request comes from: the custom resource's StackId and, on Update, its previous properties. */
export interface RequestOrigin {
  readonly stackId: string;
  readonly oldProperties?: Record<string, unknown>;
}

/** Properties whose values are secrets: never echoed, and their template parameters are NoEcho. */
export const SECRET_PROPERTIES = ['AccessKey'] as const;

/** Organization and stream go into a URL path as they are (the template builds the same URL). */
const PATH_SEGMENT = /^[^\s/?#%\\]+$/;

/** Echoes a wrong value only when it is a short word: a pasted key in the wrong property must not be repeated. */
const shown = (value: string): string => (/^[A-Za-z]{1,12}$/.test(value) ? `is '${value}'` : 'has another value');

function stringProperty(properties: Record<string, unknown>, name: string): string | undefined {
  const value = properties[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The trail the stack creates, named after the stack. It was created before when the previous properties
 * said so: CreateTrail 'true', or, from versions without that property, RequireTrail 'false'.
 */
function trailToCreate(origin: RequestOrigin | undefined): TrailToCreate | string {
  const stack = origin ? parseStackId(origin.stackId) : undefined;
  if (stack === undefined) return 'StackId is not a CloudFormation stack ARN, so the trail the stack creates cannot be named';
  const old = origin?.oldProperties;
  const createdBefore = old !== undefined && (old.CreateTrail === 'true' || (old.CreateTrail === undefined && old.RequireTrail === 'false'));
  return { name: trailNameFor(stack.stackName), account: stack.account, createdBefore };
}

/**
 * Parses the custom resource's properties (strings, as CloudFormation sends them) into a check input,
 * reporting every problem at once. Unknown properties are ignored. When AccessKeySecretArn is set it wins,
 * as it does for the delivery stream. `origin` names the trail when CreateTrail is 'true'.
 */
export function parseResourceProperties(properties: Record<string, unknown>, allowLocal: boolean, origin?: RequestOrigin): Parsed<CheckInput> {
  const problems: string[] = [];
  const url = stringProperty(properties, 'OpenObserveUrl');
  const organization = stringProperty(properties, 'Organization');
  const stream = stringProperty(properties, 'StreamName');
  const secretArn = stringProperty(properties, 'AccessKeySecretArn');
  // The key is kept exactly as given: whitespace in it is a finding of the key check, not something to fix here.
  const rawKey = properties.AccessKey;
  const accessKey = typeof rawKey === 'string' && rawKey !== '' ? rawKey : undefined;
  const encoding = stringProperty(properties, 'ContentEncoding') ?? 'GZIP';
  const flags = {
    RequireTrail: stringProperty(properties, 'RequireTrail') ?? 'false',
    CreateTrail: stringProperty(properties, 'CreateTrail') ?? 'false',
    IdentityPoolDataEvents: stringProperty(properties, 'IdentityPoolDataEvents') ?? 'false',
  };

  if (url === undefined) problems.push('OpenObserveUrl is missing; set it to the base URL, like https://openobserve.example.com');
  if (organization === undefined) problems.push('Organization is missing; set it to the OpenObserve organization id, like default');
  else if (!PATH_SEGMENT.test(organization)) problems.push('Organization contains a space, /, ?, #, % or \\; use the organization id');
  if (stream === undefined) problems.push('StreamName is missing; set it to the stream name, like cognito_auth');
  else if (!PATH_SEGMENT.test(stream)) problems.push('StreamName contains a space, /, ?, #, % or \\; use letters, digits and _');
  if (secretArn === undefined && accessKey === undefined) problems.push('AccessKey and AccessKeySecretArn are both empty; set one of them');
  if (encoding !== 'GZIP' && encoding !== 'NONE') problems.push(`ContentEncoding ${shown(encoding)}; use GZIP or NONE`);
  for (const [name, value] of Object.entries(flags)) {
    if (value !== 'true' && value !== 'false') problems.push(`${name} ${shown(value)}; use true or false`);
  }
  const trail = flags.CreateTrail === 'true' ? trailToCreate(origin) : undefined;
  if (typeof trail === 'string') problems.push(trail);
  // Turning CreateTrail off deletes the stack's trail after this check: another trail must be logging.
  const own = flags.CreateTrail === 'false' && origin?.oldProperties !== undefined ? trailToCreate(origin) : undefined;
  const leaving = typeof own === 'object' && own.createdBefore ? own : undefined;

  if (problems.length > 0 || url === undefined || organization === undefined || stream === undefined) {
    return { ok: false, reason: `${problems.join('; ')}.` };
  }
  return {
    ok: true,
    value: {
      url,
      organization,
      stream,
      accessKey: secretArn !== undefined ? { source: 'secret', arn: secretArn } : { source: 'value', value: accessKey ?? '' },
      gzip: encoding === 'GZIP',
      requireTrail: flags.RequireTrail === 'true',
      identityPoolDataEvents: flags.IdentityPoolDataEvents === 'true',
      ...(trail !== undefined && typeof trail !== 'string' ? { createTrail: trail } : {}),
      ...(leaving ? { trailLeaving: leaving } : {}),
      allowLocal,
    },
  };
}
