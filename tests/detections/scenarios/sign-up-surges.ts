/**
 * Bot registrations (ATT&CK T1136.003): a wave of sign-ups through the API, and one through the managed login
 * pages, whose `Signup_POST` is the only trace of a new account (no sub; the confirmation comes later, or never).
 */
import { HOUR_MS, MINUTE_MS, defineScenario } from '../harness/scenario';
import { signUp } from '../harness/sign-in-events';
import { attackerIp } from '../harness/simulated-pool';
import { attempts } from './credential-attacks';

export const signUpSurgeApi = defineScenario({
  id: 'sign-up-surge-api',
  title: '120 SignUp calls in 40 minutes from 30 IPs, a third of them confirmed',
  kind: 'attack',
  technique: 'T1136.003',
  detectedBy: ['cognito_signup_surge'],
  seed: 301,
  generate(world) {
    const { random, pool, ct } = world;
    const ips = Array.from({ length: 30 }, () => attackerIp(random));
    const events = attempts(120, world.day + 15 * HOUR_MS + 5 * MINUTE_MS, 20_000, (i, at) =>
      signUp(ct, { client: pool.clients.mobile, ip: ips[i % 30] ?? '', at, sub: random.uuid(), confirm: i % 3 === 0, userAgent: 'okhttp/4.12.0' }),
    );
    return { events, offenders: { column: 'client_id', values: [pool.clients.mobile.id] } };
  },
});

export const signUpSurgeManagedLogin = defineScenario({
  id: 'sign-up-surge-managed-login',
  title: '80 registrations through the managed login pages (Signup_GET, Signup_POST 302) in 45 minutes, never confirmed',
  kind: 'attack',
  technique: 'T1136.003',
  detectedBy: ['cognito_signup_surge'],
  seed: 302,
  generate(world) {
    const { random, pool, ct } = world;
    const ips = Array.from({ length: 20 }, () => attackerIp(random));
    const events = attempts(80, world.day + 16 * HOUR_MS + 12 * MINUTE_MS, 33_000, (i, at) =>
      signUp(ct, { client: pool.clients.hostedUi, ip: ips[i % 20] ?? '', at, sub: random.uuid(), confirm: false }),
    );
    return { events, offenders: { column: 'client_id', values: [pool.clients.hostedUi.id] } };
  },
});
