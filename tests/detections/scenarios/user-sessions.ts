/**
 * One user's ordinary use of the app, the building block of the benign baseline: a sign-in (with the typos,
 * wrong authenticator codes and forgotten passwords real users have), then what the app does while the user
 * is in it (GetUser, identity-pool credentials, token refreshes every ~55 minutes), and sometimes a sign-out.
 */
import { forgotPassword, identityPoolCredentials } from '../harness/account-events';
import type { TimedEvent } from '../harness/cloudtrail';
import type { Random } from '../harness/random';
import { MINUTE_MS, type ScenarioWorld } from '../harness/scenario';
import { getUser, refreshTokens, signIn, signOut, wrongTotpCode } from '../harness/sign-in-events';
import type { SimulatedUser } from '../harness/simulated-pool';

/** Relative sign-in volume per UTC hour for a European audience: quiet nights, a morning and an evening peak. */
export const DIURNAL_WEIGHTS = [0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 1, 2, 3, 3.2, 3, 2.8, 3, 3, 2.8, 2.7, 2.8, 3, 3.2, 3.5, 3.3, 2.5, 1.5, 0.7] as const;

/** A time on `day` drawn from the diurnal curve. */
export function diurnalTime(random: Random, day: number): number {
  const hour = random.weighted(DIURNAL_WEIGHTS);
  return day + hour * 3_600_000 + random.int(0, 3_599) * 1000;
}

/** How many wrong passwords come before the right one: most users none, some a typo, a few forget it. */
function wrongPasswords(random: Random): { wrong: number; forgot: boolean } {
  const r = random.next();
  if (r < 0.004) return { wrong: random.int(3, 7), forgot: true };
  if (r < 0.02) return { wrong: random.int(2, 3), forgot: false };
  if (r < 0.1) return { wrong: 1, forgot: false };
  return { wrong: 0, forgot: false };
}

export interface SessionOptions {
  readonly at: number;
  /** Where the user is today (default: their usual address). */
  readonly ip?: string;
}

/** One session of `user`: sign-in, use, refreshes, maybe sign-out. */
export function userSession(world: ScenarioWorld, user: SimulatedUser, options: SessionOptions): TimedEvent[] {
  const { random, ct } = world;
  const ip = options.ip ?? user.ip;
  const client = user.client;
  const events: TimedEvent[] = [];
  let t = options.at;
  const { wrong, forgot } = wrongPasswords(random);
  for (let i = 0; i < wrong; i += 1, t += random.int(8, 25) * 1000) events.push(...signIn(ct, { client, ip, at: t, user, password: 'wrong' }));
  if (forgot) {
    events.push(...forgotPassword(ct, { client, ip, at: t, user, wrongCodes: random.chance(0.2) ? 1 : 0 }));
    t += 4 * MINUTE_MS;
  }
  events.push(...signIn(ct, { client, ip, at: t, user, password: 'correct' }));
  if (user.totp && client.flow !== 'managed_login' && random.chance(0.03)) events.push(wrongTotpCode(ct, user, ip, t + 5000));
  t += 15_000;
  const minutes = random.int(5, 240);
  const end = t + minutes * MINUTE_MS;
  if (client.flow !== 'managed_login') {
    for (let calls = random.int(1, 3); calls > 0; calls -= 1) events.push(getUser(ct, user, ip, t + random.int(1, minutes * 60) * 1000));
  }
  if (client.name === 'mobile' && random.chance(0.5)) events.push(...identityPoolCredentials(ct, user, ip, t + 2000));
  for (let refresh = t + 55 * MINUTE_MS; refresh < end; refresh += 55 * MINUTE_MS) events.push(refreshTokens(ct, user, ip, refresh));
  if (random.chance(0.3)) events.push(signOut(ct, user, ip, end));
  return events;
}
