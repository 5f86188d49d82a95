/**
 * Every scenario against every alert of the pack: scenarios are generated, delivered through the real
 * transform and loaded into DuckDB once; the pack is rendered as the installer renders it (stream name and
 * thresholds filled in) and each alert evaluated over each scenario as OpenObserve would evaluate it.
 * Another pack or other thresholds can be evaluated on the same data, which is how the tests prove that a
 * broken query is caught.
 */
import { DEFAULT_STREAM } from '../../../functions/shared/pack/constants';
import { PACK_CONTENT, type PackContent, type Thresholds } from '../../../functions/shared/pack/content';
import { renderPack } from '../../../functions/shared/pack/render';
import { evaluateAlert, type DataSpan, type Notification } from './alert-runs';
import type { TimedEvent } from './cloudtrail';
import { deliver } from './delivery';
import { StreamDatabase } from './duckdb-stream';
import { generateScenario, type Offenders, type Scenario } from './scenario';

export interface ScenarioOutcome {
  readonly scenario: Scenario;
  readonly storedRows: number;
  readonly span: DataSpan;
  /** The scenario and those it is played with, each with its first judged event (epoch ms). */
  readonly parts: readonly { readonly scenario: Scenario; readonly firstEventMs: number }[];
  readonly offenders?: Offenders;
  /** Alert name → the notifications it sent. */
  readonly notifications: ReadonlyMap<string, readonly Notification[]>;
}

export interface EvaluateOptions {
  /** Another pack (a test's broken copy); the shipped one by default. */
  readonly content?: PackContent;
  readonly thresholds?: Thresholds;
  /** Only these scenarios (ids) and alerts (names). */
  readonly scenarios?: readonly string[];
  readonly alerts?: readonly string[];
}

interface Loaded {
  readonly scenario: Scenario;
  readonly table: string;
  readonly storedRows: number;
  readonly span: DataSpan;
  readonly parts: ScenarioOutcome['parts'];
  /** Notifications before it are a look-back's warm-up (ScenarioEvents.judgedFrom); -Infinity when none. */
  readonly judgedFrom: number;
  readonly offenders?: Offenders;
}

export interface OpenOptions {
  /**
   * Default true: the pool exports its user activity log to the stream. False plays the same scenarios
   * with CloudTrail's events only, the same bytes (a deployment without threat protection).
   */
  readonly userActivityLogs?: boolean;
}

/** A scenario's events, without the user activity log's when it is turned off. */
function eventsOf(scenario: Scenario, userActivityLogs: boolean): readonly TimedEvent[] {
  const { events } = generateScenario(scenario);
  return userActivityLogs ? events : events.filter((e) => e.via !== 'log-delivery');
}

export class DetectionLab {
  private constructor(
    readonly db: StreamDatabase,
    private readonly loaded: readonly Loaded[],
  ) {}

  /** Generates, delivers and loads every scenario. */
  static async open(scenarios: readonly Scenario[], options: OpenOptions = {}): Promise<DetectionLab> {
    const userActivityLogs = options.userActivityLogs ?? true;
    const ids = new Set<string>();
    for (const s of scenarios) {
      if (ids.has(s.id)) throw new Error(`Two scenarios are named ${s.id}; scenario ids must be unique.`);
      ids.add(s.id);
    }
    const db = await StreamDatabase.open();
    const loaded: Loaded[] = [];
    for (const scenario of scenarios) {
      const { offenders } = generateScenario(scenario);
      const played = [...(scenario.playedWith ?? []), scenario];
      const events = played.flatMap((s) => eventsOf(s, userActivityLogs));
      if (events.length === 0) throw new Error(`Scenario ${scenario.id} generated no events.`);
      const rows = played.flatMap((s) => deliver(eventsOf(s, userActivityLogs), { seed: s.seed, redelivered: s.redelivered ?? 0 })).sort((a, b) => a.ingestedAt - b.ingestedAt);
      const table = `scenario_${scenario.id.replace(/-/g, '_')}`;
      await db.load(table, rows);
      const span = { firstEventMs: Math.min(...events.map((e) => e.at)), lastIngestedMs: Math.max(...rows.map((r) => r.ingestedAt)) };
      const judgedFrom = Math.max(Number.NEGATIVE_INFINITY, ...played.map((s) => generateScenario(s).judgedFrom ?? Number.NEGATIVE_INFINITY));
      const parts = played
        .map((s) => ({ scenario: s, firstEventMs: Math.max(judgedFrom, Math.min(...eventsOf(s, userActivityLogs).map((e) => e.at))) }))
        .filter((p) => Number.isFinite(p.firstEventMs));
      loaded.push({ scenario, table, storedRows: rows.length, span, parts, judgedFrom, ...(offenders === undefined ? {} : { offenders }) });
    }
    return new DetectionLab(db, loaded);
  }

  /** Every alert of `content` (the shipped pack by default) over every loaded scenario, or the ones named. */
  async evaluate(options: EvaluateOptions = {}): Promise<ScenarioOutcome[]> {
    const content = options.content ?? PACK_CONTENT;
    const pack = renderPack(content, { stream: DEFAULT_STREAM, thresholds: options.thresholds ?? content.thresholds, enableAlerts: true });
    const alerts = pack.alerts.filter((a) => options.alerts === undefined || options.alerts.includes(a.name));
    const outcomes: ScenarioOutcome[] = [];
    for (const { scenario, table, storedRows, span, parts, judgedFrom, offenders } of this.loaded) {
      if (options.scenarios !== undefined && !options.scenarios.includes(scenario.id)) continue;
      const notifications = new Map<string, readonly Notification[]>();
      for (const alert of alerts) notifications.set(alert.name, (await evaluateAlert(this.db, alert, pack.stream, table, span)).filter((n) => n.at >= judgedFrom));
      outcomes.push({ scenario, storedRows, span, parts, notifications, ...(offenders === undefined ? {} : { offenders }) });
    }
    return outcomes;
  }

  close(): void {
    this.db.close();
  }
}

/** The alerts that notified at least once. */
export function firedAlerts(outcome: ScenarioOutcome): string[] {
  return [...outcome.notifications].filter(([, n]) => n.length > 0).map(([name]) => name);
}

/**
 * What a scenario's label says and the outcome contradicts: a meant-for alert that stayed quiet or never
 * named an offender, or any notification on a benign scenario. Empty when the scenario holds.
 */
export function labelProblems(outcome: ScenarioOutcome): string[] {
  const { scenario, notifications, offenders } = outcome;
  if (scenario.kind === 'benign') {
    return [...notifications].filter(([, n]) => n.length > 0).map(([name, n]) => `${name} notified ${n.length} time(s) on benign scenario ${scenario.id}`);
  }
  const problems: string[] = [];
  for (const name of scenario.detectedBy) {
    const sent = notifications.get(name);
    if (sent === undefined) {
      problems.push(`${scenario.id} expects ${name}, which is not a pack alert`);
      continue;
    }
    if (sent.length === 0) {
      problems.push(`${name} did not notify on ${scenario.id}`);
      continue;
    }
    const rows = sent.flatMap((n) => n.rows);
    if (offenders === undefined || !rows.some((row) => offenders.column in row) || (offenders.alerts !== undefined && !offenders.alerts.includes(name))) continue;
    const named = new Set(rows.map((row) => String(row[offenders.column])));
    const unnamed = offenders.values.filter((v) => !named.has(v));
    if (unnamed.length > 0) problems.push(`${name} never named ${offenders.column} ${unnamed.join(', ')} on ${scenario.id}`);
  }
  return problems;
}

/**
 * Minutes from the start of the attack to the first notification of `alert`, or undefined when it never
 * notified. In a scenario played with others, the attack is the part meant for `alert`, else the first attack.
 */
export function minutesToNotify(outcome: ScenarioOutcome, alert: string): number | undefined {
  const first = outcome.notifications.get(alert)?.[0];
  if (first === undefined) return undefined;
  const attacks = outcome.parts.filter((p) => p.scenario.kind === 'attack');
  const part = attacks.find((p) => p.scenario.detectedBy.includes(alert)) ?? attacks[0];
  return Math.round((first.at - (part?.firstEventMs ?? outcome.span.firstEventMs)) / 60_000);
}
