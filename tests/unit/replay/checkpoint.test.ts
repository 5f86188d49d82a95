import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCheckpoint } from '../../../cli/replay/checkpoint';

describe('openCheckpoint', () => {
  test('writes each finished object at once, and a new run reads them back', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cp-')), 'replay.checkpoint');
    const first = openCheckpoint(file);
    first.add('s3://bucket/a.json.gz');
    first.add('s3://bucket/a.json.gz');
    first.add('events/b.json');
    expect(readFileSync(file, 'utf8')).toBe('s3://bucket/a.json.gz\nevents/b.json\n');
    const second = openCheckpoint(file);
    expect(second.has('s3://bucket/a.json.gz')).toBe(true);
    expect(second.has('events/c.json')).toBe(false);
    expect(second.size).toBe(2);
  });
});
