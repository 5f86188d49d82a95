/**
 * The built CLI writing records into a pipe, as `replay … | head -1` and `replay … | slow-reader` do.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/o2-cognito.js');

let input: string;

beforeAll(() => {
  // About 4 MB of events: far more than a pipe buffers.
  const sample = JSON.parse(readFileSync(path.join(ROOT, 'events/eventbridge/sign-up.json'), 'utf8'));
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ ...sample, id: `id-${i}`, detail: { ...sample.detail, eventID: `e-${i}` } }));
  input = path.join(mkdtempSync(path.join(os.tmpdir(), 'replay-pipe-')), 'events.ndjson');
  writeFileSync(input, lines.join('\n'));
});

function replay(onStdout: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string; lines: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'replay', '--from', input], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let lines = 0;
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => (lines += chunk.toString().split('\n').length - 1));
    onStdout(child);
    child.on('close', (code) => resolve({ code, stderr, lines }));
  });
}

describe('o2-cognito replay into a pipe', () => {
  test('| head -1: a reader that goes away after the first line ends the run quietly, exit code 0', async () => {
    const result = await replay((child) => child.stdout!.once('data', () => child.stdout!.destroy()));
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  test('a slow reader gets every record, with no MaxListenersExceededWarning', async () => {
    const result = await replay((child) => {
      // Take one chunk at a time, a little later each time, so that the CLI waits for the pipe to drain again and again.
      const stdout = child.stdout!;
      stdout.on('data', () => {
        stdout.pause();
        setTimeout(() => stdout.resume(), 2);
      });
    });
    expect(result.code).toBe(0);
    expect(result.lines).toBe(3000);
    expect(result.stderr).not.toContain('MaxListenersExceededWarning');
    expect(result.stderr).toContain('3,000 delivered to stdout');
  }, 60_000);

  test('--from - reads the events piped into it', async () => {
    const child = spawn(process.execPath, [BIN, 'replay', '--from', '-'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin!.end(readFileSync(input));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(3000);
  });
});
