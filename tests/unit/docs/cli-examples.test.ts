import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../../cli/index';
import { loadTemplate } from '../../../cli/template/load-template';
import { capturedIo } from '../../helpers/captured-io';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Every `o2-cognito <command> …` line in the README's code blocks (continuation lines joined), so that an
 * example naming a command or a flag the CLI does not have fails here rather than in a user's terminal.
 */
function readmeExamples(readme: string): { command: string; flags: string[]; line: string }[] {
  const examples: { command: string; flags: string[]; line: string }[] = [];
  let inFence = false;
  const lines = readme.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (/^\s*```/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) continue;
    let line = raw;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i] ?? ''}`;
    // A command position: the start of the line (after env assignments), or after a pipe, `;`, `&&` or `$(`.
    const match = /(?:^\s*(?:[A-Z_]+=\S*\s+)*|[|;&]\s*|\$\()(o2-cognito [a-z].*)$/.exec(line);
    if (match === null) continue;
    const text = (match[1] ?? '').replace(/#.*$/, '');
    const command = /o2-cognito ([a-z-]+)/.exec(text)?.[1];
    if (command === undefined) continue;
    const flags = [...text.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((m) => m[1]!);
    examples.push({ command, flags, line: text.trim() });
  }
  return examples;
}

async function helpOf(command: string): Promise<string> {
  const io = capturedIo(ROOT);
  await main([command, '--help'], io);
  return io.out() + io.err();
}

describe('the README\'s o2-cognito examples', () => {
  const examples = readmeExamples(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

  test('there are examples of every command', () => {
    const commands = new Set(examples.map((e) => e.command));
    expect([...commands].sort()).toEqual(['check-endpoint', 'install-pack', 'invoke', 'replay']);
  });

  test('use only flags that the command\'s --help lists', async () => {
    // Prepare
    const helps = new Map<string, string>();
    for (const command of new Set(examples.map((e) => e.command))) helps.set(command, await helpOf(command));
    // Act
    const unknown = examples.flatMap((e) =>
      e.flags.filter((flag) => !new RegExp(`(^|[\\s\\[(|,])${flag}(?![a-z-])`).test(helps.get(e.command) ?? '')).map((flag) => `${flag} in: ${e.line}`),
    );
    // Assess
    expect(unknown).toEqual([]);
  });

  test('finds an unknown flag (the check can fail)', async () => {
    const help = await helpOf('replay');
    expect(/(^|[\s[(|,])--no-such-flag(?![a-z-])/.test(help)).toBe(false);
    expect(readmeExamples('```sh\no2-cognito replay --from x \\\n  --no-such-flag\n```')[0]?.flags).toEqual(['--from', '--no-such-flag']);
  });

  test('override only parameters that template.yaml declares', () => {
    // Prepare: `Name=` tokens after --parameter-overrides in code blocks (sam deploy and o2-cognito alike)
    const parameters = new Set(Object.keys(loadTemplate(path.join(ROOT, 'template.yaml')).Parameters ?? {}));
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const joined = readme.replace(/\\\n/g, ' ');
    // SAR's CLI spells them `Name=X,Value=Y` (aws serverlessrepo create-cloud-formation-change-set).
    const names = [...joined.matchAll(/--parameter-overrides((?:\s+['"]?[A-Za-z0-9]+=\S*)+)/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/(?:^|\s)['"]?(?:Name=([A-Za-z0-9]+),Value=|([A-Za-z0-9]+)=)/g)].map((n) => (n[1] ?? n[2])!),
    );
    // Act: the usage lines' placeholders (`Key=Value`, `K=V`) are not parameters
    const unknown = names.filter((name) => !['Key', 'K'].includes(name) && !parameters.has(name));
    // Assess
    expect(names.filter((name) => parameters.has(name)).length).toBeGreaterThanOrEqual(5);
    expect(unknown).toEqual([]);
  });
});
