import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isNativeError } from 'node:util/types';
import { type CliIo, type Command, CliUsageError } from '../io';
import { parseEnvVarsFile, overridesFor } from '../invoke/env-vars-file';
import { MissingBuildError } from '../invoke/errors';
import { functionIds, readFunctionConfig } from '../invoke/function-config';
import { findHandlerFile, parseHandler } from '../invoke/handler-module';
import { bundleDir as bundleDirOf } from '../../functions/lambda-functions.cjs';
import { lambdaEnvironment, resolveTemplateVariables } from '../invoke/lambda-environment';
import { parseParameterOverrides, spreadParameterOverrides } from '../template/parameter-overrides';
import { runInvocation } from '../invoke/run-invocation';
import { lambdaLogStreamName } from '../lambda-context';
import { loadTemplate, type Template } from '../template/load-template';
import { buildSymbolTable, DEFAULT_REGION } from '../template/symbol-table';

const USAGE = `usage: o2-cognito invoke [LogicalId] [--event FILE|-] [--env-vars FILE] [--template FILE]
                         [--parameter-overrides Key=Value [Key=Value ...]] [--region REGION]

Runs a function's built bundle (npm run build) in this process, like \`sam local invoke\` without Docker
or an AWS account: the result JSON goes to stdout; the function's logs and a REPORT line to stderr.

options:
  -e, --event FILE                 the event JSON, '-' for stdin (default: {})
  -n, --env-vars FILE              SAM env-vars JSON: {"Parameters": {VAR: value}, "<LogicalId>": {VAR: value}};
                                   only variables the template declares for the function change
  -t, --template FILE              the SAM template (default: template.yaml)
      --parameter-overrides PAIRS  template parameters, Key=Value or ParameterKey=Key,ParameterValue=Value, several
                                   after one option (A=1 B=2) or in one quoted string ("A=1 B=2")
      --region REGION              AWS::Region and AWS_REGION (default: $AWS_REGION, else us-east-1)
  -h, --help                       show this help

exit codes:
  0  the handler returned (its result is on stdout)
  1  the handler threw or timed out, or the bundle is missing (npm run build)
  2  usage error: an unknown function, option or file (nothing was run)
`;

const OPTIONS = {
  event: { type: 'string', short: 'e' },
  'env-vars': { type: 'string', short: 'n' },
  template: { type: 'string', short: 't' },
  'parameter-overrides': { type: 'string', multiple: true },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads stdin to the end (for `--event -`). */
export type ReadStdin = () => Promise<string>;

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function parseArguments(argv: readonly string[]) {
  try {
    return parseArgs({ args: spreadParameterOverrides(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = isNativeError(error) ? error.message.split('. ')[0] : String(error);
    throw new CliUsageError(`${reason}; run o2-cognito invoke --help for the options.`);
  }
}

function readText(file: string, flag: string, cwd: string): string {
  try {
    return readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliUsageError(`${flag} ${file} cannot be read (${code}); pass an existing file.`);
  }
}

function readTemplate(file: string): Template {
  try {
    return loadTemplate(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new CliUsageError(`${file} cannot be read (${code}); run in the project folder or pass --template FILE.`);
    const reason = isNativeError(error) ? error.message.split('\n')[0] : String(error);
    throw new CliUsageError(`${file} is not a SAM template (${reason}); pass the project's template.yaml.`);
  }
}

async function readEvent(option: string | undefined, io: CliIo, readStdin: ReadStdin): Promise<unknown> {
  if (option === undefined) return {};
  const text = option === '-' ? await readStdin() : readText(option, '--event', io.cwd);
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the input, which may hold anything: name the file only.
    throw new CliUsageError(`--event ${option === '-' ? 'stdin' : option} is not JSON; pass a JSON event file.`);
  }
}

function chooseFunction(positionals: readonly string[], template: Template): string {
  const ids = functionIds(template);
  if (positionals.length > 1) throw new CliUsageError(`invoke takes one function id, got ${positionals.length}; use one of: ${ids.join(', ')}.`);
  if (positionals[0] !== undefined) return positionals[0];
  // Like sam local invoke: the id may be left out when the template has a single function.
  if (ids.length === 1) return ids[0]!;
  throw new CliUsageError(`name the function to invoke; use one of: ${ids.join(', ') || '(no functions)'}.`);
}

/** Where `npm run build` puts the function's bundle; an id the build cannot name is the user's to fix. */
function bundleOf(logicalId: string): string {
  try {
    return bundleDirOf(logicalId);
  } catch (error) {
    throw new CliUsageError(isNativeError(error) ? error.message : String(error));
  }
}

function handlerFileOf(
  logicalId: string,
  handler: string,
  projectDir: string,
): { file: string; bundleDir: string; exportPath: readonly string[] } {
  const bundle = bundleOf(logicalId);
  const spec = parseHandler(handler);
  if (!spec) throw new CliUsageError(`${logicalId} has Handler '${handler}'; use file.export, e.g. index.handler.`);
  const bundleDir = path.join(projectDir, bundle);
  const file = findHandlerFile(bundleDir, spec);
  if (!file) {
    throw new MissingBuildError(`${path.posix.join(bundle, `${spec.modulePath}.js`)} does not exist; run npm run build first.`);
  }
  return { file, bundleDir, exportPath: spec.exportPath };
}

/** Builds the command; `readStdin` is injectable so that tests can feed `--event -`. */
export function createInvokeCommand(readStdin: ReadStdin = () => readStream(process.stdin)): Command {
  return async (argv, io) => {
    const { values, positionals } = parseArguments(argv);
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    const templateFile = path.resolve(io.cwd, values.template ?? 'template.yaml');
    const template = readTemplate(templateFile);
    const logicalId = chooseFunction(positionals, template);
    const parsedOverrides = parseParameterOverrides(values['parameter-overrides'] ?? [], template);
    if (!parsedOverrides.ok) throw new CliUsageError(`${parsedOverrides.reason}.`);
    const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
    const symbols = buildSymbolTable(template, parsedOverrides.overrides, region);
    const fn = readFunctionConfig(template, logicalId, symbols);
    const projectDir = path.dirname(templateFile);
    const { file, bundleDir, exportPath } = handlerFileOf(logicalId, fn.handler, projectDir);

    const envVarsOption = values['env-vars'];
    let fileOverrides: ReadonlyMap<string, string> = new Map();
    if (envVarsOption !== undefined) {
      const parsed = parseEnvVarsFile(readText(envVarsOption, '--env-vars', io.cwd));
      if (!parsed.ok) throw new CliUsageError(`--env-vars ${envVarsOption} ${parsed.reason}; see o2-cognito invoke --help.`);
      fileOverrides = overridesFor(parsed.file, fn.functionName ? [logicalId, fn.functionName] : [logicalId]);
    }
    const event = await readEvent(values.event, io, readStdin);

    const variables = resolveTemplateVariables(fn.variables, template, symbols);
    const logGroupName = fn.logGroup ?? `/aws/lambda/${logicalId}`;
    const logStreamName = lambdaLogStreamName(new Date());
    const { env, sources } = lambdaEnvironment({
      fn, variables: variables.values, shell: io.env, overrides: fileOverrides, region: symbols.region,
      taskRoot: bundleDir, logGroupName, logStreamName,
    });
    for (const [name, note] of variables.notes) {
      if (sources.get(name) === 'template') io.stderr.write(`o2-cognito invoke: ${name} ${note}; set it with --env-vars if the function needs it.\n`);
    }

    const outcome = await runInvocation({
      handlerFile: file, exportPath, handlerName: fn.handler, event, env, functionName: logicalId,
      memoryMb: fn.memoryMb, timeoutSeconds: fn.timeoutSeconds, region: symbols.region, logGroupName, logStreamName,
      log: io.stderr,
    });
    if (!outcome.ok) {
      io.stdout.write(`${JSON.stringify(outcome.error)}\n`);
      return 1;
    }
    let body: string;
    try {
      body = JSON.stringify(outcome.result ?? null) ?? 'null';
    } catch {
      const error = { errorType: 'Runtime.MarshalError', errorMessage: 'Unable to stringify response body', trace: [] };
      io.stdout.write(`${JSON.stringify(error)}\n`);
      return 1;
    }
    io.stdout.write(`${body}\n`);
    return 0;
  };
}

/** `o2-cognito invoke`: `sam local invoke` for this project's functions, in-process. */
export const run: Command = createInvokeCommand();
