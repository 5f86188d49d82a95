/**
 * A labelled scenario: a seeded generator of the EventBridge events one situation produces, with the label
 * the detection tests hold the pack's alerts to. An attack names the alerts meant to catch it (each must
 * notify at least once, and name the attacker in its rows when `offenders` says who that is); a benign
 * scenario must make no alert notify. How to add one: docs/security-pack.md, "Adding a scenario".
 */
import { CloudTrailEvents, type TimedEvent } from './cloudtrail';
import { Random } from './random';
import { simulatedPool, type SimulatedPool } from './simulated-pool';
import { UserActivityEvents } from './user-activity-events';

/** Users in the pool every scenario acts on: "a few thousand", and still seconds to run. */
export const POOL_SIZE = 3000;
/** Every scenario acts on the same deployment, so scenarios can be played together. */
const POOL_SEED = 20250618;
/** 2025-06-18T00:00:00Z: the day every scenario happens on. */
export const SCENARIO_DAY_MS = Date.UTC(2025, 5, 18);
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/**
 * The user activity log draws its ids from its own sequence, so CloudTrail's events are the same bytes with
 * or without it (DetectionLab can play a scenario with the log turned off).
 */
const ACTIVITY_SEED_OFFSET = 104_729;

/**
 * What a scenario's generator is given: its random source, the pool, and the event builders. The pool is on
 * the Plus feature plan with threat protection exporting its user activity log to the stream: `ct`'s
 * sign-in, sign-up and recovery builders add the log's events, and `activity` writes others.
 */
export interface ScenarioWorld {
  readonly random: Random;
  readonly pool: SimulatedPool;
  readonly ct: CloudTrailEvents;
  readonly activity: UserActivityEvents;
  /** Midnight UTC of the scenario's day, epoch ms. */
  readonly day: number;
}

/** The attacker, as the meant-for alerts must name them: `source_ip` values, `user_sub` values… */
export interface Offenders {
  readonly column: string;
  readonly values: readonly string[];
  /** The meant-for alerts that must name them; by default every one whose rows have `column`. */
  readonly alerts?: readonly string[];
}

export interface ScenarioEvents {
  readonly events: readonly TimedEvent[];
  readonly offenders?: Offenders;
  /**
   * Epoch ms from which the label is judged, and the attack's clock starts. A look-back alert needs days of
   * history before the scenario day, and a history has to start somewhere: its first days are a warm-up
   * (a user's second country is new then too), whose notifications do not count. Default: all of it.
   */
  readonly judgedFrom?: number;
}

export interface Scenario {
  /** kebab-case, unique: names the scenario in test output and in the tables of docs/security-pack.md. */
  readonly id: string;
  /** One line for the table of docs/security-pack.md. */
  readonly title: string;
  readonly kind: 'attack' | 'benign';
  /** The ATT&CK technique the attack acts out, e.g. `T1110.003`. */
  readonly technique?: string;
  /** The alerts meant to catch it: every one must notify. Empty for a benign scenario. */
  readonly detectedBy: readonly string[];
  readonly seed: number;
  /** Share of Firehose deliveries sent twice (at-least-once delivery); 0 by default. */
  readonly redelivered?: number;
  /** Scenarios whose events share the stream with this one's, each delivered as on its own (e.g. the baseline day). */
  readonly playedWith?: readonly Scenario[];
  generate(world: ScenarioWorld): ScenarioEvents;
}

/** Checks a scenario's label and returns it; the list of scenarios is built from these. */
export function defineScenario(scenario: Scenario): Scenario {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(scenario.id)) throw new Error(`Scenario id '${scenario.id}' must be kebab-case.`);
  if (scenario.kind === 'attack' && (scenario.detectedBy.length === 0 || scenario.technique === undefined)) {
    throw new Error(`Attack scenario ${scenario.id} must name its ATT&CK technique and the alerts meant to catch it.`);
  }
  if (scenario.kind === 'benign' && scenario.detectedBy.length > 0) throw new Error(`Benign scenario ${scenario.id} cannot expect alerts.`);
  return scenario;
}

let sharedPool: SimulatedPool | undefined;
const generated = new WeakMap<Scenario, ScenarioEvents>();

/** The deployment every scenario acts on. */
export function scenarioPool(): SimulatedPool {
  sharedPool ??= simulatedPool(new Random(POOL_SEED), POOL_SIZE);
  return sharedPool;
}

/** Runs a scenario's generator with its own seed, on the shared pool; a scenario is generated once. */
export function generateScenario(scenario: Scenario): ScenarioEvents {
  const known = generated.get(scenario);
  if (known !== undefined) return known;
  const pool = scenarioPool();
  const random = new Random(scenario.seed);
  const activity = new UserActivityEvents(new Random(scenario.seed + ACTIVITY_SEED_OFFSET), pool);
  const events = scenario.generate({ random, pool, ct: new CloudTrailEvents(random, pool, activity), activity, day: SCENARIO_DAY_MS });
  generated.set(scenario, events);
  return events;
}
