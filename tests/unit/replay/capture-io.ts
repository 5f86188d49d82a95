/** A CliIo that keeps what a command writes, for in-process command tests. */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../cli/io';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(overrides: { env?: NodeJS.ProcessEnv; cwd?: string; interactive?: boolean } = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const outChunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => outChunks.push(chunk));
  stderr.on('data', (chunk: Buffer) => errChunks.push(chunk));
  return {
    stdout,
    stderr,
    env: overrides.env ?? {},
    cwd: overrides.cwd ?? process.cwd(),
    interactive: overrides.interactive ?? false,
    out: () => Buffer.concat(outChunks).toString('utf8'),
    err: () => Buffer.concat(errChunks).toString('utf8'),
  };
}
