import path from 'node:path';
import { main } from '../../../cli/index';
import { loadTemplate } from '../../../cli/template/load-template';
import { capturedIo } from '../../helpers/captured-io';
import { generatedDocs, ROOT } from '../../helpers/generated-docs';
import { inlineCommands, shellCommands } from '../../template/support/deploy-commands';

/**
 * Every `o2-cognito <command> …` (or `node bin/o2-cognito.js <command> …`) in the code blocks of the generated
 * docs (continuation lines joined) and in their code spans, so that an example naming a command or a flag the
 * CLI does not have fails here rather than in a user's terminal.
 */
function examplesIn(markdown: string): { command: string; flags: string[]; line: string }[] {
  const lines = [...shellCommands(markdown), ...inlineCommands(markdown, /^(node bin\/)?o2-cognito(\.js)? [a-z]/)];
  return lines.flatMap((line) => {
    // A command position: the start of the line (after env assignments), or after a pipe, `;`, `&&` or `$(`.
    const match = /(?:^\s*(?:[A-Z_]+=\S*\s+)*|[|;&]\s*|\$\()((?:node bin\/)?o2-cognito(?:\.js)? [a-z].*)$/.exec(line);
    const text = match?.[1] ?? '';
    const command = /o2-cognito(?:\.js)? ([a-z-]+)/.exec(text)?.[1];
    if (command === undefined) return [];
    const flags = [...text.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((m) => m[1]!);
    return [{ command, flags, line: text.trim() }];
  });
}

async function helpOf(command: string): Promise<string> {
  const io = capturedIo(ROOT);
  await main([command, '--help'], io);
  return io.out() + io.err();
}

describe('the o2-cognito examples of the README and docs/', () => {
  const examples = generatedDocs().flatMap((doc) => examplesIn(doc.text));

  test('there are examples of every command', () => {
    const commands = new Set(examples.map((e) => e.command));
    expect([...commands].sort()).toEqual(['check-endpoint', 'install-pack', 'invoke', 'replay']);
    expect(generatedDocs().filter((doc) => examplesIn(doc.text).length > 0).map((doc) => doc.file)).toEqual(
      expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/security-pack.md', 'docs/troubleshooting.md']),
    );
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
    expect(examplesIn('```sh\no2-cognito replay --from x \\\n  --no-such-flag\n```')[0]?.flags).toEqual(['--from', '--no-such-flag']);
    expect(examplesIn('```sh\nnode bin/o2-cognito.js check-endpoint --no-such-flag\n```')[0]).toMatchObject({ command: 'check-endpoint', flags: ['--no-such-flag'] });
    expect(examplesIn('Run `o2-cognito replay --no-such-flag` first.')[0]).toMatchObject({ command: 'replay', flags: ['--no-such-flag'] });
  });

  test('override only parameters that template.yaml declares', () => {
    // Prepare: `Name=` tokens after --parameter-overrides in code blocks (sam deploy and o2-cognito alike)
    const parameters = new Set(Object.keys(loadTemplate(path.join(ROOT, 'template.yaml')).Parameters ?? {}));
    const joined = generatedDocs()
      .map((doc) => doc.text)
      .join('\n')
      .replace(/\\\n/g, ' ');
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
