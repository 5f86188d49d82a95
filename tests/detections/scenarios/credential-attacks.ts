/**
 * Attacks on passwords (ATT&CK T1110): spraying from one address (with and without subs, through the API and
 * through the managed login pages), guessing one account's password, credential stuffing from a botnet, a
 * flood of failures, and a guessed password that worked.
 */
import type { TimedEvent } from '../harness/cloudtrail';
import { HOUR_MS, MINUTE_MS, defineScenario, type ScenarioWorld } from '../harness/scenario';
import { signIn, type PasswordGuess } from '../harness/sign-in-events';
import { attackerIp, type AppClient, type SimulatedUser } from '../harness/simulated-pool';

const TOOL = 'python-requests/2.32.3';

/** `count` attempts `spacingMs` apart from `start`, each built by `attempt(i, at)`. */
export function attempts(count: number, start: number, spacingMs: number, attempt: (i: number, at: number) => TimedEvent[]): TimedEvent[] {
  return Array.from({ length: count }, (_, i) => attempt(i, start + i * spacingMs)).flat();
}

/** One password tried on each of `accounts` (an account is a user, or undefined for a username that does not exist). */
function spray(world: ScenarioWorld, o: { client: AppClient; ip: string; start: number; accounts: readonly (SimulatedUser | undefined)[]; spacingMs: number }): TimedEvent[] {
  return attempts(o.accounts.length, o.start, o.spacingMs, (i, at) => {
    const user = o.accounts[i];
    const password: PasswordGuess = user === undefined ? 'no_such_user' : 'wrong';
    return signIn(world.ct, { client: o.client, ip: o.ip, at, password, userAgent: TOOL, ...(user === undefined ? {} : { user }) });
  });
}

export const sprayingWithSub = defineScenario({
  id: 'spraying-with-sub',
  title: 'One IP tries one password on 40 existing accounts in 20 minutes (mobile client: failures carry the sub)',
  kind: 'attack',
  technique: 'T1110.003',
  detectedBy: ['cognito_password_spraying'],
  seed: 101,
  generate(world) {
    const ip = attackerIp(world.random);
    const accounts = world.random.sample(world.pool.users, 40);
    return { events: spray(world, { client: world.pool.clients.mobile, ip, start: world.day + 2 * HOUR_MS + 13 * MINUTE_MS, accounts, spacingMs: 30_000 }), offenders: { column: 'source_ip', values: [ip] } };
  },
});

export const sprayingWithoutSub = defineScenario({
  id: 'spraying-without-sub',
  title: 'One IP sprays 40 harvested usernames that do not exist, SRP web client preventing user-existence errors: no failure carries a sub',
  kind: 'attack',
  technique: 'T1110.003',
  detectedBy: ['cognito_password_spraying'],
  seed: 102,
  generate(world) {
    const ip = attackerIp(world.random);
    const accounts = Array.from({ length: 40 }, () => undefined);
    return { events: spray(world, { client: world.pool.clients.web, ip, start: world.day + 3 * HOUR_MS + 7 * MINUTE_MS, accounts, spacingMs: 30_000 }), offenders: { column: 'source_ip', values: [ip] } };
  },
});

export const sprayingManagedLogin = defineScenario({
  id: 'spraying-managed-login',
  title: 'One IP sprays 30 accounts through the managed login pages (Login_POST 400, no sub)',
  kind: 'attack',
  technique: 'T1110.003',
  detectedBy: ['cognito_password_spraying'],
  seed: 103,
  generate(world) {
    const ip = attackerIp(world.random);
    const accounts = world.random.sample(world.pool.users, 30);
    return { events: spray(world, { client: world.pool.clients.hostedUi, ip, start: world.day + 4 * HOUR_MS + 2 * MINUTE_MS, accounts, spacingMs: 40_000 }), offenders: { column: 'source_ip', values: [ip] } };
  },
});

export const sprayingTwoCampaigns = defineScenario({
  id: 'spraying-two-campaigns',
  title: 'Two IPs spray 15 accounts each, the second starting 20 minutes after the first: both must be reported',
  kind: 'attack',
  technique: 'T1110.003',
  detectedBy: ['cognito_password_spraying'],
  seed: 104,
  generate(world) {
    const [first, second] = [attackerIp(world.random), attackerIp(world.random)];
    const start = world.day + 5 * HOUR_MS + 1 * MINUTE_MS;
    const events = [
      ...spray(world, { client: world.pool.clients.mobile, ip: first, start, accounts: world.random.sample(world.pool.users, 15), spacingMs: 20_000 }),
      ...spray(world, { client: world.pool.clients.web, ip: second, start: start + 20 * MINUTE_MS, accounts: world.random.sample(world.pool.users, 15), spacingMs: 20_000 }),
    ];
    return { events, offenders: { column: 'source_ip', values: [first, second] } };
  },
});

export const bruteForceOneAccount = defineScenario({
  id: 'brute-force-one-account',
  title: 'One IP tries 30 passwords on one account in 10 minutes',
  kind: 'attack',
  technique: 'T1110.001',
  detectedBy: ['cognito_brute_force_user'],
  seed: 105,
  generate(world) {
    const ip = attackerIp(world.random);
    const user = world.random.pick(world.pool.users.filter((u) => u.client.flow !== 'managed_login'));
    const events = attempts(30, world.day + 6 * HOUR_MS + 4 * MINUTE_MS, 20_000, (_, at) => signIn(world.ct, { client: user.client, ip, at, user, password: 'wrong', userAgent: TOOL }));
    return { events, offenders: { column: 'user_sub', values: [user.sub] } };
  },
});

export const bruteForceDistributed = defineScenario({
  id: 'brute-force-distributed',
  title: 'One account guessed from 25 IPs, 2 tries each, in 15 minutes (no IP stands out)',
  kind: 'attack',
  technique: 'T1110.001',
  detectedBy: ['cognito_brute_force_user'],
  seed: 106,
  generate(world) {
    const user = world.random.pick(world.pool.users.filter((u) => u.client.name === 'mobile'));
    const ips = Array.from({ length: 25 }, () => attackerIp(world.random));
    const events = attempts(50, world.day + 7 * HOUR_MS + 2 * MINUTE_MS, 18_000, (i, at) => signIn(world.ct, { client: user.client, ip: ips[i % 25] ?? '', at, user, password: 'wrong', userAgent: TOOL }));
    return { events, offenders: { column: 'user_sub', values: [user.sub] } };
  },
});

export const credentialStuffing = defineScenario({
  id: 'credential-stuffing',
  title: 'A botnet of 150 IPs replays 300 leaked e-mail/password pairs over 45 minutes, 2 tries per IP; most e-mails have no account here, 3 % of the pairs work',
  kind: 'attack',
  technique: 'T1110.004',
  detectedBy: ['cognito_credential_stuffing'],
  seed: 107,
  generate(world) {
    const { random, pool } = world;
    const ips = Array.from({ length: 150 }, () => attackerIp(random));
    const known = random.sample(pool.users.filter((u) => u.client.name === 'web'), 120);
    const events = attempts(300, world.day + 10 * HOUR_MS + 3 * MINUTE_MS, 9_000, (i, at) => {
      const user = i % 5 < 2 ? known[i % known.length] : undefined;
      const password: PasswordGuess = user === undefined ? 'no_such_user' : random.chance(0.08) ? 'correct' : 'wrong';
      return signIn(world.ct, { client: pool.clients.web, ip: ips[i % 150] ?? '', at, password, userAgent: TOOL, ...(user === undefined ? {} : { user }) });
    });
    return { events, offenders: { column: 'client_id', values: [pool.clients.web.id] } };
  },
});

export const failureFlood = defineScenario({
  id: 'failure-flood',
  title: '40 IPs fire 400 wrong passwords at the mobile client in 10 minutes',
  kind: 'attack',
  technique: 'T1110',
  detectedBy: ['cognito_failed_signin_spike', 'cognito_signin_success_rate_drop'],
  seed: 108,
  generate(world) {
    const { random, pool } = world;
    const ips = Array.from({ length: 40 }, () => attackerIp(random));
    const events = attempts(400, world.day + 11 * HOUR_MS + 31 * MINUTE_MS, 1_500, (i, at) => {
      const user = random.chance(0.5) ? random.pick(pool.users) : undefined;
      return signIn(world.ct, { client: pool.clients.mobile, ip: ips[i % 40] ?? '', at, password: user === undefined ? 'no_such_user' : 'wrong', userAgent: TOOL, ...(user === undefined ? {} : { user }) });
    });
    return { events, offenders: { column: 'client_id', values: [pool.clients.mobile.id] } };
  },
});

export const signInAfterFailures = defineScenario({
  id: 'sign-in-after-failures',
  title: 'One IP guesses 4 passwords on each of 3 accounts, then signs in to one of them: too few accounts for spraying, too few tries for brute force',
  kind: 'attack',
  technique: 'T1078.004',
  detectedBy: ['cognito_signin_after_failures'],
  seed: 109,
  generate(world) {
    const ip = attackerIp(world.random);
    const victims = world.random.sample(world.pool.users.filter((u) => u.client.name === 'mobile' && !u.totp), 3);
    const start = world.day + 12 * HOUR_MS + 46 * MINUTE_MS;
    const guesses = attempts(12, start, 25_000, (i, at) => signIn(world.ct, { client: world.pool.clients.mobile, ip, at, user: victims[i % 3] as SimulatedUser, password: 'wrong', userAgent: TOOL }));
    const success = signIn(world.ct, { client: world.pool.clients.mobile, ip, at: start + 12 * 25_000, user: victims[0] as SimulatedUser, password: 'correct', userAgent: TOOL });
    return { events: [...guesses, ...success], offenders: { column: 'source_ip', values: [ip] } };
  },
});
