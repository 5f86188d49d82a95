/**
 * The Threat protection tab in DuckDB, over the repository's user activity samples
 * (events/transform/user-activity.json: the records log delivery writes, through the real transform and
 * OpenObserve's ingestion rules), where every number can be checked by hand against events/user-activity/,
 * and over the threat-protection day of the scenarios.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { DEFAULT_STREAM } from '../../functions/shared/pack/constants';
import { DEFAULT_TRANSFORM_CONFIG } from '../../functions/transform/config';
import { processBatch } from '../../functions/transform/process-batch';
import { parseFirehoseBase64 } from '../helpers/openobserve-rules';
import { panelSql, renderedTabs } from './harness/dashboard-queries';
import { DetectionLab } from './harness/detection-lab';
import { type ResultRow, StreamDatabase } from './harness/duckdb-stream';
import { histogramInterval } from './harness/openobserve-sql';
import { SCENARIO_DAY_MS, generateScenario } from './harness/scenario';
import { breachedPasswords, riskySignInsBlocked, threatsInADay } from './scenarios/risky-sign-ins';

const ROOT = path.resolve(__dirname, '..', '..');
const DAY_US = 24 * 3_600_000_000;
/** The samples happen between 12:05 and 12:38 UTC on 2025-06-17. */
const SAMPLE_DAY_US = Date.UTC(2025, 5, 17) * 1000;
const MAP_NAMES: ReadonlySet<string> = new Set((JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'openobserve-world-map-names.json'), 'utf8')) as { names: string[] }).names);
const MARIA = 'b2c3d4e5-0002-4f60-8b9c-8d7e6f5a4b32';
const ANA = 'a1b2c3d4-0001-4e5f-9a8b-7c6d5e4f3a21';

let samples: StreamDatabase;
let lab: DetectionLab;
beforeAll(async () => {
  const batch = JSON.parse(readFileSync(path.join(ROOT, 'events', 'transform', 'user-activity.json'), 'utf8')) as FirehoseTransformationEvent;
  const nowMs = Math.max(...batch.records.map((r) => r.approximateArrivalTimestamp)) + 2000;
  const { response, failures } = processBatch(batch, DEFAULT_TRANSFORM_CONFIG, nowMs);
  if (failures.length > 0) throw new Error(`The transform failed a sample: ${failures[0]?.reason}`);
  const rows = response.records.flatMap((record) => {
    const verdict = parseFirehoseBase64(record.data, { nowMs });
    if (verdict.kind !== 'stored') throw new Error(`OpenObserve would not store a sample (${verdict.kind}).`);
    return verdict.rows.map((row) => ({ record: row, ingestedAt: nowMs }));
  });
  samples = await StreamDatabase.open();
  await samples.load('samples', rows);
  await samples.useStream(DEFAULT_STREAM, 'samples');
  lab = await DetectionLab.open([threatsInADay]);
  await lab.db.useStream(DEFAULT_STREAM, 'scenario_threats_in_a_day');
}, 120_000);
afterAll(() => {
  samples?.close();
  lab?.close();
});

/** `sql` over the samples' day, as the dashboard runs it over 24 hours (1-hour buckets). */
const overSamplesSql = (sql: string): Promise<ResultRow[]> =>
  samples.query(sql, { startUs: SAMPLE_DAY_US, endUs: SAMPLE_DAY_US + DAY_US, nowMs: SAMPLE_DAY_US / 1000 + 25 * 3_600_000, histogramInterval: histogramInterval(DAY_US) });
const overSamples = (title: string): Promise<ResultRow[]> => overSamplesSql(panelSql(title));

/** The panel over the threat-protection day. */
const overDay = (title: string): Promise<ResultRow[]> => {
  const start = SCENARIO_DAY_MS * 1000;
  return lab.db.query(panelSql(title), { startUs: start, endUs: start + DAY_US, nowMs: SCENARIO_DAY_MS + 25 * 3_600_000, histogramInterval: histogramInterval(DAY_US) });
};

/** `rows` as `key → value` of two columns, for comparing without order. */
const pairs = (rows: readonly ResultRow[], key: string, value: string): Record<string, string> => Object.fromEntries(rows.map((r) => [String(r[key]), String(r[value])]));

interface SampleCheck {
  /** What the panel shows of the samples. */
  readonly shows: string;
  readonly check: (rows: readonly ResultRow[]) => void;
  /** A plausible wrong version of the query (`from` → `to`), which the check must refuse. */
  readonly wrong: readonly [what: string, from: string, to: string];
}

/** Each Threat protection panel: what it must show of the samples, and a wrong version it must not pass for. */
const SAMPLE_CHECKS: Readonly<Record<string, SampleCheck>> = {
  'Compromised credentials detected': {
    shows: 'the one sign-in whose password was found in a breach',
    check: (rows) => expect(rows).toEqual([{ detections: '1' }]),
    wrong: ['counts every event with the flag, false or true', 'compromised_credentials = true', 'compromised_credentials IS NOT NULL'],
  },
  'High-risk or blocked sign-ins': {
    shows: 'the one blocked High-risk sign-in',
    check: (rows) => expect(rows).toEqual([{ sign_ins: '1' }]),
    wrong: ['takes Medium risk for High', "risk_level = 'High'", "risk_level IN ('Medium', 'High')"],
  },
  'Risk decisions over time': {
    shows: "the ten events by Cognito's decision, in the 12:00 bucket",
    check: (rows) => {
      expect(new Set(rows.map((r) => String(r.ts)))).toEqual(new Set(['2025-06-17 12:00:00']));
      expect(pairs(rows, 'decision', 'events')).toEqual({ NoRisk: '6', AccountTakeover: '2', Block: '1', PASS: '1' });
    },
    wrong: ['reads the risk level for the decision', 'COALESCE(risk_decision,', 'COALESCE(risk_level,'],
  },
  'Risk levels over time': {
    shows: 'the ten events by risk level, those without one as "not rated"',
    check: (rows) => expect(pairs(rows, 'risk', 'events')).toEqual({ Low: '5', Medium: '2', High: '1', 'not rated': '2' }),
    wrong: ['leaves events without a level out', "COALESCE(risk_level, 'not rated')", 'risk_level'],
  },
  'Sign-ins by country': {
    shows: 'the six sign-ins by the country Cognito placed them in',
    check: (rows) => expect(pairs(rows, 'map_country', 'sign_ins')).toEqual({ Ireland: '2', Sweden: '2', Nigeria: '1', Brazil: '1' }),
    wrong: ['maps every event, not only sign-ins', "category = 'sign_in' AND ", ''],
  },
  'Riskiest users': {
    shows: 'the user with the blocked, breached High-risk sign-in first, then the one asked for a second factor, and no one else',
    check: (rows) =>
      expect(rows.map((r) => [r.user_sub, r.user_name, r.high_risk, r.blocked, r.compromised, r.medium_risk, r.countries])).toEqual([
        [MARIA, 'maria.rossi', '1', '1', '1', '1', '2'],
        [ANA, 'ana.silva', '0', '0', '0', '1', '2'],
      ]),
    wrong: ['lists users without any risk', ' HAVING ', ' HAVING TRUE OR '],
  },
  'Compromised-credential detections': {
    shows: 'the detection with who, where and what Cognito did',
    check: (rows) =>
      expect(rows).toEqual([
        expect.objectContaining({ event_name: 'SignIn', user_sub: MARIA, username: 'maria.rossi', source_ip: '203.0.113.77', country: 'Nigeria', city: 'Lagos', risk_level: 'High', risk_decision: 'Block', outcome: 'failure' }),
      ]),
    wrong: ['lists every event with the flag, false or true', 'compromised_credentials = true', 'compromised_credentials IS NOT NULL'],
  },
};

describe('the Threat protection tab over the user activity samples', () => {
  test('checks every panel of the tab', () => {
    expect(Object.keys(SAMPLE_CHECKS).sort()).toEqual((renderedTabs[1]?.panels.map((p) => p.title) ?? []).sort());
  });

  const checks = Object.entries(SAMPLE_CHECKS);

  test.each(checks.map(([title, c]) => [title, c.shows, c] as const))('panel "%s" shows %s', async (title, _shows, { check }) => {
    check(await overSamples(title));
  });

  test.each(checks.map(([title, c]) => [title, c.wrong[0], c] as const))('panel "%s": the check refuses a query that %s', async (title, _what, { check, wrong: [, from, to] }) => {
    // Prepare
    const sql = panelSql(title);
    expect(sql).toContain(from);

    // Act
    const rows = await overSamplesSql(sql.split(from).join(to));

    // Assess
    expect(() => check(rows)).toThrow();
  });

  test("counts none of the log's events on the Overview's sign-in panels", async () => {
    expect(await overSamples('Sign-in attempts')).toEqual([{ attempts: '0' }]);
    expect(await overSamples('Sign-in outcomes over time')).toEqual([]);
  });
});

describe('the Threat protection tab over a day with threat protection at work', () => {
  test("puts the attacks' victims at the top of the riskiest users, above the users asked for a second factor", async () => {
    const victims = [...(generateScenario(riskySignInsBlocked).offenders?.values ?? []), ...(generateScenario(breachedPasswords).offenders?.values ?? [])];
    const rows = await overDay('Riskiest users');

    expect(new Set(rows.slice(0, victims.length).map((r) => String(r.user_sub)))).toEqual(new Set(victims));
    expect(rows.slice(victims.length).every((r) => r.high_risk === '0' && r.blocked === '0' && r.compromised === '0' && r.medium_risk !== '0')).toBe(true);
  });

  test('lists every breached-password sign-in, and nothing else', async () => {
    const rows = await overDay('Compromised-credential detections');

    expect(new Set(rows.map((r) => String(r.user_sub)))).toEqual(new Set(generateScenario(breachedPasswords).offenders?.values));
    expect(rows.map((r) => r.event_name)).toEqual(rows.map(() => 'SignIn'));
  });

  test("puts every sign-in on a region of the world map, the attackers' countries in its spelling", async () => {
    const countries = (await overDay('Sign-ins by country')).map((r) => String(r.map_country));

    expect(countries.filter((c) => !MAP_NAMES.has(c))).toEqual([]);
    // One attacker's address is in Czechia, which the map spells "Czech Rep.".
    expect(countries).toEqual(expect.arrayContaining(['Ireland', 'Germany', 'Vietnam', 'Czech Rep.']));
  });
});
