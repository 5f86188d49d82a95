import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  MAX_RECORD_BYTES,
  buildTransformEvents,
  compactJson,
  oversizeTransformEvent,
  type SourceEvent,
} from '../../../scripts/events/firehose-events';
import type { FirehoseTransformationEvent } from 'aws-lambda';

const root = path.resolve(__dirname, '../../..');
const eventbridgeDir = path.join(root, 'events', 'eventbridge');
const activityDir = path.join(root, 'events', 'user-activity');
const transformDir = path.join(root, 'events', 'transform');

function filesIn(dir: string): SourceEvent[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

const sources = (): SourceEvent[] => filesIn(eventbridgeDir);
const activity = (): SourceEvent[] => filesIn(activityDir);

function built(name: string): FirehoseTransformationEvent {
  const text = buildTransformEvents(sources(), activity()).get(name);
  if (text === undefined) throw new Error(`${name} is not built`);
  return JSON.parse(text) as FirehoseTransformationEvent;
}

describe('events/transform', () => {
  it('matches what npm run events builds from events/eventbridge and events/user-activity (run it when this fails)', () => {
    // Prepare
    const expected = buildTransformEvents(sources(), activity());
    // Act
    const committed = new Map(
      readdirSync(transformDir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => [name, readFileSync(path.join(transformDir, name), 'utf8')]),
    );
    // Assess
    expect([...committed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect({ name, text: committed.get(name) }).toEqual({ name, text });
  });

  it('builds the same bytes twice', () => {
    expect(buildTransformEvents(sources(), activity())).toEqual(buildTransformEvents(sources(), activity()));
  });

  it('puts each user activity file into user-activity.json as one record, each event compact on its own line', () => {
    const event = built('user-activity.json');
    const decoded = event.records.map((r) => Buffer.from(r.data, 'base64').toString('utf8'));

    expect(decoded).toHaveLength(activity().length);
    for (const data of decoded) {
      expect(data.endsWith('}\n')).toBe(true);
      for (const line of data.trimEnd().split('\n')) expect(compactJson(line)).toBe(line);
    }
    expect(decoded.filter((data) => data.trimEnd().split('\n').length === 2)).toHaveLength(1);
  });

  it('puts every EventBridge event into all-samples.json once, as compact JSON with numbers as written', () => {
    const event = built('all-samples.json');
    const decoded = event.records.map((r) => Buffer.from(r.data, 'base64').toString('utf8'));
    expect(decoded.sort()).toEqual(sources().map((s) => compactJson(s.text)).sort());
    expect(decoded.some((d) => d.includes('"status":200.0'))).toBe(true);
  });

  it('gives every record of a file a distinct record id and an arrival time after its event', () => {
    for (const name of ['all-samples.json', 'garbage.json', 'mixed.json', 'user-activity.json']) {
      const event = built(name);
      expect(new Set(event.records.map((r) => r.recordId)).size).toBe(event.records.length);
    }
    for (const record of built('all-samples.json').records) {
      const time = (JSON.parse(Buffer.from(record.data, 'base64').toString('utf8')) as { time: string }).time;
      expect(record.approximateArrivalTimestamp).toBeGreaterThan(Date.parse(time));
    }
  });

  it('holds in garbage.json bad records of each kind and exactly one valid event', () => {
    const records = built('garbage.json').records;
    const parsesAsObject = (data: string): boolean => {
      try {
        const value: unknown = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
        return value !== null && typeof value === 'object' && !Array.isArray(value) && 'detail' in value;
      } catch {
        return false;
      }
    };
    expect(records.filter((r) => parsesAsObject(r.data))).toHaveLength(1);
    expect(records.some((r) => r.data === '')).toBe(true);
    expect(records.some((r) => Buffer.from(r.data, 'base64').toString('base64') !== r.data)).toBe(true);
  });

  it('holds in mixed.json valid events and one record that is not JSON', () => {
    const bad = built('mixed.json').records.filter((r) => {
      try {
        JSON.parse(Buffer.from(r.data, 'base64').toString('utf8'));
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toHaveLength(1);
  });

  it('builds the oversize event on demand with one record just over 1,000 KiB of JSON', () => {
    const [record] = oversizeTransformEvent().records;
    const bytes = Buffer.from(record?.data ?? '', 'base64');
    expect(bytes.length).toBe(MAX_RECORD_BYTES + 1);
    expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
  });
});

describe('compactJson', () => {
  it('removes whitespace outside strings only and keeps number literals', () => {
    expect(compactJson('{\n  "a b": "x \\" y",\n  "n": 200.0\n}\n')).toBe('{"a b":"x \\" y","n":200.0}');
  });
});
