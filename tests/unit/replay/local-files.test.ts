import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReplayFatalError } from '../../../cli/replay/errors';
import { localFiles } from '../../../cli/replay/inputs/local-files';
import { replaySources } from '../../../cli/replay/inputs/sources';
import { collect } from './factories';

describe('localFiles', () => {
  test('walks a folder recursively in name order, skipping hidden entries', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'files-'));
    mkdirSync(path.join(dir, 'b', 'c'), { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    for (const file of ['z.json', 'a.json', 'b/c/d.json.gz', '.hidden', '.git/x']) writeFileSync(path.join(dir, file), '{}');
    const names = (await collect(localFiles('.', dir))).map((object) => object.name);
    expect(names).toEqual(['a.json', 'b/c/d.json.gz', 'z.json']);
  });

  test('a single file is one object, with its size', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'files-'));
    writeFileSync(path.join(dir, 'one.json'), '{"a":1}');
    expect((await collect(localFiles('one.json', dir))).map((o) => [o.name, o.size])).toEqual([['one.json', 7]]);
  });

  test('a missing path stops the run (replaySources)', async () => {
    await expect(collect(replaySources(['nope'], { cwd: os.tmpdir(), s3: () => { throw new Error('unused'); }, stdin: () => { throw new Error('unused'); } }))).rejects.toThrow(ReplayFatalError);
  });
});
