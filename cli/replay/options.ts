/**
 * The command line of `o2-cognito replay`, parsed once into typed options.
 */
import { parseArgs } from 'node:util';
import { CliUsageError } from '../io';
import { spreadParameterOverrides } from '../template/parameter-overrides';
import { parseTimeOption } from './event-time';

export const REPLAY_USAGE = `usage: o2-cognito replay --from PATH|s3://bucket/prefix|- [--from …] [options]

Reads EventBridge events, CloudTrail log files, Firehose transformation events and Firehose S3 backups
(processing-failed/, http-endpoint-failed/), keeps what the stack's rule would match, runs the transform
and delivers the result.

  --from PATH|s3://…|-             a file, a folder (read recursively), an S3 prefix, or - for stdin; repeat for several
  --to stdout|https://…/_kinesis_firehose|firehose:STREAM   where to deliver (default stdout)
  --since TIME, --until TIME       event time window: ISO-8601 (2025-06-17T08:00:00Z, 2025-06-17) or an age (6h, 7d)
  --template FILE                  the stack template whose CognitoEventsRule decides (default ./template.yaml)
  --parameter-overrides K=V …      template parameters, e.g. IncludeIdentityPoolEvents=false IncludeReadOnlyEvents=true
  --access-key KEY                 OpenObserve Firehose access key (default: OPENOBSERVE_ACCESS_KEY)
  --no-gzip                        send https requests uncompressed (default: Content-Encoding gzip)
  --keep-timestamps                keep event times older than OpenObserve's 5 h window (server with a longer ZO_INGEST_ALLOWED_UPTO)
  --checkpoint FILE                record finished objects; a re-run skips them
  --dry-run                        read, match and transform; deliver nothing

exit codes:
  0  everything that matched was delivered (with --dry-run: transformed), or nothing matched
  1  something was not delivered or could not be read (stderr prints the command that resumes it), or no event was read
  2  usage error: a missing or invalid option, or a template the rule cannot be read from
  130  a second Ctrl-C ended it at once (the first stops reading and delivers what is buffered)
`;

export type SinkTarget =
  | { readonly kind: 'stdout' }
  | { readonly kind: 'https'; readonly url: string }
  | { readonly kind: 'firehose'; readonly stream: string };

export interface ReplayOptions {
  readonly from: readonly string[];
  readonly to: SinkTarget;
  readonly sinceMs?: number;
  readonly untilMs?: number;
  readonly template: string;
  /** `--parameter-overrides` as given; checked against the template's parameters once it is loaded. */
  readonly parameterOverrides: readonly string[];
  readonly accessKey?: string;
  readonly gzip: boolean;
  readonly keepTimestamps: boolean;
  readonly checkpoint?: string;
  readonly dryRun: boolean;
  readonly help: boolean;
}

const FIREHOSE_STREAM_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;

/** `--to` → a sink target; a usage error names the accepted forms. */
export function parseSinkTarget(text: string): SinkTarget {
  if (text === 'stdout' || text === '-') return { kind: 'stdout' };
  if (text.startsWith('firehose:')) {
    const stream = text.slice('firehose:'.length);
    if (!FIREHOSE_STREAM_NAME.test(stream)) {
      throw new CliUsageError(`--to firehose: needs a delivery stream name (letters, digits, _ . -), such as firehose:cognito-events.`);
    }
    return { kind: 'firehose', stream };
  }
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url !== undefined && url.protocol === 'https:' && url.pathname.endsWith('/_kinesis_firehose') && url.username === '' && url.password === '') {
    return { kind: 'https', url: url.toString() };
  }
  // Not echoing `text`: a mistyped URL may hold credentials.
  throw new CliUsageError('--to takes stdout, https://HOST/aws/ORG/STREAM/_kinesis_firehose or firehose:STREAM.');
}

function timeOption(name: string, text: string | undefined, nowMs: number): number | undefined {
  if (text === undefined) return undefined;
  const value = parseTimeOption(text, nowMs);
  if (value === undefined) throw new CliUsageError(`${name} is '${text}'; use an ISO-8601 time such as 2025-06-17T08:00:00Z, a date, or an age such as 6h or 7d.`);
  return value;
}

/**
 * Node's parseArgs messages quote the offending argument, which may be a key typed after a misspelt
 * option: only the option name (never a value) goes into ours.
 */
function parseArgsProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : '';
  const option = /'(--?[a-zA-Z-]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'replay takes only options (--name value); run o2-cognito replay --help for them.';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${option ?? 'an option'} is not an option of replay; run o2-cognito replay --help for them.`;
  return `${option ?? 'an option'} is missing its value or does not take one; run o2-cognito replay --help for the options.`;
}

/** Parses `argv` (after `replay`). */
export function parseReplayOptions(argv: readonly string[], nowMs: number): ReplayOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: spreadParameterOverrides(argv),
      options: {
        from: { type: 'string', multiple: true },
        to: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        template: { type: 'string' },
        'parameter-overrides': { type: 'string', multiple: true },
        'access-key': { type: 'string' },
        'no-gzip': { type: 'boolean' },
        gzip: { type: 'boolean' },
        'keep-timestamps': { type: 'boolean' },
        checkpoint: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new CliUsageError(parseArgsProblem(error));
  }
  const help = values.help === true;
  const from = values.from ?? [];
  if (!help && from.length === 0) throw new CliUsageError('--from is required: a file, a folder, s3://bucket/prefix or - for stdin (repeat it for several).');
  if (from.filter((target) => target === '-').length > 1) throw new CliUsageError('--from - (stdin) can be given once: stdin is read only once.');
  const sinceMs = timeOption('--since', values.since, nowMs);
  const untilMs = timeOption('--until', values.until, nowMs);
  if (sinceMs !== undefined && untilMs !== undefined && sinceMs >= untilMs) throw new CliUsageError('--since must be before --until.');
  return {
    from,
    to: parseSinkTarget(values.to ?? 'stdout'),
    ...(sinceMs !== undefined ? { sinceMs } : {}),
    ...(untilMs !== undefined ? { untilMs } : {}),
    template: values.template ?? 'template.yaml',
    parameterOverrides: values['parameter-overrides'] ?? [],
    ...(values['access-key'] !== undefined ? { accessKey: values['access-key'] } : {}),
    gzip: values['no-gzip'] !== true,
    keepTimestamps: values['keep-timestamps'] === true,
    ...(values.checkpoint !== undefined ? { checkpoint: values.checkpoint } : {}),
    dryRun: values['dry-run'] === true,
    help,
  };
}
