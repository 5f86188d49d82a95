/**
 * The baseline under Firehose's at-least-once delivery, activity just under the thresholds delivered twice
 * (a count of rows instead of distinct event ids would cross them), and attacks played inside a normal day.
 */
import { HELPDESK, OFFICE_IP, adminUserAction } from '../harness/admin-events';
import { HOUR_MS, MINUTE_MS, defineScenario, generateScenario } from '../harness/scenario';
import { signIn, signUp } from '../harness/sign-in-events';
import { residentialIp, type SimulatedUser } from '../harness/simulated-pool';
import { baselineDay } from './baseline-day';
import { identityPoolRolesSwapped } from './configuration-changes';
import { attempts, sprayingWithoutSub } from './credential-attacks';
import { signUpSurgeManagedLogin } from './sign-up-surges';

export const baselineRedelivered = defineScenario({
  id: 'baseline-day-redelivered',
  title: 'The same day with 15 % of the Firehose deliveries sent twice',
  kind: 'benign',
  detectedBy: [],
  seed: baselineDay.seed,
  redelivered: 0.15,
  generate: () => generateScenario(baselineDay),
});

export const nearThresholdRedelivered = defineScenario({
  id: 'near-threshold-redelivered',
  title: 'Every delivery sent twice: a user mistyping 7 times, a promotion bringing 40 sign-ups in 50 minutes, a help desk resetting 6 passwords',
  kind: 'benign',
  detectedBy: [],
  seed: 601,
  redelivered: 1,
  generate(world) {
    const { random, pool, ct, day } = world;
    const user = random.pick(pool.users.filter((u) => u.client.name === 'mobile'));
    const start = day + 10 * HOUR_MS;
    const typos = attempts(7, start, 40_000, (_, at) => signIn(ct, { client: user.client, ip: user.ip, at, user, password: 'wrong' }));
    const promotion = attempts(40, start + 2 * HOUR_MS, 75_000, (_, at) => signUp(ct, { client: pool.clients.web, ip: residentialIp(random), at, sub: random.uuid() }));
    const resets = attempts(6, start + 4 * HOUR_MS, 5 * MINUTE_MS, (i, at) => [adminUserAction(ct, { action: 'AdminResetUserPassword', user: pool.users[i] as SimulatedUser, principal: HELPDESK, ip: OFFICE_IP, at })]);
    return { events: [...typos, ...signIn(ct, { client: user.client, ip: user.ip, at: start + 8 * MINUTE_MS, user, password: 'correct' }), ...promotion, ...resets] };
  },
});

export const attacksInADay = defineScenario({
  id: 'attacks-in-a-day',
  title: 'The baseline day with three attacks inside it: a spray of unknown usernames, a managed-login sign-up surge, an identity-pool role swap',
  kind: 'attack',
  technique: 'T1110.003, T1136.003, T1098.003',
  detectedBy: ['cognito_password_spraying', 'cognito_signup_surge', 'cognito_auth_config_change'],
  seed: 701,
  playedWith: [baselineDay, sprayingWithoutSub, signUpSurgeManagedLogin, identityPoolRolesSwapped],
  generate: () => ({ events: [], offenders: { column: 'source_ip', values: generateScenario(sprayingWithoutSub).offenders?.values ?? [], alerts: ['cognito_password_spraying'] } }),
});
