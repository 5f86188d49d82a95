/**
 * Pool ids and identity providers where CloudTrail names them outside the request's own fields: resource
 * ARNs and identity-pool `logins` maps (Amazon Cognito Developer Guide, "Example Amazon Cognito events":
 * `GetCredentialsForIdentity`, `GetOpenIdToken` and `UnlinkIdentity` name their identity pool only in
 * `resources[].ARN`, and the user pool a user signed in with only as a `logins` key).
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
