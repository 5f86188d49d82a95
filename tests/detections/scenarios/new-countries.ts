/**
 * Sign-ins from a country a user has not signed in from in the look-back window (ATT&CK T1078.004: a
 * password used from somewhere its owner never is), played over the scenario day and the two weeks before
 * it, so each user has a history; only the scenario day is judged, from the attack on (the first week is
 * the look-back's warm-up). The look-alikes that must stay quiet: a user who lives between two countries, a user with no
 * sign-in in the window, an attacker whose passwords are wrong, and a trip repeated just inside the
 * look-back; and the trip repeated just outside it, which is new again.
 */
import type { TimedEvent } from '../harness/cloudtrail';
import { DAY_MS, HOUR_MS, MINUTE_MS, defineScenario, type ScenarioWorld } from '../harness/scenario';
import { signIn } from '../harness/sign-in-events';
import { attackerIp, type SimulatedUser } from '../harness/simulated-pool';
import type { Place } from '../harness/user-activity-events';

const TOOL = 'python-requests/2.32.3';
/** The alert's default look-back (thresholds.json, `lookback_minutes`). */
export const LOOKBACK_MS = 10_080 * MINUTE_MS;
/** Places of the users' own travels: no user lives there and no attacker address is placed there. */
const BRUSSELS: Place = { city: 'Brussels', country: 'Belgium' };
const VIENNA: Place = { city: 'Vienna', country: 'Austria' };

/** One sign-in a day, at `hour` (UTC) give or take an hour, on each of `days` days before the scenario day. */
function dailySignIns(world: ScenarioWorld, user: SimulatedUser, o: { days: readonly number[]; hour: number; place?: (day: number) => Place | undefined }): TimedEvent[] {
  return o.days.flatMap((d) => {
    const place = o.place?.(d);
    const at = world.day - d * DAY_MS + o.hour * HOUR_MS + world.random.int(-3600, 3600) * 1000;
    return signIn(world.ct, { client: user.client, ip: user.ip, at, user, password: 'correct', ...(place === undefined ? {} : { place }) });
  });
}

/** Days before the scenario day with a sign-in: two weeks, one the look-back's warm-up. */
const TWO_WEEKS = Array.from({ length: 14 }, (_, i) => i + 1);

/** `count` users of the web client without TOTP, distinct. */
const webUsers = (world: ScenarioWorld, count: number): SimulatedUser[] =>
  world.random.sample(
    world.pool.users.filter((u) => u.client.name === 'web' && !u.totp),
    count,
  );

export const signInFromNewCountry = defineScenario({
  id: 'sign-in-from-new-country',
  title: 'Two users who sign in from home every day: a phished password signs one in from abroad; the other one stops the attacker at the second factor (InProgress)',
  kind: 'attack',
  technique: 'T1078.004',
  detectedBy: ['cognito_new_country_sign_in'],
  seed: 1001,
  generate(world) {
    const [phished, guarded] = webUsers(world, 2) as [SimulatedUser, SimulatedUser];
    const ip = attackerIp(world.random);
    const at = world.day + 14 * HOUR_MS + 10 * MINUTE_MS;
    const events = [
      ...dailySignIns(world, phished, { days: TWO_WEEKS, hour: 8 }),
      ...dailySignIns(world, guarded, { days: TWO_WEEKS, hour: 19 }),
      ...signIn(world.ct, { client: phished.client, ip, at, user: phished, password: 'correct', userAgent: TOOL }),
      ...signIn(world.ct, { client: guarded.client, ip, at: at + 4 * MINUTE_MS, user: guarded, password: 'correct', userAgent: TOOL, risk: { level: 'Medium', decision: 'AccountTakeover' }, abandonsSecondFactor: true }),
    ];
    return { events, offenders: { column: 'user_sub', values: [phished.sub, guarded.sub] }, judgedFrom: at };
  },
});

/** The time of today's trip in the edge scenarios; the earlier trip is a look-back away, give or take. */
const TRIP_AT_HOUR = 10;

export const newCountryLookAlikes = defineScenario({
  id: 'new-country-look-alikes',
  title:
    'A commuter between Belgium and home; a user back after 10 days away, from Austria; an attacker failing 3 passwords from abroad on a user with a history; a trip to Vienna repeated 2 hours inside the 7-day look-back',
  kind: 'benign',
  detectedBy: [],
  seed: 1002,
  generate(world) {
    const [commuter, returning, targeted, traveller] = webUsers(world, 4) as [SimulatedUser, SimulatedUser, SimulatedUser, SimulatedUser];
    const today = world.day + TRIP_AT_HOUR * HOUR_MS;
    const attacker = attackerIp(world.random);
    const events = [
      ...dailySignIns(world, commuter, { days: TWO_WEEKS, hour: 8, place: (d) => (d % 2 === 0 ? BRUSSELS : undefined) }),
      ...signIn(world.ct, { client: commuter.client, ip: commuter.ip, at: today + 5 * MINUTE_MS, user: commuter, password: 'correct', place: BRUSSELS }),
      ...dailySignIns(world, returning, { days: [10, 11, 12], hour: 18 }),
      ...signIn(world.ct, { client: returning.client, ip: returning.ip, at: today + 20 * MINUTE_MS, user: returning, password: 'correct', place: VIENNA }),
      ...dailySignIns(world, targeted, { days: TWO_WEEKS, hour: 12 }),
      ...[0, 1, 2].flatMap((i) => signIn(world.ct, { client: targeted.client, ip: attacker, at: today + (40 + i) * MINUTE_MS, user: targeted, password: 'wrong', userAgent: TOOL })),
      ...dailySignIns(world, traveller, { days: TWO_WEEKS, hour: 21 }),
      ...signIn(world.ct, { client: traveller.client, ip: traveller.ip, at: today - LOOKBACK_MS + 2 * HOUR_MS, user: traveller, password: 'correct', place: VIENNA }),
      ...signIn(world.ct, { client: traveller.client, ip: traveller.ip, at: today, user: traveller, password: 'correct', place: VIENNA }),
    ];
    return { events, judgedFrom: world.day };
  },
});

export const newCountryAfterLookback = defineScenario({
  id: 'new-country-after-lookback',
  title: 'A trip to Vienna repeated 1 hour after the 7-day look-back has passed the last one: new again, with a week of sign-ins from home in between',
  kind: 'attack',
  technique: 'T1078.004',
  detectedBy: ['cognito_new_country_sign_in'],
  seed: 1003,
  generate(world) {
    const [traveller] = webUsers(world, 1) as [SimulatedUser];
    const today = world.day + TRIP_AT_HOUR * HOUR_MS;
    const events = [
      ...dailySignIns(world, traveller, { days: TWO_WEEKS, hour: 21 }),
      ...signIn(world.ct, { client: traveller.client, ip: traveller.ip, at: today - LOOKBACK_MS - HOUR_MS, user: traveller, password: 'correct', place: VIENNA }),
      ...signIn(world.ct, { client: traveller.client, ip: traveller.ip, at: today, user: traveller, password: 'correct', place: VIENNA }),
    ];
    return { events, offenders: { column: 'user_sub', values: [traveller.sub] }, judgedFrom: today };
  },
});
