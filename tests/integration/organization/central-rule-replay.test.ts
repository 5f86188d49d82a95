import path from 'node:path';
import { type EventTemplate, loadTemplates } from '../../../bench/batch';
import { type DayEvent, hourlyCounts, memberAccounts, organizationDay, type OrganizationShape, SAMPLE_ACCOUNT } from '../../../bench/organization-day';
import { NO_CHECKPOINT } from '../../../cli/replay/checkpoint';
import { ruleMatcher } from '../../../cli/replay/rule-pattern';
import { replaySucceeded, runReplay, type ReplayResult } from '../../../cli/replay/run-replay';
import type { DeliveryReport, Sink, SinkRecord } from '../../../cli/replay/sinks/types';
import { replayTransform } from '../../../cli/replay/transform-port';
import type { SourceObject } from '../../../cli/replay/types';
import { loadTemplate } from '../../../cli/template/load-template';
import { CENTRAL_BUS_ARN, ORGANIZATION_ID } from '../../template/support/deployments';

/**
 * A synthetic day of an organization (member accounts × regions, a peak hour), replayed through the
 * central stack's organization-bus rule (read from template.yaml, as `o2-cognito replay` reads it) and the
 * transform: the records keep the account and region each event came from.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const central = loadTemplate(path.join(ROOT, 'template.yaml'));
const member = loadTemplate(path.join(ROOT, 'member', 'template.yaml'));
const samples = loadTemplates(path.join(ROOT, 'events', 'eventbridge'));

const SHAPE: OrganizationShape = {
  accounts: 30,
  regions: ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'],
  events: 6_000,
  peakHour: 14,
  peakShare: 0.12,
  date: '2025-06-17',
  seed: 11,
};
const END_OF_DAY = Date.parse('2025-06-18T00:00:00Z');

type Record_ = Record<string, unknown>;

/** Events a member account could also put on the bus that are not Cognito's: the central rule must leave them. */
function otherEvents(day: readonly DayEvent[]): Record_[] {
  return day.slice(0, 3).map(({ event, account, region }) => ({
    ...event,
    id: `other-${String(event.id)}`,
    source: 'aws.s3',
    account,
    region,
    detail: { ...event.detail, eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy', eventID: `other-${String(event.detail.eventID)}` },
  }));
}

function ndjsonSource(events: readonly unknown[]): AsyncIterable<SourceObject> {
  const bytes = Buffer.from(events.map((event) => JSON.stringify(event)).join('\n'));
  return (async function* () {
    yield { name: 'organization-bus.ndjson', size: bytes.length, open: async function* () { yield bytes; } };
  })();
}

function memorySink(): { lines: string[]; make: (report: DeliveryReport) => Sink } {
  const lines: string[] = [];
  return {
    lines,
    make: (report) => ({
      label: 'memory',
      input: 'normalised',
      async write(record: SinkRecord) {
        lines.push(Buffer.from(record.data).toString('utf8'));
        report.delivered([record.ticket]);
      },
      flush: async () => undefined,
      close: async () => undefined,
    }),
  };
}

/** Replays `events` through rule `ruleId` of `template` with `overrides`; the records as objects. */
async function replay(events: readonly unknown[], overrides: Record<string, string>): Promise<{ result: ReplayResult; records: Record_[] }> {
  const sink = memorySink();
  const result = await runReplay({
    sources: ndjsonSource(events),
    createSink: sink.make,
    rule: ruleMatcher(central, new Map(Object.entries({ OrganizationId: ORGANIZATION_ID, ...overrides })), 'OrganizationEventsRule'),
    transform: replayTransform({}, { keepTimestamps: true }),
    checkpoint: NO_CHECKPOINT,
    now: () => END_OF_DAY,
  });
  return { result, records: sink.lines.map((line) => JSON.parse(line) as Record_) };
}

const isCognito = (event: Record_): boolean => event.source === 'aws.cognito-idp' || event.source === 'aws.cognito-identity';
const isReadOnlyCall = (event: Record_): boolean =>
  event['detail-type'] === 'AWS API Call via CloudTrail' && (event.detail as Record_ | undefined)?.readOnly === true;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

describe('a day of an organization through the central bus rule and the transform', () => {
  let day: DayEvent[];
  let events: Record_[];
  let replayed: { result: ReplayResult; records: Record_[] };
  beforeAll(async () => {
    day = [...organizationDay(samples as EventTemplate[], SHAPE)];
    events = [...day.map((item) => item.event), ...otherEvents(day)];
    replayed = await replay(events, {});
  });

  test('the synthetic day has the shape asked for: every account in every region, a peak hour', () => {
    // Act
    const hours = countBy(day, (item) => String(item.hour).padStart(2, '0'));
    const pairs = new Set(day.map((item) => `${item.account} ${item.region}`));

    // Assess
    expect(day).toHaveLength(SHAPE.events);
    expect(pairs.size).toBe(SHAPE.accounts * SHAPE.regions.length);
    const peak = String(SHAPE.peakHour).padStart(2, '0');
    expect(Math.max(...hours.values())).toBe(hours.get(peak));
    expect(hours.get(peak)).toBe(hourlyCounts(SHAPE)[SHAPE.peakHour]);
    expect(day.every(({ event, account, region }) => event.account === account && event.region === region && event.detail.recipientAccountId === account)).toBe(true);
  });

  test('delivers every Cognito event the rule keeps, each record with the account and region it came from', async () => {
    // Prepare
    const expected = day.filter(({ event }) => !isReadOnlyCall(event));
    const origin = new Map(day.map(({ event, account, region }) => [String(event.detail.eventID), { account, region }]));

    // Act: the replay of the day and three non-Cognito events (beforeAll)
    const { result, records } = replayed;

    // Assess
    expect(replaySucceeded(result)).toBe(true);
    expect(result.stats).toMatchObject({ eventsRead: events.length, matched: expected.length, delivered: expected.length });
    expect(records.map((record) => ({ account: record.aws_account_id, region: record.aws_region }))).toEqual(
      records.map((record) => origin.get(String(record.event_id))),
    );
    const delivered = countBy(records, (record) => `${String(record.aws_account_id)} ${String(record.aws_region)}`);
    expect(delivered).toEqual(countBy(expected, (item) => `${item.account} ${item.region}`));
    expect(new Set(records.map((record) => record.aws_region))).toEqual(new Set(SHAPE.regions));
    expect(new Set(records.map((record) => record.aws_account_id)).size).toBe(SHAPE.accounts);
    expect(records.some((record) => record.aws_account_id === SAMPLE_ACCOUNT)).toBe(false);
  });

  test('the peak hour stays the peak hour in the records (event time kept)', () => {
    const { records } = replayed;
    // Act
    const hours = countBy(records, (record) => new Date(Number(record._timestamp) / 1000).toISOString().slice(11, 13));

    // Assess
    expect(Math.max(...hours.values())).toBe(hours.get(String(SHAPE.peakHour).padStart(2, '0')));
    expect(hours.size).toBe(24);
  });

  test.each([
    [{ IncludeReadOnlyEvents: 'true' }, (event: Record_) => isCognito(event)],
    [{ IncludeIdentityPoolEvents: 'false' }, (event: Record_) => event.source === 'aws.cognito-idp' && !isReadOnlyCall(event)],
  ])('with %j the central rule keeps what the member rule forwards', async (overrides, keeps) => {
    // Prepare: what the member stacks forward with the same switches.
    const forwarding = ruleMatcher(member, new Map(Object.entries({ CentralEventBusArn: CENTRAL_BUS_ARN, ...overrides })));
    const forwarded = day.map((item) => item.event).filter((event) => forwarding.matches(event));

    // Act
    const { result } = await replay(forwarded, overrides);

    // Assess
    expect(forwarded.length).toBe(day.filter(({ event }) => keeps(event)).length);
    expect(result.stats).toMatchObject({ matched: forwarded.length, notMatched: 0, delivered: forwarded.length });
  });

  test('the member rule and the central rule match the same events of the day, for every switch combination', () => {
    for (const identity of ['true', 'false']) {
      for (const readOnly of ['false', 'true']) {
        // Prepare
        const switches = { IncludeIdentityPoolEvents: identity, IncludeReadOnlyEvents: readOnly };
        const atMember = ruleMatcher(member, new Map(Object.entries({ CentralEventBusArn: CENTRAL_BUS_ARN, ...switches })));
        const atCentre = ruleMatcher(central, new Map(Object.entries({ OrganizationId: ORGANIZATION_ID, ...switches })), 'OrganizationEventsRule');

        // Act
        const differ = day.filter(({ event }) => atMember.matches(event) !== atCentre.matches(event));

        // Assess
        expect({ switches, differ: differ.length }).toEqual({ switches, differ: 0 });
      }
    }
  });

  test('a forwarded event without recipientAccountId or awsRegion takes both from the envelope', async () => {
    // Prepare: the envelope is what bus-to-bus delivery keeps; the CloudTrail record may lack the fields.
    const item = day.find(({ event }) => !isReadOnlyCall(event) && event.source === 'aws.cognito-idp')!;
    const event = structuredClone(item.event);
    delete event.detail.recipientAccountId;
    delete event.detail.awsRegion;

    // Act
    const { records } = await replay([event], {});

    // Assess
    expect(records).toEqual([expect.objectContaining({ aws_account_id: item.account, aws_region: item.region })]);
    expect(memberAccounts(SHAPE.accounts)).toContain(item.account);
  });
});
