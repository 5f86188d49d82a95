/**
 * `--to` → the sink that delivers there (or a dry-run stand-in).
 */
import type { FirehoseClient } from '@aws-sdk/client-firehose';
import type { CliIo } from '../../io';
import type { ReplayOptions } from '../options';
import { firehoseStreamSink } from './firehose-stream-sink';
import { httpsSink } from './https-sink';
import { dryRunSink, stdoutSink } from './stdout-sink';
import type { DeliveryReport, Notify, Sink } from './types';

export interface SinkDeps {
  readonly io: CliIo;
  readonly report: DeliveryReport;
  /** Required for an https target (checked by the command before the run). */
  readonly accessKey?: string;
  /** Made on first use, so only a firehose target loads AWS configuration. */
  readonly firehose: () => Pick<FirehoseClient, 'send'>;
  /** Trusted CA for an https target (tests only). */
  readonly ca?: string;
  /** Where a sink says its retries. */
  readonly notify?: Notify;
}

/** A label for the target that never holds a key. */
export function targetLabel(target: ReplayOptions['to']): string {
  if (target.kind === 'stdout') return 'stdout';
  if (target.kind === 'firehose') return `firehose:${target.stream}`;
  const url = new URL(target.url);
  return `${url.origin}${url.pathname}`;
}

export function createSink(options: ReplayOptions, deps: SinkDeps): Sink {
  const target = options.to;
  if (options.dryRun) return dryRunSink(targetLabel(target), target.kind === 'firehose' ? 'event' : 'normalised', deps.report);
  switch (target.kind) {
    case 'stdout':
      return stdoutSink(deps.io.stdout, deps.report);
    case 'https':
      return httpsSink(
        {
          url: target.url,
          accessKey: deps.accessKey ?? '',
          gzip: options.gzip,
          ...(deps.ca !== undefined ? { ca: deps.ca } : {}),
          ...(deps.notify !== undefined ? { notify: deps.notify } : {}),
        },
        deps.report,
      );
    case 'firehose':
      return firehoseStreamSink(
        { client: deps.firehose(), stream: target.stream, ...(deps.notify !== undefined ? { notify: deps.notify } : {}) },
        deps.report,
      );
  }
}
