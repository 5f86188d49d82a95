/**
 * Threat protection's user activity log events, as the simulated pool (Plus feature plan, threat protection
 * in full-function mode, `userAuthEvents` exported to the stream) writes them: one JSON object per event in
 * the shape of "Exporting logs from Amazon Cognito user pools" (Amazon Cognito Developer Guide), the
 * repository's events/user-activity/ samples follow it. They reach Firehose through CloudWatch Logs' log
 * delivery, not EventBridge (`via: 'log-delivery'`), one event per record, a line each.
 *
 * What the harness cannot know is Cognito's risk model: unless a scenario says what threat protection
 * decided, it decided `Low` / `NoRisk`, so no CloudTrail detection may depend on it. Cognito places an
 * address by itself; here an attacker's address is placed by its text, any other sign-in of a user in the
 * user's home country (commuters and offices stay in one country).
 */
import { createHash } from 'node:crypto';
import type { TimedEvent } from './cloudtrail';
import type { Random } from './random';
import type { AppClient, SimulatedPool } from './simulated-pool';

export type ActivityType = 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
export type ActivityResponse = 'Pass' | 'Fail' | 'InProgress';

/** What threat protection decided about one event (AdminListUserAuthEvents' `EventRiskType`). */
export interface Risk {
  readonly level: 'Low' | 'Medium' | 'High';
  readonly decision: 'NoRisk' | 'AccountTakeover' | 'Block';
  readonly compromised?: boolean;
}

export interface Place {
  readonly city: string;
  readonly country: string;
}

export const NO_RISK: Risk = { level: 'Low', decision: 'NoRisk' };

/** Where the pool's users live: a European audience, as the diurnal curve of the baseline assumes. */
const HOME_PLACES: readonly Place[] = [
  { city: 'Dublin', country: 'Ireland' },
  { city: 'London', country: 'United Kingdom' },
  { city: 'Berlin', country: 'Germany' },
  { city: 'Paris', country: 'France' },
  { city: 'Madrid', country: 'Spain' },
  { city: 'Amsterdam', country: 'Netherlands' },
  { city: 'Stockholm', country: 'Sweden' },
  { city: 'Warsaw', country: 'Poland' },
  { city: 'Milan', country: 'Italy' },
  { city: 'Lisbon', country: 'Portugal' },
];

/** Where attackers' addresses are placed; some names differ from the dashboard map's (South Korea, Czechia). */
const ATTACKER_PLACES: readonly Place[] = [
  { city: 'Moscow', country: 'Russia' },
  { city: 'Hanoi', country: 'Vietnam' },
  { city: 'Lagos', country: 'Nigeria' },
  { city: 'São Paulo', country: 'Brazil' },
  { city: 'Seoul', country: 'South Korea' },
  { city: 'Prague', country: 'Czechia' },
  { city: 'Ashburn', country: 'United States' },
];

const DEVICES = ['Chrome 126, Windows 10', 'Safari 17, iOS 17', 'Firefox 128, Mac OS X 10.15', 'Chrome 126, Android 14', 'Edge 126, Windows 11'] as const;

/** A stable pick from `items` by `key`: the same key, the same item, whatever the random sequence. */
function pickBy<T>(items: readonly T[], key: string): T {
  const digest = createHash('sha256').update(key).digest();
  return items[digest.readUInt32BE(0) % items.length] as T;
}

/** The documentation ranges the attackers' addresses come from (simulated-pool.ts, `attackerIp`). */
const isAttackerIp = (ip: string): boolean => ip.startsWith('203.0.113.') || ip.startsWith('2001:db8:bad:');

/** Where Cognito places a sign-in of the user with `sub` from `ip`. */
function placeOf(ip: string, sub: string): Place {
  return isAttackerIp(ip) ? pickBy(ATTACKER_PLACES, ip) : homePlace(sub);
}

/** The country a user signs in from, unless an attacker is at the keyboard. */
function homePlace(sub: string): Place {
  return pickBy(HOME_PLACES, sub);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Java's `Date.toString()` in UTC, as `creationDate` is written: `Wed Jun 18 08:03:40 UTC 2025`. */
function javaDateText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export interface ActivitySpec {
  readonly type: ActivityType;
  readonly at: number;
  readonly user: { readonly sub: string; readonly username: string };
  readonly client: AppClient;
  readonly ip: string;
  readonly response: ActivityResponse;
  readonly risk?: Risk;
  /** Default: {@link placeOf} the address. */
  readonly place?: Place;
  readonly challenges?: readonly { readonly challengeName: 'Password' | 'Mfa'; readonly challengeResponse: 'Success' | 'Failure' }[];
  /** Log delivery's delay for this event, when a scenario sets it (default: drawn by delivery.ts). */
  readonly delayMs?: number;
}

/** Builds the user activity log events of one deployment; ids come from their own seeded random source. */
export class UserActivityEvents {
  constructor(
    private readonly random: Random,
    readonly pool: SimulatedPool,
  ) {}

  event(spec: ActivitySpec): TimedEvent {
    const risk = spec.risk ?? NO_RISK;
    const place = spec.place ?? placeOf(spec.ip, spec.user.sub);
    const event = {
      eventTimestamp: String(spec.at),
      eventSource: 'USER_ACTIVITY',
      logLevel: 'INFO',
      message: {
        version: '1',
        eventId: this.random.uuid(),
        eventType: spec.type,
        userSub: spec.user.sub,
        userName: spec.user.username,
        userPoolId: this.pool.userPoolId,
        clientId: spec.client.id,
        creationDate: javaDateText(spec.at),
        eventResponse: spec.response,
        riskLevel: risk.level,
        riskDecision: risk.decision,
        challenges: spec.challenges ?? [],
        deviceName: pickBy(DEVICES, `${spec.user.sub}|${spec.ip}`),
        ipAddress: spec.ip,
        requestId: this.random.uuid(),
        idpName: '',
        compromisedCredentialDetected: String(risk.compromised === true),
        city: place.city,
        country: place.country,
        eventFeedbackValue: '',
        eventFeedbackDate: '',
        eventFeedbackProvider: '',
        hasContextData: 'true',
      },
      logSourceId: { userPoolId: this.pool.userPoolId },
    };
    return { at: spec.at, event, via: 'log-delivery', ...(spec.delayMs === undefined ? {} : { delayMs: spec.delayMs }) };
  }
}
