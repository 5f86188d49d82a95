/**
 * A normal day of a pool of POOL_SIZE users, which must raise no alert at the default thresholds:
 * - diurnal sessions of about 60 % of the users, with typos, wrong TOTP codes and forgotten passwords;
 * - managed-login page views, token refreshes, identity-pool credentials;
 * - a customer's office signing in 120 employees through one NAT address in the morning;
 * - a back-office portal signing users in server-side (AdminInitiateAuth) from one address;
 * - sign-ups (API and managed login; some abandoned, some with an e-mail that already has an account);
 * - profile and e-mail changes, TOTP enrolments, a help desk resetting a few passwords, configuration reads;
 * - a mobile release at 14:00 whose bug fails sign-ins with InvalidParameterException for 20 minutes, and a
 *   burst of throttling: client errors, not an attack.
 * It holds no configuration change: every one is reported, by design.
 */
import { changeEmail, changeProfile, enrolTotp } from '../harness/account-events';
import { HELPDESK, OFFICE_IP, adminCreateUser, adminUserAction, configRead } from '../harness/admin-events';
import type { TimedEvent } from '../harness/cloudtrail';
import { HOUR_MS, MINUTE_MS, defineScenario, type ScenarioWorld } from '../harness/scenario';
import { adminSignIn, signIn, signUp } from '../harness/sign-in-events';
import { residentialIp } from '../harness/simulated-pool';
import { diurnalTime, userSession } from './user-sessions';

/** The customer office's NAT address. */
export const OFFICE_NAT_IP = '198.51.100.77';
/** The back-office portal that signs users in with AdminInitiateAuth. */
export const PORTAL_IP = '192.0.2.50';
const PORTAL = { roleName: 'PortalBackend', sessionName: 'portal' };

function sessions(world: ScenarioWorld): TimedEvent[] {
  const { random, pool, day } = world;
  return pool.users.flatMap((user) => {
    if (!random.chance(0.6)) return [];
    const count = random.chance(0.25) ? 2 : 1;
    return Array.from({ length: count }, () => userSession(world, user, { at: diurnalTime(random, day) })).flat();
  });
}

function officeMorning(world: ScenarioWorld): TimedEvent[] {
  const { random, pool, day } = world;
  const employees = random.sample(pool.users.filter((u) => u.client.flow === 'managed_login'), 120);
  return employees.flatMap((user) => userSession(world, user, { at: day + 8 * HOUR_MS + 45 * MINUTE_MS + random.int(0, 45 * 60) * 1000, ip: OFFICE_NAT_IP }));
}

function portalSignIns(world: ScenarioWorld): TimedEvent[] {
  const { random, pool, ct, day } = world;
  return random.sample(pool.users, 150).flatMap((user) => {
    const at = day + random.int(8, 17) * HOUR_MS + random.int(0, 3599) * 1000;
    const typo = random.chance(0.08) ? [adminSignIn(ct, { client: pool.clients.web, ip: PORTAL_IP, at, user, correct: false, principal: PORTAL })] : [];
    return [...typo, adminSignIn(ct, { client: pool.clients.web, ip: PORTAL_IP, at: at + 20_000, user, correct: true, principal: PORTAL })];
  });
}

function signUps(world: ScenarioWorld): TimedEvent[] {
  const { random, pool, ct, day } = world;
  return Array.from({ length: 40 }, () => {
    const client = random.pick([pool.clients.web, pool.clients.mobile, pool.clients.hostedUi]);
    const at = diurnalTime(random, day);
    const ip = residentialIp(random);
    const retried = random.chance(0.05) ? signUp(ct, { client, ip, at: at - 40_000, sub: random.uuid(), exists: true }) : [];
    return [...retried, ...signUp(ct, { client, ip, at, sub: random.uuid(), confirm: random.chance(0.9) })];
  }).flat();
}

function accountChanges(world: ScenarioWorld): TimedEvent[] {
  const { random, pool, ct, day } = world;
  const users = random.sample(pool.users.filter((u) => u.client.flow !== 'managed_login'), 35);
  return users.flatMap((user, i) => {
    const at = diurnalTime(random, day);
    const session = signIn(ct, { client: user.client, ip: user.ip, at, user, password: 'correct' });
    if (i < 20) return [...session, changeProfile(ct, user, user.ip, at + 2 * MINUTE_MS)];
    if (i < 25) return [...session, ...changeEmail(ct, user, user.ip, at + 2 * MINUTE_MS)];
    return user.totp ? session : [...session, ...enrolTotp(ct, user, user.ip, at + 2 * MINUTE_MS)];
  });
}

function helpDesk(world: ScenarioWorld): TimedEvent[] {
  const { random, pool, ct, day } = world;
  const at = (): number => day + random.int(9, 16) * HOUR_MS + random.int(0, 3599) * 1000;
  const events = random.sample(pool.users, 4).map((user) => adminUserAction(ct, { action: 'AdminResetUserPassword', user, principal: HELPDESK, ip: OFFICE_IP, at: at() }));
  events.push(adminUserAction(ct, { action: 'AdminDisableUser', user: random.pick(pool.users), principal: HELPDESK, ip: OFFICE_IP, at: at() }));
  for (let i = 0; i < 2; i += 1) events.push(adminCreateUser(ct, { sub: random.uuid(), principal: HELPDESK, ip: OFFICE_IP, at: at() }));
  for (let i = 0; i < 20; i += 1) events.push(configRead(ct, { name: random.pick(['DescribeUserPool', 'ListUsers', 'DescribeUserPoolClient', 'GetUserPoolMfaConfig']), principal: HELPDESK, ip: OFFICE_IP, at: at() }));
  return events;
}

/**
 * The 14:00 mobile release: sign-ins fail with InvalidParameterException until the 14:20 hotfix, each of 160
 * users retrying once or twice; throttling on top. Over 100 failures in 10 minutes, none of them a wrong password.
 */
function badRelease(world: ScenarioWorld): TimedEvent[] {
  const { random, pool, ct, day } = world;
  const start = day + 14 * HOUR_MS;
  const users = random.sample(pool.users.filter((u) => u.client.name === 'mobile'), 160);
  const invalid = { code: 'InvalidParameterException', message: 'Missing required parameter USERNAME' };
  const throttled = { code: 'TooManyRequestsException', message: 'Rate exceeded' };
  return users.flatMap((user, i) => {
    const requestParameters = { authFlow: 'USER_PASSWORD_AUTH', authParameters: 'HIDDEN_DUE_TO_SECURITY_REASONS', clientId: user.client.id };
    const first = start + random.int(0, 20 * 60) * 1000;
    return Array.from({ length: random.int(1, 3) }, (_, retry) => ct.apiCall({ name: 'InitiateAuth', at: first + retry * 15_000, ip: user.ip, requestParameters, error: (i + retry) % 8 === 0 ? throttled : invalid }));
  });
}

export const baselineDay = defineScenario({
  id: 'baseline-day',
  title: `A day of ${'3,000'} users: diurnal sign-ins with typos and forgotten passwords, managed-login pages, refreshes, an office NAT, server-side sign-ins, sign-ups, a help desk, a broken mobile release`,
  kind: 'benign',
  detectedBy: [],
  seed: 1,
  generate: (world) => ({ events: baselineEvents(world) }),
});

/** The baseline's events, for scenarios that play something on top of a normal day. */
export function baselineEvents(world: ScenarioWorld): TimedEvent[] {
  return [...sessions(world), ...officeMorning(world), ...portalSignIns(world), ...signUps(world), ...accountChanges(world), ...helpDesk(world), ...badRelease(world)];
}
