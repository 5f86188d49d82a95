/** What a command may touch, passed in so tests can capture it: data to stdout, everything else to stderr. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** True when stderr is a terminal (progress may redraw a line). */
  readonly interactive: boolean;
}

/** A command takes its own arguments (after the command name) and resolves to the exit code. */
export type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** A usage or input problem the user can fix; its message is one sentence saying what to do. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
  };
}
