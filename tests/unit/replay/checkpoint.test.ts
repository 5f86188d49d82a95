import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCheckpoint } from '../../../cli/replay/checkpoint';

const tempFile = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'cp-')), 'replay.checkpoint');

describe('openCheckpoint', () => {
  test('writes each finished object at once, one JSON string per line, and a new run reads them back', () => {
    // Prepare
    const file = tempFile();
    const first = openCheckpoint(file);
    // Act
    first.add('s3://bucket/a.json.gz');
    first.add('s3://bucket/a.json.gz');
    first.add('events/b.json');
    const second = openCheckpoint(file);
    // Assess
    expect(readFileSync(file, 'utf8')).toBe('"s3://bucket/a.json.gz"\n"events/b.json"\n');
    expect(second.has('s3://bucket/a.json.gz')).toBe(true);
    expect(second.has('events/c.json')).toBe(false);
    expect(second.size).toBe(2);
  });

  test('a name holding a line break stays one entry: resuming never skips another object', () => {
    const file = tempFile();
    openCheckpoint(file).add('0\nvictim.json');
    const resumed = openCheckpoint(file);
    expect(resumed.has('0\nvictim.json')).toBe(true);
    expect(resumed.has('victim.json')).toBe(false);
    expect(resumed.has('0')).toBe(false);
    expect(resumed.size).toBe(1);
  });

  test('names with quotes, backslashes, line separators and non-ASCII come back as they were', () => {
    const file = tempFile();
    const names = ['"quoted".json', 'back\\slash', 'tab\there', 'line\u2028separator', 'crlf\r\n.json', 'zoë ✓.json.gz', ' '];
    const first = openCheckpoint(file);
    for (const name of names) first.add(name);
    const resumed = openCheckpoint(file);
    expect(names.filter((name) => !resumed.has(name))).toEqual([]);
    expect(resumed.size).toBe(names.length);
  });

  test('reads a checkpoint written before names were encoded (one raw name per line), and appends to it', () => {
    const file = tempFile();
    writeFileSync(file, 's3://bucket/old.json.gz\nevents/old.json\n');
    const resumed = openCheckpoint(file);
    resumed.add('events/new.json');
    const again = openCheckpoint(file);
    expect(['s3://bucket/old.json.gz', 'events/old.json', 'events/new.json'].every((name) => again.has(name))).toBe(true);
    expect(again.size).toBe(3);
  });

  test('a line cut short by a crash during its write is ignored, so its object is done again', () => {
    const file = tempFile();
    writeFileSync(file, '"events/a.json"\n"events/b.js');
    const resumed = openCheckpoint(file);
    expect(resumed.has('events/a.json')).toBe(true);
    expect(resumed.has('events/b.js')).toBe(false);
    expect(resumed.has('"events/b.js')).toBe(false);
    expect(resumed.size).toBe(1);
  });
});
