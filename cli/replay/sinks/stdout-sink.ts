/**
 * `--to stdout`: the normalised NDJSON, one line per record, exactly as the transform writes it.
 */
import { OutputClosedError, ReplayFatalError } from '../errors';
import type { DeliveryReport, Sink, SinkRecord } from './types';

/** Resolves when `stream` drains, errs or closes, leaving no listener behind (a wait per full buffer). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.removeListener('drain', done);
      stream.removeListener('error', done);
      stream.removeListener('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
    stream.once('close', done);
  });
}

/**
 * Writes each record as it comes, waiting for the stream to drain when it asks to. A reader that stops
 * (`| head`: EPIPE) ends the run quietly; any other write error (a full disk) stops it as a failure.
 */
export function stdoutSink(stdout: NodeJS.WritableStream, report: DeliveryReport): Sink {
  let failure: string | undefined;
  const onError = (error: NodeJS.ErrnoException): void => {
    failure ??= error.code ?? 'an error';
  };
  stdout.on('error', onError);
  const check = (): void => {
    if (failure === 'EPIPE') throw new OutputClosedError('stdout was closed by its reader.');
    if (failure !== undefined) throw new ReplayFatalError(`stdout could not be written (${failure}); check where it goes (a full disk?), then resume.`);
  };
  return {
    label: 'stdout',
    input: 'normalised',
    async write(record: SinkRecord): Promise<void> {
      check();
      const more = stdout.write(record.data);
      report.delivered([record.ticket]);
      if (!more) await drained(stdout);
      check();
    },
    flush: async () => check(),
    close: async () => {
      // A late EPIPE must not become an unhandled 'error' once the run is over.
      stdout.removeListener('error', onError);
      stdout.on('error', () => undefined);
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
