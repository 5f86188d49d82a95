/**
 * `o2-cognito replay`: backfill, redrive and local demo, with the stack's own rule and transform.
 * See docs/readme/81-replay.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../functions/transform/errors';
import { CliUsageError, type Command } from '../io';
import { loadTemplate } from '../template/load-template';
import { firehoseClient, s3Client } from '../replay/aws-clients';
import { NO_CHECKPOINT, openCheckpoint } from '../replay/checkpoint';
import { RulePatternError } from '../replay/errors';
import { replaySources } from '../replay/inputs/sources';
import { parseReplayOptions, REPLAY_USAGE } from '../replay/options';
import { stderrProgress } from '../replay/progress';
import { ruleMatcher } from '../replay/rule-pattern';
import { replaySucceeded, runReplay } from '../replay/run-replay';
import { createSink } from '../replay/sinks/create-sink';
import { formatSummary } from '../replay/summary';
import { replayTransform } from '../replay/transform-port';
import { parseParameterOverrides } from '../template/parameter-overrides';

export const run: Command = async (argv, io) => {
  const options = parseReplayOptions(argv, Date.now());
  if (options.help) {
    io.stdout.write(REPLAY_USAGE);
    return 0;
  }
  const templateFile = path.resolve(io.cwd, options.template);
  if (!existsSync(templateFile)) {
    throw new CliUsageError(`${options.template} does not exist; run replay in the project folder or give --template FILE (the rule is read from it).`);
  }
  let rule;
  let transform;
  try {
    const template = loadTemplate(templateFile);
    // The same parser as invoke: names must be template parameters and values must meet their constraints,
    // so a typo cannot silently replay through a different rule.
    const overrides = parseParameterOverrides(options.parameterOverrides, template);
    if (!overrides.ok) throw new CliUsageError(`${overrides.reason}.`);
    rule = ruleMatcher(template, overrides.overrides);
    transform = replayTransform(io.env, { keepTimestamps: options.keepTimestamps });
  } catch (error) {
    if (error instanceof RulePatternError || error instanceof ConfigError) throw new CliUsageError(error.message, { cause: error });
    throw error;
  }
  const accessKey = (options.accessKey ?? io.env.OPENOBSERVE_ACCESS_KEY)?.trim();
  if (options.to.kind === 'https' && !options.dryRun && (accessKey === undefined || accessKey === '')) {
    throw new CliUsageError('--to https needs the OpenObserve access key; set OPENOBSERVE_ACCESS_KEY (base64 of user:passcode) or pass --access-key.');
  }
  // First Ctrl-C: stop reading and deliver what is buffered; a second one ends the process at once.
  const interrupt = new AbortController();
  const onSigint = (): void => {
    interrupt.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  const result = await runReplay({
    sources: replaySources(options.from, { cwd: io.cwd, s3: () => s3Client(io.env) }),
    createSink: (report) =>
      createSink(options, { io, report, firehose: () => firehoseClient(io.env), ...(accessKey !== undefined ? { accessKey } : {}) }),
    rule,
    transform,
    ...(options.sinceMs !== undefined ? { sinceMs: options.sinceMs } : {}),
    ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
    checkpoint: options.checkpoint !== undefined ? openCheckpoint(path.resolve(io.cwd, options.checkpoint)) : NO_CHECKPOINT,
    now: Date.now,
    progress: stderrProgress(io.stderr, io.interactive),
    signal: interrupt.signal,
  }).finally(() => process.removeListener('SIGINT', onSigint));
  io.stderr.write(formatSummary(result, { dryRun: options.dryRun, ...(options.checkpoint !== undefined ? { checkpointFile: options.checkpoint } : {}) }));
  return replaySucceeded(result) ? 0 : 1;
};
