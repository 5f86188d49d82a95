/**
 * Finding out which accounts exist (ATT&CK T1589, T1087): through answers that tell (UserNotFoundException
 * from a client without user-existence protection, UsernameExistsException from sign-up), and against a
 * client that protects against it, where the probes are only failures without a sub.
 */
import { forgotPassword } from '../harness/account-events';
import { HOUR_MS, MINUTE_MS, defineScenario } from '../harness/scenario';
import { signIn, signUp } from '../harness/sign-in-events';
import { attackerIp } from '../harness/simulated-pool';
import { attempts } from './credential-attacks';

const TOOL = 'Go-http-client/1.1';

export const enumerationUserNotFound = defineScenario({
  id: 'enumeration-user-not-found',
  title: 'One IP probes 40 usernames against the mobile client, which answers UserNotFoundException for the 32 that do not exist',
  kind: 'attack',
  technique: 'T1589',
  detectedBy: ['cognito_user_enumeration'],
  seed: 201,
  generate(world) {
    const { random, pool, ct } = world;
    const ip = attackerIp(random);
    const known = random.sample(pool.users, 8);
    const events = attempts(40, world.day + 1 * HOUR_MS + 17 * MINUTE_MS, 15_000, (i, at) => {
      const user = i % 5 === 0 ? known[i / 5] : undefined;
      return signIn(ct, { client: pool.clients.mobile, ip, at, password: user === undefined ? 'no_such_user' : 'wrong', userAgent: TOOL, ...(user === undefined ? {} : { user }) });
    });
    return { events, offenders: { column: 'source_ip', values: [ip] } };
  },
});

export const enumerationSignUpAndRecovery = defineScenario({
  id: 'enumeration-sign-up-and-recovery',
  title: 'One IP learns which e-mails have accounts from sign-up (15 UsernameExistsException) and password recovery (10 UserNotFoundException), without a single sign-in',
  kind: 'attack',
  technique: 'T1589',
  detectedBy: ['cognito_user_enumeration'],
  seed: 202,
  generate(world) {
    const { random, pool, ct } = world;
    const ip = attackerIp(random);
    const start = world.day + 8 * HOUR_MS + 52 * MINUTE_MS;
    const events = [
      ...attempts(15, start, 30_000, (_, at) => signUp(ct, { client: pool.clients.web, ip, at, sub: random.uuid(), exists: true, userAgent: TOOL })),
      ...attempts(10, start + 2 * MINUTE_MS, 45_000, (_, at) => forgotPassword(ct, { client: pool.clients.mobile, ip, at })),
    ];
    return { events, offenders: { column: 'source_ip', values: [ip] } };
  },
});

export const enumerationPrevented = defineScenario({
  id: 'enumeration-prevented',
  title: 'One IP probes 40 usernames against the web client, which prevents user-existence errors: 30 NotAuthorizedException without a sub, 10 with one',
  kind: 'attack',
  technique: 'T1110.003',
  detectedBy: ['cognito_password_spraying'],
  seed: 203,
  generate(world) {
    const { random, pool, ct } = world;
    const ip = attackerIp(random);
    const known = random.sample(pool.users, 10);
    const events = attempts(40, world.day + 9 * HOUR_MS + 33 * MINUTE_MS, 15_000, (i, at) => {
      const user = i % 4 === 0 ? known[i / 4] : undefined;
      return signIn(ct, { client: pool.clients.web, ip, at, password: user === undefined ? 'no_such_user' : 'wrong', userAgent: TOOL, ...(user === undefined ? {} : { user }) });
    });
    return { events, offenders: { column: 'source_ip', values: [ip] } };
  },
});
