/** A CliIo that keeps what a command writes, for in-process command tests. */
import { Writable } from 'node:stream';
import type { CliIo } from '../../cli/io';

export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

/** A CliIo whose stdout and stderr are captured; `env` is the shell environment the command sees. */
export function capturedIo(cwd: string, env: NodeJS.ProcessEnv = {}): CapturedIo {
  const sink = (): { stream: Writable; text: () => string } => {
    const chunks: string[] = [];
    const stream = new Writable({
      decodeStrings: false,
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const stdout = sink();
  const stderr = sink();
  return {
    stdout: stdout.stream, stderr: stderr.stream, env, cwd, interactive: false,
    out: stdout.text,
    err: stderr.text,
  };
}
