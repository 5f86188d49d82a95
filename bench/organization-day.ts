/**
 * A synthetic day of an AWS Organization's Cognito events, as they reach the central stack's organization
 * bus: each member account forwards, from each region, the CloudTrail events of its own user pools, and
 * each event keeps its `account` and `region` (and its CloudTrail record its `recipientAccountId` and
 * `awsRegion`). The events are the ones of `events/eventbridge/`, moved to their account and region, with
 * their own ids and times. Traffic follows the day (a peak hour, a quiet night) and is skewed: a few
 * accounts and the first regions carry most of it, as production accounts do. Deterministic for a seed.
 */
import { type EventTemplate, mulberry32, uuid } from './batch';

/** The account and region every event of `events/eventbridge/` was recorded in. */
export const SAMPLE_ACCOUNT = '111122223333';
export const SAMPLE_REGION = 'eu-west-1';

const HOURS_PER_DAY = 24;
const SECONDS_PER_HOUR = 3600;
/** How strongly traffic favours the busiest accounts: account k gets weight 1 / k^ACCOUNT_SKEW. */
const ACCOUNT_SKEW = 1.1;

export interface OrganizationShape {
  /** Member accounts that forward events. */
  readonly accounts: number;
  /** Regions with user pools, the busiest first. */
  readonly regions: readonly string[];
  /** Cognito events the organization produces in the day. */
  readonly events: number;
  /** The hour (UTC, 0–23) with the most events. */
  readonly peakHour: number;
  /** Share of the day's events that happen in the peak hour (1/24 would be a flat day). */
  readonly peakShare: number;
  /** The day, YYYY-MM-DD. */
  readonly date: string;
  readonly seed?: number;
}

export interface DayEvent {
  /** The event as the organization bus receives it. */
  readonly event: EventTemplate;
  readonly account: string;
  readonly region: string;
  readonly hour: number;
}

/** `count` distinct, made-up 12-digit account ids. */
export function memberAccounts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(210_000_000_000 + i * 1_000_003));
}

/**
 * Events per hour: `peakShare` of the day in `peakHour`, the rest spread along a day-and-night curve whose
 * trough is twelve hours away from the peak. The counts add up to `shape.events` exactly.
 * @throws RangeError when the peak hour would not be the busiest one.
 */
export function hourlyCounts(shape: Pick<OrganizationShape, 'events' | 'peakHour' | 'peakShare'>): number[] {
  const peak = Math.round(shape.events * shape.peakShare);
  const weights = Array.from({ length: HOURS_PER_DAY }, (_, hour) =>
    hour === shape.peakHour ? 0 : 1.2 + Math.cos((2 * Math.PI * (hour - shape.peakHour)) / HOURS_PER_DAY),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const counts = weights.map((weight) => Math.floor(((shape.events - peak) * weight) / total));
  counts[shape.peakHour] = peak;
  // Rounding leftovers go to the hour after the peak, the busiest of the others.
  const after = (shape.peakHour + 1) % HOURS_PER_DAY;
  counts[after] = (counts[after] ?? 0) + shape.events - counts.reduce((sum, count) => sum + count, 0);
  if (counts.some((count, hour) => hour !== shape.peakHour && count >= peak)) {
    throw new RangeError(`A peak share of ${shape.peakShare} does not make hour ${shape.peakHour} the busiest; give a larger one.`);
  }
  return counts;
}

/** Cumulative weights for a weighted pick by binary search. */
function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

function pick(cumulativeWeights: readonly number[], random: () => number): number {
  const target = random() * (cumulativeWeights[cumulativeWeights.length - 1] ?? 0);
  let low = 0;
  let high = cumulativeWeights.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulativeWeights[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function at(date: string, hour: number, second: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}Z`;
}

/**
 * The day's events in time order, hour by hour. The first account × region events cover every pair once,
 * so each account forwards from each region at least once; the rest are drawn by the skewed weights.
 */
export function* organizationDay(templates: readonly EventTemplate[], shape: OrganizationShape): Generator<DayEvent> {
  if (templates.length === 0) throw new Error('No event templates; add events/eventbridge/*.json.');
  const random = mulberry32(shape.seed ?? 7);
  const accounts = memberAccounts(shape.accounts);
  const pairs = accounts.flatMap((account) => shape.regions.map((region) => ({ account, region })));
  const weights = cumulative(
    accounts.flatMap((_, a) => shape.regions.map((__, r) => 1 / (a + 1) ** ACCOUNT_SKEW / (r + 1))),
  );
  const texts = templates.map((template) => JSON.stringify(template));
  const counts = hourlyCounts(shape);
  let index = 0;
  for (let hour = 0; hour < HOURS_PER_DAY; hour += 1) {
    const seconds = Array.from({ length: counts[hour] ?? 0 }, () => Math.floor(random() * SECONDS_PER_HOUR)).sort((a, b) => a - b);
    for (const second of seconds) {
      const pair = pairs[index < pairs.length ? index : pick(weights, random)] ?? { account: SAMPLE_ACCOUNT, region: SAMPLE_REGION };
      index += 1;
      const text = texts[Math.floor(random() * texts.length)] ?? '{}';
      // The account and region appear in ids and ARNs too (user pool ids start with the region).
      const moved = text.split(SAMPLE_ACCOUNT).join(pair.account).split(SAMPLE_REGION).join(pair.region);
      const event = JSON.parse(moved) as EventTemplate;
      const time = at(shape.date, hour, second);
      event.id = uuid(random);
      event.time = time;
      event.detail.eventTime = time;
      event.detail.eventID = uuid(random);
      event.detail.requestID = uuid(random);
      yield { event, account: pair.account, region: pair.region, hour };
    }
  }
}
