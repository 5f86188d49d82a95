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
 */
import { HIDDEN, type CloudTrailEvents, type Principal, type TimedEvent } from './cloudtrail';
import type { AppClient, SimulatedUser } from './simulated-pool';

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
}

const TOKENS = { challengeParameters: {}, authenticationResult: { accessToken: HIDDEN, expiresIn: 3600, tokenType: 'Bearer', refreshToken: HIDDEN, idToken: HIDDEN } };
export const WRONG_PASSWORD = { code: 'NotAuthorizedException', message: 'Incorrect username or password.' };
export const NO_SUCH_USER = { code: 'UserNotFoundException', message: 'User does not exist.' };
const WRONG_CODE = { code: 'CodeMismatchException', message: 'Invalid code received for user' };

/** The failure Cognito answers for a wrong guess on this client. */
function guessError(spec: SignInSpec): { code: string; message: string } {
  return spec.password === 'no_such_user' && !spec.client.preventUserExistenceErrors ? NO_SUCH_USER : WRONG_PASSWORD;
}

/** One sign-in attempt, with the TOTP step when the user has it and the password was right. */
export function signIn(ct: CloudTrailEvents, spec: SignInSpec): TimedEvent[] {
  const { client, ip, at, user, userAgent } = spec;
  const sub = spec.password === 'no_such_user' ? undefined : user?.sub;
  const ok = spec.password === 'correct';
  const totp = ok && user?.totp === true;
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
    events.push(ct.apiCall({ ...base, name: 'RespondToAuthChallenge', at: t, requestParameters: respond, responseElements: totp ? { challengeName: 'SOFTWARE_TOKEN_MFA', session: HIDDEN, challengeParameters: {} } : TOKENS }));
  } else {
    if (!ok) return [ct.apiCall({ ...base, name: 'InitiateAuth', at: t, requestParameters: initiate, error: guessError(spec) })];
    events.push(ct.apiCall({ ...base, name: 'InitiateAuth', at: t, requestParameters: initiate, responseElements: totp ? { challengeName: 'SOFTWARE_TOKEN_MFA', session: HIDDEN, challengeParameters: {} } : TOKENS }));
  }
  if (totp) {
    t += 9000;
    const respond = { clientId: client.id, challengeName: 'SOFTWARE_TOKEN_MFA', session: HIDDEN, challengeResponses: HIDDEN };
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
  const ok = spec.password === 'correct';
  events.push(ct.pageRequest({ ...page, name: 'Login_POST', at: at + 8000, status: ok ? 302 : 400, parameters: { username: HIDDEN, password: HIDDEN, _csrf: HIDDEN } }));
  if (!ok) return events;
  let t = at + 9000;
  if (totp) {
    events.push(ct.pageRequest({ ...page, name: 'Mfa_GET', at: t, status: 200 }), ct.pageRequest({ ...page, name: 'Mfa_POST', at: t + 8000, status: 302, parameters: { totpCode: HIDDEN, _csrf: HIDDEN } }));
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

/** A registration through the API (`SignUp`, then `ConfirmSignUp`) or the managed login pages. */
export function signUp(ct: CloudTrailEvents, o: { client: AppClient; ip: string; at: number; sub: string; exists?: boolean; confirm?: boolean; userAgent?: string }): TimedEvent[] {
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
