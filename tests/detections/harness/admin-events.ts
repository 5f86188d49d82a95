/**
 * Calls made with AWS credentials: an administrator's actions on users (user_admin), reads of the
 * configuration, and configuration changes of user pools and identity pools (pool_admin), with the request
 * parameters CloudTrail logs for them (the update-user-pool, create-identity-pool and set-identity-pool-roles
 * samples in events/eventbridge/).
 */
import { HIDDEN, type CloudTrailEvents, type Json, type Principal, type TimedEvent } from './cloudtrail';
import type { SimulatedUser } from './simulated-pool';

export const HELPDESK: Principal = { roleName: 'SupportDesk', sessionName: 'helpdesk-agent' };
export const PLATFORM_ADMIN: Principal = { roleName: 'PlatformAdmin', sessionName: 'jane.doe@example.com' };
/** Where the administrators work from. */
export const OFFICE_IP = '192.0.2.10';

export type UserAdminAction = 'AdminResetUserPassword' | 'AdminSetUserPassword' | 'AdminDisableUser' | 'AdminEnableUser' | 'AdminUpdateUserAttributes';

/** An administrator's action on one user; Cognito names the user's sub in `additionalEventData`. */
export function adminUserAction(ct: CloudTrailEvents, o: { action: UserAdminAction; user: SimulatedUser; principal: Principal; ip: string; at: number }): TimedEvent {
  const requestParameters: Json = { userPoolId: ct.pool.userPoolId, username: HIDDEN };
  if (o.action === 'AdminSetUserPassword') Object.assign(requestParameters, { password: HIDDEN, permanent: true });
  if (o.action === 'AdminUpdateUserAttributes') requestParameters.userAttributes = HIDDEN;
  return ct.apiCall({ name: o.action, at: o.at, ip: o.ip, sub: o.user.sub, principal: o.principal, requestParameters, resources: [ct.resource('userpool')] });
}

/** `AdminCreateUser`: an administrator inviting a user. */
export function adminCreateUser(ct: CloudTrailEvents, o: { sub: string; principal: Principal; ip: string; at: number }): TimedEvent {
  const requestParameters = { userPoolId: ct.pool.userPoolId, username: HIDDEN, userAttributes: HIDDEN, temporaryPassword: HIDDEN, desiredDeliveryMediums: ['EMAIL'] };
  return ct.apiCall({ name: 'AdminCreateUser', at: o.at, ip: o.ip, sub: o.sub, principal: o.principal, requestParameters, responseElements: { user: { username: HIDDEN, attributes: HIDDEN, enabled: true, userStatus: 'FORCE_CHANGE_PASSWORD' } } });
}

/** A read of the configuration (`DescribeUserPool`, `ListUsers`…); forwarded only with IncludeReadOnlyEvents. */
export function configRead(ct: CloudTrailEvents, o: { name: string; principal: Principal; ip: string; at: number }): TimedEvent {
  return ct.apiCall({ name: o.name, at: o.at, ip: o.ip, principal: o.principal, readOnly: true, requestParameters: { userPoolId: ct.pool.userPoolId } });
}

/** A user-pool configuration change with the request parameters it carries. */
export function userPoolChange(ct: CloudTrailEvents, o: { name: string; principal: Principal; ip: string; at: number; requestParameters: Json }): TimedEvent {
  return ct.apiCall({ name: o.name, at: o.at, ip: o.ip, principal: o.principal, requestParameters: { userPoolId: ct.pool.userPoolId, ...o.requestParameters }, resources: [ct.resource('userpool')] });
}

/** An identity-pool configuration change (`UpdateIdentityPool`, `SetIdentityPoolRoles`…). */
export function identityPoolChange(ct: CloudTrailEvents, o: { name: string; principal: Principal; ip: string; at: number; requestParameters: Json }): TimedEvent {
  return ct.apiCall({ name: o.name, at: o.at, ip: o.ip, principal: o.principal, service: 'cognito-identity', requestParameters: { identityPoolId: ct.pool.identityPoolId, ...o.requestParameters } });
}

/** The Lambda triggers of a user pool, as `UpdateUserPool` carries them. */
export function lambdaConfig(ct: CloudTrailEvents, functionName: string): Json {
  const arn = `arn:aws:lambda:${ct.pool.region}:${ct.pool.accountId}:function:${functionName}`;
  return { lambdaConfig: { preTokenGeneration: arn, postAuthentication: arn } };
}
