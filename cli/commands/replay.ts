/**
 * `o2-cognito replay`: backfill, redrive and local demo, with the stack's own rule and transform.
 * See docs/readme/81-replay.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_KEY_LOCATION } from '../../functions/shared/access-key-location';
import { ConfigError } from '../../functions/transform/errors';
import { CliUsageError, type CliIo, type Command } from '../io';
import { loadTemplate, type Template } from '../template/load-template';
import { firehoseClient, s3Client } from '../replay/aws-clients';
import { memoryCheckpoint, openCheckpoint, saveResumeCheckpoint } from '../replay/checkpoint';
import { RulePatternError } from '../replay/errors';
import { replaySources } from '../replay/inputs/sources';
import { parseReplayOptions, REPLAY_USAGE, type ReplayOptions } from '../replay/options';
import { stderrProgress } from '../replay/progress';
import { resumeHint, secretParametersOf } from '../replay/resume-command';
import { ruleMatcher, type RuleMatcher } from '../replay/rule-pattern';
import { foundNoEvent, replaySucceeded, runReplay, type ReplayResult } from '../replay/run-replay';
import { createSink } from '../replay/sinks/create-sink';
import { formatSummary, type SummaryOptions } from '../replay/summary';
import { replayTransform, type ReplayTransform } from '../replay/transform-port';
import { parseParameterOverrides } from '../template/parameter-overrides';

interface Prepared {
  readonly template: Template;
  readonly overrides: ReadonlyMap<string, string>;
  readonly rule: RuleMatcher;
  readonly transform: ReplayTransform;
}

/** The template, its rule for the overrides, and the transform: every usage problem is found before reading. */
function prepare(options: ReplayOptions, io: CliIo): Prepared {
  const templateFile = path.resolve(io.cwd, options.template);
  if (!existsSync(templateFile)) {
    throw new CliUsageError(`${options.template} does not exist; run replay in the project folder or give --template FILE (the rule is read from it).`);
  }
  try {
    const template = loadTemplate(templateFile);
    // The same parser as invoke: names must be template parameters and values must meet their constraints,
    // so a typo cannot silently replay through a different rule.
    const parsed = parseParameterOverrides(options.parameterOverrides, template);
    if (!parsed.ok) throw new CliUsageError(`${parsed.reason}.`);
    const rule = ruleMatcher(template, parsed.overrides);
    const transform = replayTransform(io.env, { keepTimestamps: options.keepTimestamps });
    return { template, overrides: parsed.overrides, rule, transform };
  } catch (error) {
    if (error instanceof RulePatternError || error instanceof ConfigError) throw new CliUsageError(error.message, { cause: error });
    throw error;
  }
}

/**
 * How to resume a run that did not succeed. Without `--checkpoint`, what this run finished is saved to a new
 * checkpoint file, so that the command printed skips it.
 */
function resumeOf(_result: ReplayResult, options: ReplayOptions, prepared: Prepared, finished: readonly string[], io: CliIo): Partial<SummaryOptions> {
  const inputs = { options, overrides: prepared.overrides, secretParameters: secretParametersOf(prepared.template) };
  if (options.checkpoint !== undefined) {
    return { resume: resumeHint({ ...inputs, checkpointFile: options.checkpoint }), checkpoint: { file: options.checkpoint } };
  }
  if (finished.length === 0) return { resume: resumeHint(inputs) };
  const saved = saveResumeCheckpoint(io.cwd, finished, Date.now());
  if (!saved.ok) {
    const hint = resumeHint(inputs);
    return { resume: { ...hint, notes: [...hint.notes, `the ${finished.length} objects finished will be read again: a checkpoint could not be written in ${io.cwd} (${saved.code})`] } };
  }
  return { resume: resumeHint({ ...inputs, checkpointFile: saved.file }), checkpoint: { file: saved.file, saved: finished.length } };
}

/** Builds the command; `stdin` is injectable so that tests can feed `--from -`. */
export function createReplayCommand(stdin: () => AsyncIterable<Uint8Array> = () => process.stdin): Command {
  return (argv, io) => replay(argv, io, stdin);
}

/** `o2-cognito replay`. */
export const run: Command = createReplayCommand();

async function replay(argv: readonly string[], io: CliIo, stdin: () => AsyncIterable<Uint8Array>): Promise<number> {
  const options = parseReplayOptions(argv, Date.now());
  if (options.help) {
    io.stdout.write(REPLAY_USAGE);
    return 0;
  }
  const prepared = prepare(options, io);
  const accessKey = (options.accessKey ?? io.env.OPENOBSERVE_ACCESS_KEY)?.trim();
  if (options.to.kind === 'https' && !options.dryRun && (accessKey === undefined || accessKey === '')) {
    throw new CliUsageError(`--to https needs the OpenObserve access key; set OPENOBSERVE_ACCESS_KEY (or pass --access-key) to ${ACCESS_KEY_LOCATION}.`);
  }
  // Records printed on the terminal would land on the line the progress redraws: plain progress lines then.
  const recordsOnTerminal = options.to.kind === 'stdout' && !options.dryRun && (io.stdout as { isTTY?: boolean }).isTTY === true;
  const progress = stderrProgress(io.stderr, io.interactive && !recordsOnTerminal);
  const recorded = memoryCheckpoint();
  // First Ctrl-C: stop reading and deliver what is buffered; a second one ends the process at once.
  const interrupt = new AbortController();
  const onSigint = (): void => {
    interrupt.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  const result = await runReplay({
    sources: replaySources(options.from, { cwd: io.cwd, s3: () => s3Client(io.env), stdin }),
    createSink: (report) =>
      createSink(options, {
        io,
        report,
        notify: (message) => progress.note(message),
        firehose: () => firehoseClient(io.env),
        ...(accessKey !== undefined ? { accessKey } : {}),
      }),
    rule: prepared.rule,
    transform: prepared.transform,
    ...(options.sinceMs !== undefined ? { sinceMs: options.sinceMs } : {}),
    ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
    checkpoint: options.checkpoint !== undefined ? openCheckpoint(path.resolve(io.cwd, options.checkpoint)) : recorded,
    now: Date.now,
    progress,
    signal: interrupt.signal,
  }).finally(() => process.removeListener('SIGINT', onSigint));
  // `| head` has what it wanted: end quietly, as other command-line tools do.
  if (result.outputClosed) return 0;
  const succeeded = replaySucceeded(result);
  // Input that held no event is not resumed: it has to be replaced.
  const resume = succeeded || foundNoEvent(result) ? {} : resumeOf(result, options, prepared, recorded.names(), io);
  io.stderr.write(formatSummary(result, { dryRun: options.dryRun, ...resume }));
  return succeeded ? 0 : 1;
}
