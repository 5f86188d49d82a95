/**
 * `--to stdout`: the normalised NDJSON, one line per record, exactly as the transform writes it.
 */
import { ReplayFatalError } from '../errors';
import type { DeliveryReport, Sink, SinkRecord } from './types';

/** Writes each record as it comes, waiting for the stream to drain when it asks to. */
export function stdoutSink(stdout: NodeJS.WritableStream, report: DeliveryReport): Sink {
  let closed: string | undefined;
  // `| head` closes the pipe early: stop reading instead of crashing on EPIPE.
  const onError = (error: NodeJS.ErrnoException): void => {
    closed = error.code ?? 'error';
  };
  stdout.on('error', onError);
  const check = (): void => {
    if (closed !== undefined) throw new ReplayFatalError(`stdout was closed (${closed}) before every record was written.`);
  };
  return {
    label: 'stdout',
    input: 'normalised',
    async write(record: SinkRecord): Promise<void> {
      check();
      const more = stdout.write(record.data);
      report.delivered([record.ticket]);
      if (!more) {
        await new Promise<void>((resolve) => {
          stdout.once('drain', resolve);
          stdout.once('error', () => resolve());
        });
      }
      check();
    },
    flush: async () => check(),
    close: async () => {
      stdout.removeListener('error', onError);
    },
  };
}

/** `--dry-run`: reads and transforms, delivers nothing; every record counts as delivered. */
export function dryRunSink(label: string, input: Sink['input'], report: DeliveryReport): Sink {
  return {
    label: `${label} (dry run)`,
    input,
    write: async (record) => report.delivered([record.ticket]),
    flush: async () => undefined,
    close: async () => undefined,
  };
}
