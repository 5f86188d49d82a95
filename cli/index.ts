import { version } from '../package.json';
import { type CliIo, type Command, CliUsageError, processIo } from './io';

/** A command whose module is evaluated on first use, so that running one command never initialises the others. */
function lazy(load: () => Promise<{ run: Command }>): Command {
  return async (argv, io) => (await load()).run(argv, io);
}

/** One entry per command; each lives in cli/commands/<name>.ts. */
const COMMANDS: Record<string, { run: Command; summary: string }> = {
  invoke: { run: lazy(() => import('./commands/invoke')), summary: 'run a function of template.yaml locally, like sam local invoke' },
  'check-endpoint': { run: lazy(() => import('./commands/check-endpoint')), summary: 'check an OpenObserve endpoint, access key and trail, as the deploy does' },
  replay: { run: lazy(() => import('./commands/replay')), summary: 'replay events, CloudTrail logs or Firehose backups through the rule and transform' },
  'install-pack': { run: lazy(() => import('./commands/install-pack')), summary: 'install, update or remove the Cognito Security dashboard and alerts in OpenObserve' },
};

/** The command names, in the order `o2-cognito --help` lists them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(16)}${c.summary}`);
  return `usage: o2-cognito <command> [options]
       o2-cognito --version

commands:
${lines.join('\n')}

Run o2-cognito <command> --help for its options and exit codes.

exit codes:
  0  the command did what was asked
  1  it ran, but something was not done (its stderr says what)
  2  usage error: an unknown command, option or value (nothing was done)
`;
}

/** Runs the o2-cognito command line and resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`o2-cognito ${version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`o2-cognito: unknown command '${name}'; use one of: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr.write(`o2-cognito ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`o2-cognito ${name}: ${message}\n`);
    return 1;
  }
}
