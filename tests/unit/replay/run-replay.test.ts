import { NO_CHECKPOINT, type Checkpoint } from '../../../cli/replay/checkpoint';
import { ReplayFatalError } from '../../../cli/replay/errors';
import { INTERRUPTED, replaySucceeded, runReplay, type ReplayPlan } from '../../../cli/replay/run-replay';
import type { DeliveryReport, Sink, SinkInput, SinkRecord } from '../../../cli/replay/sinks/types';
import { replayTransform } from '../../../cli/replay/transform-port';
import type { SourceObject } from '../../../cli/replay/types';
import { gzipSync } from 'node:zlib';
import { compileEventPattern } from '../../../cli/replay/event-pattern';
import { DEFAULT_TRANSFORM_CONFIG } from '../../../functions/transform/config';
import { processBatch } from '../../../functions/transform/process-batch';
import { firehoseEvent, firehoseRecord, userActivityEvent } from '../../helpers/factories';
import { cloudTrailRecord, eventBridgeEvent, httpEndpointFailedRecord, memoryObject, normalisedLine, normalisedRecord } from './factories';

const NOW = Date.parse('2025-06-17T09:00:00Z');

/** A sink that keeps what it gets and fails the records whose text contains `failWhen`. */
function memorySink(input: SinkInput = 'normalised', failWhen?: string) {
  const received: string[] = [];
  let fatalAfter: number | undefined;
  const make = (report: DeliveryReport): Sink => ({
    label: 'memory',
    input,
    async write(record: SinkRecord) {
      const text = Buffer.from(record.data).toString('utf8');
      if (fatalAfter !== undefined && received.length >= fatalAfter) throw new ReplayFatalError('the sink refused the key');
      received.push(text);
      if (failWhen !== undefined && text.includes(failWhen)) report.failed([record.ticket], 'the endpoint answered 503');
      else report.delivered([record.ticket]);
    },
    flush: async () => undefined,
    close: async () => undefined,
  });
  return { received, make, stopAfter: (n: number) => (fatalAfter = n) };
}

async function* list(...objects: SourceObject[]): AsyncGenerator<SourceObject> {
  yield* objects;
}

function plan(sources: AsyncIterable<SourceObject>, createSink: ReplayPlan['createSink'], extra: Partial<ReplayPlan> = {}): ReplayPlan {
  return {
    sources,
    createSink,
    rule: { matches: (event) => event.source === 'aws.cognito-idp' },
    transform: replayTransform({}, { keepTimestamps: false }),
    checkpoint: NO_CHECKPOINT,
    now: () => NOW,
    ...extra,
  };
}

function memoryCheckpoint(done: string[] = []): Checkpoint & { added: string[] } {
  const set = new Set(done);
  const added: string[] = [];
  return { has: (name) => set.has(name), add: (name) => void added.push(name), size: set.size, added };
}

const ndjson = (...values: unknown[]): string => values.map((value) => JSON.stringify(value)).join('\n');

describe('runReplay', () => {
  test('transforms matched events and delivers their lines in order', async () => {
    // Prepare
    const events = [eventBridgeEvent(cloudTrailRecord({ eventName: 'SignUp' })), eventBridgeEvent(cloudTrailRecord({ eventName: 'ConfirmSignUp' }))];
    const sink = memorySink();
    // Act
    const result = await runReplay(plan(list(memoryObject('a.json', ndjson(...events))), sink.make));
    // Assess
    expect(sink.received.map((line) => JSON.parse(line).event_name)).toEqual(['SignUp', 'ConfirmSignUp']);
    expect(sink.received.every((line) => line.startsWith('{\t"_timestamp":') && line.endsWith('}\n'))).toBe(true);
    expect(result.stats).toMatchObject({ objectsDone: 1, eventsRead: 2, matched: 2, delivered: 2 });
    expect(replaySucceeded(result)).toBe(true);
  });

  test('reads gzip CloudTrail log files and keeps only what the rule matches', async () => {
    const log = { Records: [cloudTrailRecord(), cloudTrailRecord({ eventSource: 's3.amazonaws.com' }), cloudTrailRecord()] };
    const sink = memorySink();
    const result = await runReplay(plan(list(memoryObject('log.json.gz', JSON.stringify(log), { gzip: true, chunk: 100 })), sink.make));
    expect(sink.received).toHaveLength(2);
    expect(result.stats).toMatchObject({ eventsRead: 3, notMatched: 1, matched: 2, delivered: 2 });
  });

  test('keeps only events inside --since/--until (since inclusive, until exclusive)', async () => {
    const at = (time: string) => eventBridgeEvent(cloudTrailRecord({ eventTime: time }));
    const events = [at('2025-06-17T07:59:59Z'), at('2025-06-17T08:00:00Z'), at('2025-06-17T08:30:00Z'), at('2025-06-17T09:00:00Z')];
    const sink = memorySink();
    const result = await runReplay(
      plan(list(memoryObject('a.json', ndjson(...events))), sink.make, { sinceMs: Date.parse('2025-06-17T08:00:00Z'), untilMs: Date.parse('2025-06-17T09:00:00Z') }),
    );
    expect(sink.received.map((line) => JSON.parse(line).event_time)).toEqual(['2025-06-17T08:00:00Z', '2025-06-17T08:30:00Z']);
    expect(result.stats.outsideTime).toBe(2);
  });

  test('delivers an event_id once per run, across objects', async () => {
    const event = eventBridgeEvent();
    const sink = memorySink();
    const result = await runReplay(plan(list(memoryObject('a.json', ndjson(event, event)), memoryObject('b.json', ndjson(event))), sink.make));
    expect(sink.received).toHaveLength(1);
    expect(result.stats).toMatchObject({ matched: 3, duplicates: 2, delivered: 1 });
    expect(replaySucceeded(result)).toBe(true);
  });

  test('restamps events older than the late-event window, and says so', async () => {
    const old = eventBridgeEvent(cloudTrailRecord({ eventTime: '2025-06-16T09:00:00Z' }));
    const sink = memorySink();
    const result = await runReplay(plan(list(memoryObject('a.json', ndjson(old))), sink.make));
    const line = JSON.parse(sink.received[0]!);
    expect(line).toMatchObject({ _timestamp: NOW * 1000, event_time: '2025-06-16T09:00:00Z', restamped: true });
    expect(result.stats.restamped).toBe(1);
  });

  test('passes http-endpoint-failed records through the transform without the rule', async () => {
    const record = normalisedRecord({ source: undefined });
    const sink = memorySink();
    const result = await runReplay(plan(list(memoryObject('backup', JSON.stringify(httpEndpointFailedRecord(normalisedLine(record))))), sink.make));
    expect(JSON.parse(sink.received[0]!)).toMatchObject({ event_id: record.event_id, schema_version: 1 });
    expect(result.stats.delivered).toBe(1);
  });

  test('transforms user activity log events without the rule, once per eventId, within --since/--until', async () => {
    // Prepare: the same event twice (read from a file and from a Firehose record of two events), one outside the window.
    const inside = userActivityEvent({}, { eventTimestamp: String(NOW - 60_000) });
    const other = userActivityEvent({ eventId: 'other' }, { eventTimestamp: String(NOW - 30_000) });
    const outside = userActivityEvent({ eventId: 'outside' }, { eventTimestamp: String(NOW - 86_400_000) });
    const record = `${JSON.stringify(inside)}\n${JSON.stringify(other)}\n`;
    const sink = memorySink();
    // Act
    const result = await runReplay(
      plan(list(memoryObject('a.json', ndjson(inside, outside)), memoryObject('b.json', JSON.stringify(firehoseEvent([record])))), sink.make, { sinceMs: NOW - 3_600_000 }),
    );
    // Assess
    expect(sink.received.map((line) => JSON.parse(line) as { event_id: string; event_type: string })).toMatchObject([
      { event_id: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f', event_type: 'UserActivity' },
      { event_id: 'other', event_type: 'UserActivity' },
    ]);
    expect(result.stats).toMatchObject({ eventsRead: 4, outsideTime: 1, duplicates: 1, notMatched: 0, delivered: 2 });
  });

  test('sends a user activity log event as it came to a sink that wants events', async () => {
    const event = userActivityEvent();
    const sink = memorySink('event');
    await runReplay(plan(list(memoryObject('a.json', JSON.stringify(event, null, 2))), sink.make));
    expect(sink.received).toEqual([JSON.stringify(event)]);
  });

  test('sends the raw event, not the normalised line, to a sink that wants events', async () => {
    const event = eventBridgeEvent();
    const sink = memorySink('event');
    await runReplay(plan(list(memoryObject('a.json', JSON.stringify(event, null, 2))), sink.make));
    expect(sink.received).toEqual([JSON.stringify(event)]);
  });

  test('counts unreadable records without failing the run', async () => {
    const sink = memorySink();
    const result = await runReplay(plan(list(memoryObject('a.json', `not json\n${JSON.stringify(eventBridgeEvent())}`)), sink.make));
    expect(result.stats.unreadable).toBe(2);
    expect([...result.skipped.groups.keys()]).toEqual(['not JSON']);
    expect(replaySucceeded(result)).toBe(true);
  });

  test('checkpoints finished objects and skips those finished earlier', async () => {
    const checkpoint = memoryCheckpoint(['done.json']);
    const sink = memorySink();
    const result = await runReplay(
      plan(list(memoryObject('done.json', ndjson(eventBridgeEvent())), memoryObject('new.json', ndjson(eventBridgeEvent()))), sink.make, { checkpoint }),
    );
    expect(checkpoint.added).toEqual(['new.json']);
    expect(result.stats).toMatchObject({ objectsSkipped: 1, objectsDone: 1, delivered: 1 });
  });

  test('does not checkpoint an object with a failed record, and names it to retry', async () => {
    const checkpoint = memoryCheckpoint();
    const sink = memorySink('normalised', 'ConfirmSignUp');
    const result = await runReplay(
      plan(
        list(
          memoryObject('good.json', ndjson(eventBridgeEvent(cloudTrailRecord({ eventName: 'SignUp' })))),
          memoryObject('bad.json', ndjson(eventBridgeEvent(cloudTrailRecord({ eventName: 'ConfirmSignUp' })))),
        ),
        sink.make,
        { checkpoint },
      ),
    );
    expect(checkpoint.added).toEqual(['good.json']);
    expect(result.unfinished).toEqual(['bad.json']);
    expect(result.stats.deliveryFailed).toBe(1);
    expect(replaySucceeded(result)).toBe(false);
  });

  test('counts records the transform fails as not delivered', async () => {
    const sink = memorySink();
    const result = await runReplay(plan(list(memoryObject('n.json', JSON.stringify(normalisedRecord({ schema_version: 2 })))), sink.make));
    expect(result.stats.processingFailed).toBe(1);
    expect(replaySucceeded(result)).toBe(false);
  });

  test('an object that cannot be read is not finished and fails the run', async () => {
    const broken: SourceObject = {
      name: 'broken.json.gz',
      open: async function* () {
        yield Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0x01);
      },
    };
    const result = await runReplay(plan(list(broken), memorySink().make));
    expect(result.unfinished).toEqual(['broken.json.gz']);
    expect(replaySucceeded(result)).toBe(false);
  });

  test('stops at a fatal sink error and reports it', async () => {
    const sink = memorySink();
    sink.stopAfter(1);
    const result = await runReplay(plan(list(memoryObject('a.json', ndjson(eventBridgeEvent(), eventBridgeEvent(), eventBridgeEvent()))), sink.make));
    expect(result.fatal).toBe('the sink refused the key');
    expect(result.stats.delivered).toBe(1);
    expect(result.unfinished).toEqual(['a.json']);
    expect(replaySucceeded(result)).toBe(false);
  });

  test('when interrupted, stops reading, keeps what was delivered, and reports the rest as unfinished', async () => {
    const controller = new AbortController();
    const sink = memorySink();
    const checkpoint = memoryCheckpoint();
    const events = ndjson(eventBridgeEvent(), eventBridgeEvent(), eventBridgeEvent());
    async function* sources(): AsyncGenerator<SourceObject> {
      yield memoryObject('first.json', ndjson(eventBridgeEvent()));
      yield memoryObject('second.json', events);
      controller.abort();
      yield memoryObject('third.json', events);
    }
    const result = await runReplay(plan(sources(), sink.make, { signal: controller.signal, checkpoint }));
    expect(result.fatal).toBe(INTERRUPTED);
    expect(checkpoint.added).toEqual(['first.json', 'second.json']);
    expect(result.stats.objectsListed).toBe(2);
    expect(replaySucceeded(result)).toBe(false);
  });

  test('an object interrupted half-way is not finished', async () => {
    const controller = new AbortController();
    const sink = memorySink();
    const lines = ndjson(eventBridgeEvent(), eventBridgeEvent());
    const object: SourceObject = {
      name: 'half.json',
      open: async function* () {
        yield Buffer.from(`${lines}\n`);
        controller.abort();
        yield Buffer.from(ndjson(eventBridgeEvent()));
      },
    };
    const result = await runReplay(plan(list(object), sink.make, { signal: controller.signal }));
    expect(result.unfinished).toEqual(['half.json']);
    expect(result.stats.delivered).toBe(2);
  });
});

/** Adversarial input: what is broken costs itself only, and what cannot be read is never reported as done. */
describe('runReplay on broken input', () => {
  test('one truncated NDJSON line costs that line only: the other 99 events are delivered and the line is named', async () => {
    // Prepare
    const lines = Array.from({ length: 100 }, () => JSON.stringify(eventBridgeEvent()));
    lines[49] = lines[49]!.slice(0, 200);
    const sink = memorySink();
    // Act
    const result = await runReplay(plan(list(memoryObject('events.ndjson', `${lines.join('\n')}\n`, { chunk: 4096 })), sink.make));
    // Assess
    expect(sink.received).toHaveLength(99);
    expect(result.stats).toMatchObject({ delivered: 99, unreadable: 1 });
    expect([...result.skipped.groups.entries()].map(([reason, group]) => [reason, group.where])).toEqual([
      ['incomplete JSON (reading went on at the next line)', ['events.ndjson:50']],
    ]);
    expect(replaySucceeded(result)).toBe(true);
  });

  test('a first line cut short does not swallow the lines after it', async () => {
    const lines = Array.from({ length: 5 }, () => JSON.stringify(eventBridgeEvent()));
    lines[0] = lines[0]!.slice(0, lines[0]!.indexOf('"detail"') - 1);
    const sink = memorySink();
    const result = await runReplay(plan(list(memoryObject('events.ndjson', lines.join('\n'))), sink.make));
    expect(result.stats.delivered).toBe(4);
  });

  test('an object that ends inside a multi-line value is unfinished, and says which lines and bytes were not read', async () => {
    const doc = JSON.stringify({ Records: [cloudTrailRecord(), cloudTrailRecord()] }, null, 2);
    const cut = doc.slice(0, Math.floor(doc.length / 2));
    const result = await runReplay(plan(list(memoryObject('trail.json', cut)), memorySink().make));
    expect(result.unfinished).toEqual(['trail.json']);
    expect(replaySucceeded(result)).toBe(false);
    const lines = cut.trimEnd().split('\n').length;
    expect([...result.failures.groups.entries()].map(([reason, group]) => [reason, group.where])).toEqual([
      ['the object ends inside a JSON value, so its last lines could not be read', [`trail.json:1–${lines} (${Buffer.byteLength(cut.trimEnd()).toLocaleString('en-US')} bytes)`]],
    ]);
  });

  test('an object that stops being readable half-way says from which line, and how many bytes were not read', async () => {
    // Prepare: a gzip object whose stream ends half-way through
    const text = Array.from({ length: 400 }, () => JSON.stringify(eventBridgeEvent())).join('\n');
    const gz = gzipSync(text);
    const half = gz.length >> 1;
    const object: SourceObject = {
      name: 'trail.json.gz',
      size: gz.length,
      open: async function* () {
        for (let i = 0; i < half; i += 1024) yield gz.subarray(i, Math.min(i + 1024, half));
      },
    };
    const sink = memorySink();
    // Act
    const result = await runReplay(plan(list(object), sink.make));
    // Assess
    expect(result.unfinished).toEqual(['trail.json.gz']);
    expect(sink.received.length).toBeGreaterThan(0);
    const notRead = (gz.length - half).toLocaleString('en-US');
    expect([...result.failures.groups.entries()].map(([reason, group]) => [reason, group.where])).toEqual([
      [
        'the rest of the object could not be read (Z_BUF_ERROR)',
        [`trail.json.gz from line ${sink.received.length + 1} on; about ${notRead} of ${gz.length.toLocaleString('en-US')} bytes not read`],
      ],
    ]);
  });

  describe('an event nested deeper than the runtime can walk fails alone, as ProcessingFailed does in the Lambda', () => {
    const DEEP = '"(deep)"';
    /** Four events as NDJSON lines, the second with `place` set to an array nested 200,000 deep (written as text: too deep to stringify). */
    const four = (place: (detail: Record<string, unknown>) => void): string[] =>
      [1, 2, 3, 4].map((n) => {
        const detail = cloudTrailRecord({ eventName: `Call${n}` });
        if (n === 2) place(detail);
        return JSON.stringify(eventBridgeEvent(detail)).replace(DEEP, `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
      });

    test('in the transform: the same four records give what the Lambda gives, 3 Ok and 1 ProcessingFailed', async () => {
      // Prepare
      const lines = four((detail) => (detail.requestParameters = { deep: JSON.parse(DEEP) }));
      const lambda = processBatch(firehoseEvent(lines.map((line) => firehoseRecord(undefined, { data: Buffer.from(line).toString('base64') }))), DEFAULT_TRANSFORM_CONFIG, NOW);
      const sink = memorySink();
      // Act: another object after it, which a throw would also have cost
      const result = await runReplay(plan(list(memoryObject('a.ndjson', lines.join('\n')), memoryObject('b.ndjson', ndjson(eventBridgeEvent()))), sink.make));
      // Assess
      expect(lambda.summary).toMatchObject({ ok: 3, processingFailed: 1 });
      expect(lambda.failures.map((failure) => failure.reason)).toEqual(['transform error (RangeError)']);
      expect(sink.received.map((line) => JSON.parse(line).event_name)).toEqual(['Call1', 'Call3', 'Call4', 'InitiateAuth']);
      expect(result.stats).toMatchObject({ delivered: 4, processingFailed: 1 });
      expect([...result.failures.groups.entries()].map(([reason, group]) => [reason, group.where])).toEqual([
        ['the transform failed it: transform error (RangeError)', ['a.ndjson:2']],
      ]);
      expect(result.unfinished).toEqual(['a.ndjson']);
    });

    test('in serialising it for a sink that takes events', async () => {
      const lines = four((detail) => (detail.requestParameters = { deep: JSON.parse(DEEP) }));
      const sink = memorySink('event');
      const result = await runReplay(plan(list(memoryObject('a.ndjson', lines.join('\n'))), sink.make));
      expect(sink.received.map((text) => JSON.parse(text).detail.eventName)).toEqual(['Call1', 'Call3', 'Call4']);
      expect([...result.failures.groups.keys()]).toEqual(['it could not be serialised (RangeError)']);
    });

    test('in the rule, when the field it reads is an array nested too deep to walk', async () => {
      const lines = four((detail) => (detail.eventName = JSON.parse(DEEP)));
      const pattern = compileEventPattern({ detail: { eventName: [{ prefix: 'Call' }] } });
      if (!pattern.ok) throw new Error(pattern.reason);
      const sink = memorySink();
      const result = await runReplay(plan(list(memoryObject('a.ndjson', lines.join('\n'))), sink.make, { rule: { matches: pattern.matches } }));
      expect(sink.received.map((line) => JSON.parse(line).event_name)).toEqual(['Call1', 'Call3', 'Call4']);
      expect([...result.failures.groups.keys()]).toEqual(['the rule could not be evaluated on it (RangeError)']);
    });
  });
});
