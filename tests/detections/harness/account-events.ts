/**
 * What a user does to their own account, and what the app does on its behalf: password recovery, e-mail
 * changes and their verification, MFA enrolment and preferences, identity-pool credentials. Shapes as in the
 * repository's events/eventbridge/ samples (forgot-password, update-user-attributes, verify-user-attribute…,
 * associate-software-token, set-user-mfa-preference, identity-pool-*).
 */
import { HIDDEN, type CloudTrailEvents, type TimedEvent } from './cloudtrail';
import { NO_SUCH_USER } from './sign-in-events';
import type { AppClient, SimulatedUser } from './simulated-pool';

const CODE_SENT = { destination: HIDDEN, deliveryMedium: 'EMAIL', attributeName: 'email' };

/**
 * `ForgotPassword`, then `ConfirmForgotPassword` with the code (wrong `wrongCodes` times first). For an
 * unknown user a LEGACY client answers UserNotFoundException; a client that prevents user-existence errors
 * answers as if a code had been sent, without a sub. An existing user's request is in the user activity
 * log too (`ForgotPassword`, `Pass`).
 */
export function forgotPassword(ct: CloudTrailEvents, o: { client: AppClient; ip: string; at: number; user?: SimulatedUser; wrongCodes?: number; confirm?: boolean }): TimedEvent[] {
  const requestParameters = { clientId: o.client.id, username: HIDDEN };
  if (o.user === undefined) {
    if (!o.client.preventUserExistenceErrors) return [ct.apiCall({ name: 'ForgotPassword', at: o.at, ip: o.ip, requestParameters, error: NO_SUCH_USER })];
    return [ct.apiCall({ name: 'ForgotPassword', at: o.at, ip: o.ip, requestParameters, responseElements: { codeDeliveryDetails: CODE_SENT } })];
  }
  const { sub } = o.user;
  const events = [ct.apiCall({ name: 'ForgotPassword', at: o.at, ip: o.ip, sub, requestParameters, responseElements: { codeDeliveryDetails: CODE_SENT } })];
  if (ct.activity !== undefined) events.push(ct.activity.event({ type: 'ForgotPassword', at: o.at, user: o.user, client: o.client, ip: o.ip, response: 'Pass' }));
  if (o.confirm === false) return events;
  let t = o.at + 90_000;
  const confirm = { clientId: o.client.id, username: HIDDEN, confirmationCode: HIDDEN, password: HIDDEN };
  for (let i = 0; i < (o.wrongCodes ?? 0); i += 1, t += 20_000) {
    events.push(ct.apiCall({ name: 'ConfirmForgotPassword', at: t, ip: o.ip, sub, requestParameters: confirm, error: { code: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' } }));
  }
  events.push(ct.apiCall({ name: 'ConfirmForgotPassword', at: t, ip: o.ip, sub, requestParameters: confirm }));
  return events;
}

/** `UpdateUserAttributes` changing the e-mail address (Cognito sends a code to it), then `VerifyUserAttribute`. */
export function changeEmail(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number): TimedEvent[] {
  return [
    ct.apiCall({ name: 'UpdateUserAttributes', at, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN, userAttributes: HIDDEN }, responseElements: { codeDeliveryDetailsList: [CODE_SENT] } }),
    ct.apiCall({ name: 'VerifyUserAttribute', at: at + 75_000, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN, attributeName: 'email', code: HIDDEN } }),
  ];
}

/** A profile change that is not the e-mail address (a name, a locale): no code is sent. */
export function changeProfile(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number): TimedEvent {
  return ct.apiCall({ name: 'UpdateUserAttributes', at, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN, userAttributes: HIDDEN }, responseElements: { codeDeliveryDetailsList: [] } });
}

/** Registers an authenticator app: `AssociateSoftwareToken`, `VerifySoftwareToken`, then prefers TOTP. */
export function enrolTotp(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number): TimedEvent[] {
  return [
    ct.apiCall({ name: 'AssociateSoftwareToken', at, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN }, responseElements: { secretCode: HIDDEN } }),
    ct.apiCall({ name: 'VerifySoftwareToken', at: at + 40_000, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN, userCode: HIDDEN, friendlyDeviceName: 'phone' }, responseElements: { status: 'SUCCESS' } }),
    setMfaPreference(ct, user, ip, at + 45_000, true),
  ];
}

/** `SetUserMFAPreference` for TOTP, turning it on or off. */
export function setMfaPreference(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number, enabled: boolean): TimedEvent {
  return ct.apiCall({ name: 'SetUserMFAPreference', at, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN, softwareTokenMfaSettings: { enabled, preferredMfa: enabled } } });
}

/** An app exchanging the user's ID token for AWS credentials: `GetId`, `GetCredentialsForIdentity` (data events). */
export function identityPoolCredentials(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number): TimedEvent[] {
  const { region, userPoolId, identityPoolId, accountId } = ct.pool;
  const logins = { [`cognito-idp.${region}.amazonaws.com/${userPoolId}`]: HIDDEN };
  const identityId = `${region}:${user.sub}`;
  const common = { ip, service: 'cognito-identity' as const, dataEvent: true, resources: [ct.resource('identitypool')] };
  return [
    ct.apiCall({ ...common, name: 'GetId', at, requestParameters: { identityPoolId, accountId, logins }, responseElements: { identityId } }),
    ct.apiCall({ ...common, name: 'GetCredentialsForIdentity', at: at + 1000, requestParameters: { identityId, logins }, responseElements: { identityId, credentials: { accessKeyId: HIDDEN, secretKey: HIDDEN, sessionToken: HIDDEN, expiration: 'Jun 17, 2025, 1:00:00 PM' } } }),
  ];
}
