import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMAND_NAMES, main } from '../../../cli/index';
import { capturedIo } from '../../helpers/captured-io';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The `exit codes:` block of a help text: code → what it means. */
function exitCodes(help: string): Map<string, string> {
  const block = /\nexit codes:\n((?: {2}\d+ +\S.*\n)+)/.exec(help)?.[1] ?? '';
  return new Map([...block.matchAll(/^ {2}(\d+) +(\S.*)$/gm)].map((m) => [m[1] as string, m[2] as string]));
}

async function run(argv: string[]) {
  const io = capturedIo(ROOT);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('o2-cognito --version', () => {
  test.each(['--version', '-v'])('%s prints the package.json version and exits 0', async (flag) => {
    // Prepare
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

    // Act
    const { code, out, err } = await run([flag]);

    // Assess
    expect(code).toBe(0);
    expect(out).toBe(`o2-cognito ${version}\n`);
    expect(err).toBe('');
  });
});

describe('exit codes in --help', () => {
  test('o2-cognito --help lists the commands, --version and the exit codes 0, 1 and 2', async () => {
    const { code, out } = await run(['--help']);

    expect(code).toBe(0);
    for (const name of COMMAND_NAMES) expect(out).toContain(`  ${name} `);
    expect(out).toContain('o2-cognito --version');
    expect([...exitCodes(out).keys()]).toEqual(['0', '1', '2']);
  });

  test.each(COMMAND_NAMES.map((name) => [name]))('o2-cognito %s --help says what exit codes 0, 1 and 2 mean', async (name) => {
    // Act
    const { code, out } = await run([name, '--help']);

    // Assess
    expect(code).toBe(0);
    const codes = exitCodes(out);
    expect([...codes.keys()].slice(0, 3)).toEqual(['0', '1', '2']);
    expect(codes.get('2')).toMatch(/^usage error/);
  });

  test('finds no exit codes in a help text without them (the check can fail)', () => {
    expect(exitCodes('usage: o2-cognito x\n\n  --flag  something\n').size).toBe(0);
  });
});
