/**
 * Threat protection's own verdicts, which only its user activity log carries: sign-ins it rated High risk or
 * blocked (ATT&CK T1078.004, someone else at the keyboard), passwords it found in a breach (T1110.004), what
 * must not be taken for them (Medium risk answered with a second factor), and verdicts that log delivery
 * brings late. The pool blocks High risk and breached passwords on its clients (the managed login client
 * blocks Medium risk too), except the mobile client, whose threat protection only audits (client-level risk
 * configurations).
 */
import { HOUR_MS, MINUTE_MS, defineScenario, generateScenario } from '../harness/scenario';
import { signIn } from '../harness/sign-in-events';
import { attackerIp, type SimulatedUser } from '../harness/simulated-pool';
import type { Risk } from '../harness/user-activity-events';
import { baselineDay } from './baseline-day';
import { attempts } from './credential-attacks';

const TOOL = 'python-requests/2.32.3';
const HIGH_BLOCKED: Risk = { level: 'High', decision: 'Block' };
const MEDIUM_BLOCKED: Risk = { level: 'Medium', decision: 'Block' };
/** Audit-only: rated, not acted on. */
const HIGH_AUDITED: Risk = { level: 'High', decision: 'NoRisk' };
const BREACHED_BLOCKED: Risk = { level: 'High', decision: 'Block', compromised: true };
const BREACHED_AUDITED: Risk = { level: 'Low', decision: 'NoRisk', compromised: true };
/** How late log delivery brings the verdicts in verdicts-reported-late: inside the alerts' 30-minute period. */
export const LATE_DELIVERY_MS = 25 * MINUTE_MS;

export const riskySignInsBlocked = defineScenario({
  id: 'risky-sign-ins-blocked',
  title:
    "Someone with four users' passwords signs in from abroad: threat protection blocks two High-risk sign-ins on the web client and a Medium-risk one on the managed login pages, and lets a High-risk one through on the audit-only mobile client",
  kind: 'attack',
  technique: 'T1078.004',
  detectedBy: ['cognito_high_risk_sign_in'],
  seed: 901,
  generate(world) {
    const { random, pool, ct, day } = world;
    const ip = attackerIp(random);
    const web = random.sample(pool.users.filter((u) => u.client.name === 'web' && !u.totp), 2);
    const hostedUi = random.pick(pool.users.filter((u) => u.client.name === 'hosted_ui' && !u.totp));
    const mobile = random.pick(pool.users.filter((u) => u.client.name === 'mobile' && !u.totp));
    const victims = [...web, hostedUi, mobile];
    const risks = new Map<SimulatedUser, Risk>([
      [hostedUi, MEDIUM_BLOCKED],
      [mobile, HIGH_AUDITED],
    ]);
    const events = attempts(4, day + 15 * HOUR_MS + 22 * MINUTE_MS, 3 * MINUTE_MS, (i, at) => {
      const user = victims[i] as SimulatedUser;
      return signIn(ct, { client: user.client, ip, at, user, password: 'correct', userAgent: TOOL, risk: risks.get(user) ?? HIGH_BLOCKED });
    });
    return { events, offenders: { column: 'user_sub', values: victims.map((v) => v.sub) } };
  },
});

export const mediumRiskSecondFactor = defineScenario({
  id: 'medium-risk-second-factor',
  title: '15 users sign in from new devices, which threat protection rates Medium and answers with a second factor (AccountTakeover) that each passes; 10 others mistype their password once',
  kind: 'benign',
  detectedBy: [],
  seed: 902,
  generate(world) {
    const { random, pool, ct, day } = world;
    const users = random.sample(
      pool.users.filter((u) => u.client.name === 'web' && !u.totp),
      25,
    );
    const events = attempts(25, day + 11 * HOUR_MS + 4 * MINUTE_MS, 2 * MINUTE_MS, (i, at) => {
      const user = users[i] as SimulatedUser;
      if (i < 15) return signIn(ct, { client: user.client, ip: user.ip, at, user, password: 'correct', risk: { level: 'Medium', decision: 'AccountTakeover' } });
      return [...signIn(ct, { client: user.client, ip: user.ip, at, user, password: 'wrong' }), ...signIn(ct, { client: user.client, ip: user.ip, at: at + 20_000, user, password: 'correct' })];
    });
    return { events };
  },
});

export const breachedPasswords = defineScenario({
  id: 'breached-passwords',
  title:
    'Breached e-mail/password pairs replayed from 8 IPs hit 8 accounts whose password is on the list: threat protection recognises them, blocks 7 on the web client and lets 1 through on the audit-only mobile client',
  kind: 'attack',
  technique: 'T1110.004',
  detectedBy: ['cognito_compromised_credentials'],
  seed: 903,
  generate(world) {
    const { random, pool, ct, day } = world;
    const ips = Array.from({ length: 8 }, () => attackerIp(random));
    const web = random.sample(pool.users.filter((u) => u.client.name === 'web' && !u.totp), 7);
    const mobile = random.pick(pool.users.filter((u) => u.client.name === 'mobile' && !u.totp));
    const victims = [...web, mobile];
    const events = attempts(8, day + 16 * HOUR_MS + 48 * MINUTE_MS, 70_000, (i, at) => {
      const user = victims[i] as SimulatedUser;
      return signIn(ct, { client: user.client, ip: ips[i] ?? '', at, user, password: 'correct', userAgent: TOOL, risk: user === mobile ? BREACHED_AUDITED : BREACHED_BLOCKED });
    });
    return { events, offenders: { column: 'user_sub', values: victims.map((v) => v.sub) } };
  },
});

export const verdictsReportedLate = defineScenario({
  id: 'verdicts-reported-late',
  title: "Log delivery brings a blocked High-risk sign-in with a breached password 25 minutes late: the alerts' 30-minute period still covers it",
  kind: 'attack',
  technique: 'T1110.004',
  detectedBy: ['cognito_high_risk_sign_in', 'cognito_compromised_credentials'],
  seed: 904,
  generate(world) {
    const { random, pool, ct, day } = world;
    const user = random.pick(pool.users.filter((u) => u.client.name === 'web' && !u.totp));
    const events = signIn(ct, { client: user.client, ip: attackerIp(random), at: day + 19 * HOUR_MS + 2 * MINUTE_MS, user, password: 'correct', userAgent: TOOL, risk: BREACHED_BLOCKED, activityDelayMs: LATE_DELIVERY_MS });
    return { events, offenders: { column: 'user_sub', values: [user.sub] } };
  },
});

export const threatsInADay = defineScenario({
  id: 'threats-in-a-day',
  title: 'The baseline day with threat protection at work: the blocked High-risk sign-ins, the breached passwords, and the Medium-risk sign-ins answered with a second factor',
  kind: 'attack',
  technique: 'T1078.004, T1110.004',
  detectedBy: ['cognito_high_risk_sign_in', 'cognito_compromised_credentials'],
  seed: 905,
  playedWith: [baselineDay, riskySignInsBlocked, mediumRiskSecondFactor, breachedPasswords],
  generate: () => ({ events: [], offenders: { column: 'user_sub', values: generateScenario(breachedPasswords).offenders?.values ?? [], alerts: ['cognito_compromised_credentials'] } }),
});
