/**
 * Sign-in, token and sign-up traffic as CloudTrail records it for each kind of app client:
 * - SRP (Amplify's default): `InitiateAuth` answers a `PASSWORD_VERIFIER` challenge, the password is checked
 *   by `RespondToAuthChallenge`, so a wrong password fails there;
 * - `USER_PASSWORD_AUTH`: `InitiateAuth` checks the password itself;
 * - managed login: `Authorize_GET`, `Login_GET`, `Login_POST` (302 when signed in, 400 otherwise), then the
 *   app's backend exchanges the code at `Token_POST`.
 * Cognito writes the user's `sub` when the user exists; an unknown user gets NotAuthorizedException without a
 * sub when the client prevents user-existence errors, else UserNotFoundException (user pools API Reference,
 * InitiateAuth and "Managing user existence error responses" in the Developer Guide).
 * With the deployment's user activity log on (`ct.activity`), a sign-in of an existing user also gives one
 * `SignIn` event, a registration a `SignUp` event: the same attempt, seen twice on the stream.
 */
import { HIDDEN, type CloudTrailEvents, type Principal, type TimedEvent } from './cloudtrail';
import type { AppClient, SimulatedUser } from './simulated-pool';
import { NO_RISK, type ActivitySpec, type Place, type Risk } from './user-activity-events';

export type PasswordGuess = 'correct' | 'wrong' | 'no_such_user';

export interface SignInSpec {
  readonly client: AppClient;
  readonly ip: string;
  readonly at: number;
  /** The account tried; absent for a username that does not exist. */
  readonly user?: SimulatedUser;
  readonly password: PasswordGuess;
  readonly userAgent?: string;
  /** Where the app's backend exchanges the managed-login code (default: the user's address). */
  readonly backendIp?: string;
  /**
   * What threat protection decided (default: Low, NoRisk). `Block` fails even the right password; on a right
   * password `AccountTakeover` asks for a second factor, which the user (or attacker) passes.
   */
  readonly risk?: Risk;
  /** The second factor is asked for and never answered: the attempt stops there (`InProgress`). */
  readonly abandonsSecondFactor?: boolean;
  /** Where Cognito places the address (default: `placeOf` it, user-activity-events.ts). */
  readonly place?: Place;
  /** Log delivery's delay for the user activity event (default: drawn by delivery.ts). */
  readonly activityDelayMs?: number;
}

const TOKENS = { challengeParameters: {}, authenticationResult: { accessToken: HIDDEN, expiresIn: 3600, tokenType: 'Bearer', refreshToken: HIDDEN, idToken: HIDDEN } };
export const WRONG_PASSWORD = { code: 'NotAuthorizedException', message: 'Incorrect username or password.' };
export const NO_SUCH_USER = { code: 'UserNotFoundException', message: 'User does not exist.' };
const WRONG_CODE = { code: 'CodeMismatchException', message: 'Invalid code received for user' };
/** A sign-in threat protection blocked: an assumption, as AWS shows no CloudTrail record of one. */
export const BLOCKED = { code: 'NotAuthorizedException', message: 'Unable to login because of security reasons.' };

const blockedBy = (spec: SignInSpec): boolean => spec.password === 'correct' && spec.risk?.decision === 'Block';

/** The failure Cognito answers for a wrong guess on this client. */
function guessError(spec: SignInSpec): { code: string; message: string } {
  if (blockedBy(spec)) return BLOCKED;
  return spec.password === 'no_such_user' && !spec.client.preventUserExistenceErrors ? NO_SUCH_USER : WRONG_PASSWORD;
}

/**
 * One sign-in attempt, with the second-factor step when the user has TOTP (or threat protection asks for
 * one) and the password was right; and its user activity event, for a user that exists.
 */
export function signIn(ct: CloudTrailEvents, spec: SignInSpec): TimedEvent[] {
  const events = cloudTrailSignIn(ct, spec);
  const { user } = spec;
  if (ct.activity === undefined || user === undefined || spec.password === 'no_such_user') return events;
  const passed = spec.password === 'correct';
  const ok = passed && !blockedBy(spec);
  const waiting = ok && spec.abandonsSecondFactor === true && secondFactorOf(spec) !== undefined;
  const secondFactor = ok && !waiting && secondFactorOf(spec) !== undefined;
  const activity: ActivitySpec = {
    type: 'SignIn',
    at: Math.max(...events.map((e) => e.at)),
    user,
    client: spec.client,
    ip: spec.ip,
    response: waiting ? 'InProgress' : ok ? 'Pass' : 'Fail',
    risk: spec.risk ?? NO_RISK,
    challenges: [{ challengeName: 'Password', challengeResponse: passed ? 'Success' : 'Failure' }, ...(secondFactor ? [{ challengeName: 'Mfa' as const, challengeResponse: 'Success' as const }] : [])],
    ...(spec.place === undefined ? {} : { place: spec.place }),
    ...(spec.activityDelayMs === undefined ? {} : { delayMs: spec.activityDelayMs }),
  };
  return [...events, ct.activity.event(activity)];
}

/** The second factor asked for after a right password: the user's TOTP, else e-mail when threat protection wants one. */
function secondFactorOf(spec: SignInSpec): 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | undefined {
  if (spec.user?.totp === true) return 'SOFTWARE_TOKEN_MFA';
  return spec.risk?.decision === 'AccountTakeover' ? 'EMAIL_OTP' : undefined;
}

function cloudTrailSignIn(ct: CloudTrailEvents, spec: SignInSpec): TimedEvent[] {
  const { client, ip, at, user, userAgent } = spec;
  const sub = spec.password === 'no_such_user' ? undefined : user?.sub;
  const ok = spec.password === 'correct' && !blockedBy(spec);
  const challenge = ok ? secondFactorOf(spec) : undefined;
  const totp = challenge !== undefined;
  if (client.flow === 'managed_login') return managedLoginSignIn(ct, spec, totp);
  const events: TimedEvent[] = [];
  const base = { ip, ...(userAgent === undefined ? {} : { userAgent }), ...(sub === undefined ? {} : { sub }) };
  const initiate = { authFlow: client.flow, authParameters: HIDDEN, clientId: client.id };
  let t = at;
  if (client.flow === 'USER_SRP_AUTH') {
    events.push(ct.apiCall({ ...base, name: 'InitiateAuth', at: t, requestParameters: initiate, responseElements: { challengeName: 'PASSWORD_VERIFIER', challengeParameters: HIDDEN } }));
    t += 1000;
    const respond = { clientId: client.id, challengeName: 'PASSWORD_VERIFIER', session: HIDDEN, challengeResponses: HIDDEN };
    if (!ok) return [...events, ct.apiCall({ ...base, name: 'RespondToAuthChallenge', at: t, requestParameters: respond, error: guessError(spec) })];
    events.push(ct.apiCall({ ...base, name: 'RespondToAuthChallenge', at: t, requestParameters: respond, responseElements: totp ? { challengeName: challenge, session: HIDDEN, challengeParameters: {} } : TOKENS }));
  } else {
    if (!ok) return [ct.apiCall({ ...base, name: 'InitiateAuth', at: t, requestParameters: initiate, error: guessError(spec) })];
    events.push(ct.apiCall({ ...base, name: 'InitiateAuth', at: t, requestParameters: initiate, responseElements: totp ? { challengeName: challenge, session: HIDDEN, challengeParameters: {} } : TOKENS }));
  }
  if (totp && spec.abandonsSecondFactor !== true) {
    t += 9000;
    const respond = { clientId: client.id, challengeName: challenge, session: HIDDEN, challengeResponses: HIDDEN };
    events.push(ct.apiCall({ ...base, name: 'RespondToAuthChallenge', at: t, requestParameters: respond, responseElements: TOKENS }));
  }
  return events;
}

function managedLoginSignIn(ct: CloudTrailEvents, spec: SignInSpec, totp: boolean): TimedEvent[] {
  const { client, ip, at, userAgent } = spec;
  const page = { clientId: client.id, ip, ...(userAgent === undefined ? {} : { userAgent }) };
  const events = [
    ct.pageRequest({ ...page, name: 'Authorize_GET', at, status: 302 }),
    ct.pageRequest({ ...page, name: 'Login_GET', at: at + 1000, status: 200 }),
  ];
  const ok = spec.password === 'correct' && !blockedBy(spec);
  events.push(ct.pageRequest({ ...page, name: 'Login_POST', at: at + 8000, status: ok ? 302 : 400, parameters: { username: HIDDEN, password: HIDDEN, _csrf: HIDDEN } }));
  if (!ok) return events;
  let t = at + 9000;
  if (totp) {
    events.push(ct.pageRequest({ ...page, name: 'Mfa_GET', at: t, status: 200 }));
    if (spec.abandonsSecondFactor === true) return events;
    events.push(ct.pageRequest({ ...page, name: 'Mfa_POST', at: t + 8000, status: 302, parameters: { totpCode: HIDDEN, _csrf: HIDDEN } }));
    t += 9000;
  }
  events.push(ct.pageRequest({ clientId: client.id, ip: spec.backendIp ?? ip, userAgent: 'node-fetch/1.0', name: 'Token_POST', at: t + 1000, status: 200, parameters: { grant_type: 'authorization_code' } }));
  return events;
}

/** A back end signing a user in server-side: `AdminInitiateAuth` with `ADMIN_USER_PASSWORD_AUTH`, by its IAM role. */
export function adminSignIn(ct: CloudTrailEvents, o: { client: AppClient; ip: string; at: number; user: SimulatedUser; correct: boolean; principal: Principal }): TimedEvent {
  const requestParameters = { userPoolId: ct.pool.userPoolId, clientId: o.client.id, authFlow: 'ADMIN_USER_PASSWORD_AUTH', authParameters: HIDDEN };
  const outcome = o.correct ? { responseElements: TOKENS } : { error: WRONG_PASSWORD };
  return ct.apiCall({ name: 'AdminInitiateAuth', at: o.at, ip: o.ip, sub: o.user.sub, principal: o.principal, requestParameters, ...outcome });
}

/** A second TOTP code that was wrong (a user fumbling the authenticator app). */
export function wrongTotpCode(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number): TimedEvent {
  const requestParameters = { clientId: user.client.id, challengeName: 'SOFTWARE_TOKEN_MFA', session: HIDDEN, challengeResponses: HIDDEN };
  return ct.apiCall({ name: 'RespondToAuthChallenge', at, ip, sub: user.sub, requestParameters, error: WRONG_CODE });
}

/** A token refresh: `REFRESH_TOKEN_AUTH` for API clients, `grant_type=refresh_token` for managed login. */
export function refreshTokens(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number): TimedEvent {
  if (user.client.flow === 'managed_login') {
    return ct.pageRequest({ clientId: user.client.id, ip, at, status: 200, name: 'Token_POST', userAgent: 'node-fetch/1.0', parameters: { grant_type: 'refresh_token', refresh_token: HIDDEN } });
  }
  const requestParameters = { authFlow: 'REFRESH_TOKEN_AUTH', authParameters: HIDDEN, clientId: user.client.id };
  return ct.apiCall({ name: 'InitiateAuth', at, ip, sub: user.sub, requestParameters, responseElements: { challengeParameters: {}, authenticationResult: { accessToken: HIDDEN, expiresIn: 3600, tokenType: 'Bearer', idToken: HIDDEN } } });
}

/** `GetUser` with the access token: the app reading the signed-in user's profile. */
export function getUser(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number, error?: { code: string; message: string }): TimedEvent {
  return ct.apiCall({ name: 'GetUser', at, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN }, readOnly: true, ...(error === undefined ? {} : { error }) });
}

export function signOut(ct: CloudTrailEvents, user: SimulatedUser, ip: string, at: number): TimedEvent {
  if (user.client.flow === 'managed_login') return ct.pageRequest({ clientId: user.client.id, ip, at, status: 302, name: 'Logout_GET' });
  return ct.apiCall({ name: 'GlobalSignOut', at, ip, sub: user.sub, requestParameters: { accessToken: HIDDEN } });
}

export interface SignUpSpec {
  readonly client: AppClient;
  readonly ip: string;
  readonly at: number;
  readonly sub: string;
  /** The username is taken: Cognito refuses the registration. */
  readonly exists?: boolean;
  /** Default true: the code is confirmed a minute later. */
  readonly confirm?: boolean;
  readonly userAgent?: string;
}

/**
 * A registration through the API (`SignUp`, then `ConfirmSignUp`) or the managed login pages, and the
 * user activity log's `SignUp` event of an accepted one. AWS does not say which `eventResponse` a sign-up
 * gets; the harness writes `Pass`, the one that a sign-up count would take twice.
 */
export function signUp(ct: CloudTrailEvents, o: SignUpSpec): TimedEvent[] {
  const events = cloudTrailSignUp(ct, o);
  if (ct.activity === undefined || o.exists === true) return events;
  const registered = events.find((e) => e.event.detail !== undefined && ['SignUp', 'Signup_POST'].includes(String((e.event.detail as { eventName?: unknown }).eventName)));
  const user = { sub: o.sub, username: `new.${o.sub.slice(0, 8)}@example.com` };
  return [...events, ct.activity.event({ type: 'SignUp', at: registered?.at ?? o.at, user, client: o.client, ip: o.ip, response: 'Pass' })];
}

function cloudTrailSignUp(ct: CloudTrailEvents, o: SignUpSpec): TimedEvent[] {
  const ua = o.userAgent === undefined ? {} : { userAgent: o.userAgent };
  if (o.client.flow === 'managed_login') {
    const page = { clientId: o.client.id, ip: o.ip, ...ua };
    const events = [ct.pageRequest({ ...page, name: 'Signup_GET', at: o.at, status: 200 }), ct.pageRequest({ ...page, name: 'Signup_POST', at: o.at + 15_000, status: o.exists === true ? 400 : 302, parameters: { username: HIDDEN, password: HIDDEN, 'requiredAttributes[email]': HIDDEN, _csrf: HIDDEN } })];
    if (o.exists === true || o.confirm === false) return events;
    return [...events, ct.pageRequest({ ...page, name: 'Confirm_GET', at: o.at + 16_000, status: 200 }), ct.pageRequest({ ...page, name: 'Confirm_POST', at: o.at + 60_000, status: 302, parameters: { sub: o.sub, code: HIDDEN, username: HIDDEN } })];
  }
  const requestParameters = { clientId: o.client.id, username: HIDDEN, password: HIDDEN, userAttributes: HIDDEN, validationData: HIDDEN };
  if (o.exists === true) return [ct.apiCall({ name: 'SignUp', at: o.at, ip: o.ip, ...ua, requestParameters, error: { code: 'UsernameExistsException', message: 'An account with the given email already exists.' } })];
  const responseElements = { userConfirmed: false, codeDeliveryDetails: { destination: HIDDEN, deliveryMedium: 'EMAIL', attributeName: 'email' }, userSub: o.sub };
  const events = [ct.apiCall({ name: 'SignUp', at: o.at, ip: o.ip, ...ua, sub: o.sub, requestParameters, responseElements })];
  if (o.confirm === false) return events;
  return [...events, ct.apiCall({ name: 'ConfirmSignUp', at: o.at + 60_000, ip: o.ip, ...ua, sub: o.sub, requestParameters: { clientId: o.client.id, username: HIDDEN, confirmationCode: HIDDEN } })];
}
