/**
 * What an attacker does with an account once in: weaken or replace its MFA right after signing in (ATT&CK
 * T1556.006, T1098.005), move its recovery e-mail and reset the password (T1098), or, with an administrator's
 * AWS credentials, reset many users' passwords at once (T1098, T1531).
 */
import { changeEmail, enrolTotp, forgotPassword, setMfaPreference } from '../harness/account-events';
import { adminUserAction } from '../harness/admin-events';
import { HOUR_MS, MINUTE_MS, defineScenario, type ScenarioWorld } from '../harness/scenario';
import { getUser, signIn } from '../harness/sign-in-events';
import { attackerIp, type SimulatedUser } from '../harness/simulated-pool';
import { attempts } from './credential-attacks';

/** A user whose sign-in asks for a TOTP code, on an API client. */
function totpUser(world: ScenarioWorld): SimulatedUser {
  return world.random.pick(world.pool.users.filter((u) => u.totp && u.client.flow !== 'managed_login'));
}

export const mfaDisabledAfterSignIn = defineScenario({
  id: 'mfa-disabled-after-sign-in',
  title: 'A phished password and TOTP code: the attacker signs in from a new IP and turns TOTP off two minutes later',
  kind: 'attack',
  technique: 'T1556.006',
  detectedBy: ['cognito_mfa_change_after_sign_in'],
  seed: 401,
  generate(world) {
    const { ct } = world;
    const user = totpUser(world);
    const ip = attackerIp(world.random);
    const at = world.day + 13 * HOUR_MS + 21 * MINUTE_MS;
    const events = [...signIn(ct, { client: user.client, ip, at, user, password: 'correct' }), getUser(ct, user, ip, at + MINUTE_MS), setMfaPreference(ct, user, ip, at + 2 * MINUTE_MS, false)];
    return { events, offenders: { column: 'user_sub', values: [user.sub] } };
  },
});

export const mfaDeviceReplacedAfterSignIn = defineScenario({
  id: 'mfa-device-replaced-after-sign-in',
  title: 'After passing the TOTP challenge with a phished code, the attacker registers their own authenticator app',
  kind: 'attack',
  technique: 'T1098.005',
  detectedBy: ['cognito_mfa_change_after_sign_in'],
  seed: 402,
  generate(world) {
    const { ct } = world;
    const user = totpUser(world);
    const ip = attackerIp(world.random);
    const at = world.day + 18 * HOUR_MS + 4 * MINUTE_MS;
    const events = [...signIn(ct, { client: user.client, ip, at, user, password: 'correct' }), ...enrolTotp(ct, user, ip, at + 3 * MINUTE_MS)];
    return { events, offenders: { column: 'user_sub', values: [user.sub] } };
  },
});

export const emailChangedThenPasswordReset = defineScenario({
  id: 'email-changed-then-password-reset',
  title: "With a stolen session, the attacker changes the account's e-mail to their own, verifies it, then resets the password through it",
  kind: 'attack',
  technique: 'T1098',
  detectedBy: ['cognito_email_change_then_password_reset'],
  seed: 403,
  generate(world) {
    const { ct } = world;
    const user = world.random.pick(world.pool.users.filter((u) => u.client.flow !== 'managed_login'));
    const ip = attackerIp(world.random);
    const at = world.day + 20 * HOUR_MS + 40 * MINUTE_MS;
    const events = [...changeEmail(ct, user, ip, at), ...forgotPassword(ct, { client: user.client, ip, at: at + 12 * MINUTE_MS, user })];
    return { events, offenders: { column: 'user_sub', values: [user.sub] } };
  },
});

export const massAdminPasswordReset = defineScenario({
  id: 'mass-admin-password-reset',
  title: 'Leaked CI credentials: an IAM role that never manages users resets the passwords of 40 users in 20 minutes',
  kind: 'attack',
  technique: 'T1531',
  detectedBy: ['cognito_mass_password_reset'],
  seed: 404,
  generate(world) {
    const { ct, random, pool } = world;
    const principal = { roleName: 'CiDeploy', sessionName: 'github-actions' };
    const ip = attackerIp(random);
    const users = random.sample(pool.users, 40);
    const events = attempts(40, world.day + 22 * HOUR_MS + 10 * MINUTE_MS, 30_000, (i, at) => [adminUserAction(ct, { action: 'AdminResetUserPassword', user: users[i] as SimulatedUser, principal, ip, at })]);
    return { events, offenders: { column: 'principal_arn', values: [`arn:aws:sts::${pool.accountId}:assumed-role/CiDeploy/github-actions`] } };
  },
});
