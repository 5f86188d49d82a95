/**
 * Pool ids and identity providers where CloudTrail names them outside the request's own fields: resource
 * ARNs and identity-pool `logins` maps (Amazon Cognito Developer Guide, "Example Amazon Cognito events":
 * `GetCredentialsForIdentity`, `GetOpenIdToken` and `UnlinkIdentity` name their identity pool only in
 * `resources[].ARN`, and the user pool a user signed in with only as a `logins` key); the account of an ARN
 * and the region of a user pool id, for the user activity logs that name neither.
 */
import { asObject, textValue } from './field-values';

/** `arn:aws:cognito-idp:<region>:<account>:userpool/<pool id>` */
export const USER_POOL_ARN_MARKER = ':userpool/';
/** `arn:aws:cognito-identity:<region>:<account>:identitypool/<region>:<uuid>` */
export const IDENTITY_POOL_ARN_MARKER = ':identitypool/';
/** A user pool as identity-pool login provider: `cognito-idp.<region>.amazonaws.com/<pool id>`. */
const USER_POOL_PROVIDER_PREFIX = 'cognito-idp.';

/** The id after `marker` in the first matching ARN of `resources` (strings, or objects with `ARN`). */
export function idFromResources(resources: unknown, marker: string): string | undefined {
  if (!Array.isArray(resources)) return undefined;
  for (const resource of resources) {
    const arn = typeof resource === 'string' ? resource : textValue(asObject(resource)?.ARN);
    if (arn === undefined) continue;
    const at = arn.indexOf(marker);
    if (at === -1) continue;
    const rest = arn.slice(at + marker.length);
    const end = rest.indexOf('/');
    const id = textValue(end === -1 ? rest : rest.slice(0, end));
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The first provider named in an identity-pool `logins` map (its keys; the values are tokens, hidden). */
export function firstLoginProvider(logins: unknown): string | undefined {
  const map = asObject(logins);
  if (map === undefined) return undefined;
  for (const provider in map) {
    const name = textValue(provider);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** The user pool of the first `cognito-idp.<region>.amazonaws.com/<pool id>` key of a `logins` map. */
export function userPoolFromLogins(logins: unknown): string | undefined {
  const map = asObject(logins);
  if (map === undefined) return undefined;
  for (const provider in map) {
    if (!provider.startsWith(USER_POOL_PROVIDER_PREFIX)) continue;
    const slash = provider.indexOf('/');
    const poolId = slash === -1 ? undefined : textValue(provider.slice(slash + 1));
    if (poolId !== undefined) return poolId;
  }
  return undefined;
}

/** An AWS account id: twelve digits. */
const ACCOUNT_ID = /^\d{12}$/;
/** A region name as it starts a user pool id: `eu-west-1`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-5`. */
const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/**
 * The account of an ARN (its fifth `:`-separated part), e.g. the batch's `deliveryStreamArn`.
 * @example accountOfArn('arn:aws:firehose:eu-west-1:111122223333:deliverystream/s') // '111122223333'
 */
export function accountOfArn(arn: unknown): string | undefined {
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return undefined;
  const account = arn.split(':', 5)[4];
  return account !== undefined && ACCOUNT_ID.test(account) ? account : undefined;
}

/**
 * The region a user pool id names: the part before its `_` (Amazon Cognito API Reference, UserPoolIdType:
 * `[\w-]+_[0-9a-zA-Z]+`; the part before `_` is the pool's region).
 * @example regionOfUserPoolId('eu-west-1_Ab12Cd34E') // 'eu-west-1'
 */
export function regionOfUserPoolId(poolId: string): string | undefined {
  const underscore = poolId.indexOf('_');
  if (underscore === -1) return undefined;
  const region = poolId.slice(0, underscore);
  return REGION_NAME.test(region) ? region : undefined;
}
