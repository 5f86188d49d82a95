import { main } from '../../../cli/index';
import { createInvokeCommand } from '../../../cli/commands/invoke';
import { capturedIo } from '../../helpers/captured-io';
import { fakeProject, SMALL_TEMPLATE, type FakeProject } from './invoke/fake-project';

interface EchoResult {
  event: unknown;
  atLoad: Record<string, string>;
  atCall: Record<string, string>;
  context: Record<string, unknown>;
}

let project: FakeProject;
beforeEach(() => {
  project = fakeProject();
});
afterEach(() => project.remove());

async function invoke(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = capturedIo(project.dir, env);
  const code = await main(['invoke', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

function resultOf(out: string): EchoResult {
  return JSON.parse(out) as EchoResult;
}

describe('o2-cognito invoke', () => {
  test('prints the handler result as one JSON document on stdout and exits 0', async () => {
    // Prepare
    project.write('events/one.json', '{"records": [1, 2]}');

    // Act
    const { code, out } = await invoke(['TransformFunction', '--event', 'events/one.json']);

    // Assess
    expect(code).toBe(0);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
    expect(resultOf(out).event).toEqual({ records: [1, 2] });
  });

  test('keeps handler logs and stdout writes on stderr, with START, END and REPORT', async () => {
    const { out, err } = await invoke(['TransformFunction']);

    expect(out).not.toContain('handling');
    expect(out).not.toContain('raw stdout line');
    expect(err).toContain('"message":"loading with json"');
    expect(err).toContain('a raw stdout line from the handler');
    expect(err).toMatch(/START RequestId: [0-9a-f-]{36} Version: \$LATEST\n/);
    expect(err).toMatch(/REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\t.*\tMax Memory Used: \d+ MB/);
  });

  test('has the environment in place before the bundle loads, and the Lambda variables and context', async () => {
    const { out } = await invoke(['TransformFunction'], { AWS_REGION: 'eu-west-2' });

    const result = resultOf(out);
    expect(result.atLoad).toMatchObject({
      PAYLOAD_MODE: 'json', STAGE_NAME: 'stage-dev', FROM_GLOBALS: 'global', LOG_LEVEL: 'DEBUG', BUCKET: 'Bucket',
      AWS_LAMBDA_FUNCTION_NAME: 'TransformFunction', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256', AWS_REGION: 'eu-west-2',
      AWS_LAMBDA_LOG_FORMAT: 'JSON',
    });
    expect(result.atLoad).not.toHaveProperty('OPTIONAL');
    expect(result.context).toMatchObject({ functionName: 'TransformFunction', memoryLimitInMB: '256', functionVersion: '$LATEST' });
    expect(result.context.remaining).toBeGreaterThan(25_000);
  });

  test('restores process.env after the call, so invocations do not leak into each other', async () => {
    await invoke(['TransformFunction', '--parameter-overrides', 'PayloadMode=drop']);

    const second = resultOf((await invoke(['TransformFunction'])).out);

    expect(process.env.PAYLOAD_MODE).toBeUndefined();
    expect(second.atLoad.PAYLOAD_MODE).toBe('json');
  });

  test('applies --parameter-overrides through Ref, Sub and conditions', async () => {
    const { out } = await invoke(['TransformFunction', '--parameter-overrides', 'PayloadMode=nested Stage=prod']);

    expect(resultOf(out).atLoad).toMatchObject({ PAYLOAD_MODE: 'nested', STAGE_NAME: 'production', OPTIONAL: 'set' });
  });

  test.each([
    [['TransformFunction', '--parameter-overrides', 'PayloadMode=nested', 'Stage=prod']],
    [['--parameter-overrides', 'PayloadMode=nested', 'Stage=prod', 'TransformFunction']],
    [['TransformFunction', '--parameter-overrides', 'ParameterKey=PayloadMode,ParameterValue=nested', 'ParameterKey=Stage,ParameterValue=prod']],
  ])('takes several --parameter-overrides values after one option, as SAM CLI does: %j', async (args) => {
    const { code, out } = await invoke(args);

    expect(code).toBe(0);
    expect(resultOf(out).atLoad).toMatchObject({ PAYLOAD_MODE: 'nested', STAGE_NAME: 'production' });
  });

  test('applies an env-vars file: Parameters for all, the function section over it, declared variables only', async () => {
    project.write('env.json', JSON.stringify({
      Parameters: { PAYLOAD_MODE: 'drop', LOG_LEVEL: 'WARN', NOT_DECLARED: 'x' },
      TransformFunction: { LOG_LEVEL: 'ERROR', BUCKET: 'real-bucket-name' },
      EndpointCheckFunction: { PAYLOAD_MODE: 'nested' },
    }));

    const { out } = await invoke(['TransformFunction', '--env-vars', 'env.json']);

    const { atLoad } = resultOf(out);
    expect(atLoad).toMatchObject({ PAYLOAD_MODE: 'drop', LOG_LEVEL: 'ERROR', BUCKET: 'real-bucket-name' });
    expect(atLoad).not.toHaveProperty('NOT_DECLARED');
  });

  test('warns on stderr about placeholder variables, but not when the env-vars file sets them', async () => {
    project.write('env.json', JSON.stringify({ TransformFunction: { BUCKET: 'real' } }));

    const plain = await invoke(['TransformFunction']);
    const withFile = await invoke(['TransformFunction', '--env-vars', 'env.json']);

    expect(plain.err).toMatch(/o2-cognito invoke: BUCKET is a placeholder: Ref Bucket/);
    expect(plain.err).toMatch(/o2-cognito invoke: BUCKET_DOMAIN is empty: /);
    expect(withFile.err).not.toMatch(/BUCKET is a placeholder/);
  });

  test('reads the event from stdin with --event -', async () => {
    const command = createInvokeCommand(async () => '{"from": "stdin"}');
    const io = capturedIo(project.dir);

    const code = await command(['TransformFunction', '--event', '-'], io);

    expect(code).toBe(0);
    expect(resultOf(io.out()).event).toEqual({ from: 'stdin' });
  });

  test('prints errorType and errorMessage on stdout and exits 1 when the handler throws', async () => {
    project.write('fail.json', '{"fail": true}');

    const { code, out, err } = await invoke(['TransformFunction', '-e', 'fail.json']);

    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ errorType: 'TypeError', errorMessage: 'the event asked to fail' });
    expect(err).toContain('Invoke Error');
  });

  test('reports a result JSON cannot hold as Runtime.MarshalError, exit 1', async () => {
    project.write('dist/transform/index.js', 'exports.handler = async () => ({ big: 1n });');

    const { code, out } = await invoke(['TransformFunction']);

    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ errorType: 'Runtime.MarshalError' });
  });

  test('prints null for a handler that returns nothing', async () => {
    project.write('dist/transform/index.js', 'exports.handler = async () => undefined;');

    const { code, out } = await invoke(['TransformFunction']);

    expect(code).toBe(0);
    expect(out).toBe('null\n');
  });

  test('takes the single function of a template when no id is given', async () => {
    const { code, out } = await invoke([]);

    expect(code).toBe(0);
    expect(resultOf(out).context.functionName).toBe('TransformFunction');
  });

  test('uses --template for a template elsewhere, with the bundle beside it', async () => {
    const other = fakeProject();
    try {
      const io = capturedIo(project.dir);

      const code = await main(['invoke', 'TransformFunction', '--template', `${other.dir}/template.yaml`], io);

      expect(code).toBe(0);
      expect(resultOf(io.out()).atLoad.LAMBDA_TASK_ROOT).toBe(`${other.dir}/dist/transform`);
    } finally {
      other.remove();
    }
  });
});

describe('o2-cognito invoke failures', () => {
  test('names the functions there are when the id is unknown or not a function', async () => {
    const unknown = await invoke(['Nope']);
    const notFunction = await invoke(['Bucket']);

    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^o2-cognito invoke: Nope is not in the template; use one of: TransformFunction\.\n$/);
    expect(notFunction.err).toMatch(/Bucket is a AWS::S3::Bucket, not a function; use one of: TransformFunction\./);
  });

  test('asks for npm run build when the bundle is missing', async () => {
    const unbuilt = fakeProject(SMALL_TEMPLATE, null);
    try {
      const io = capturedIo(unbuilt.dir);

      const code = await main(['invoke', 'TransformFunction'], io);

      expect(code).toBe(1);
      expect(io.err()).toBe('o2-cognito invoke: dist/transform/index.js does not exist; run npm run build first.\n');
      expect(io.out()).toBe('');
    } finally {
      unbuilt.remove();
    }
  });

  test('rejects a missing or non-JSON event file without quoting its content', async () => {
    const secret = 'SECRET-2b8e-do-not-print';
    project.write('bad.json', `{ "key": ${secret}`);

    const missing = await invoke(['TransformFunction', '--event', 'missing.json']);
    const bad = await invoke(['TransformFunction', '--event', 'bad.json']);

    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--event missing.json cannot be read \(ENOENT\)/);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('o2-cognito invoke: --event bad.json is not JSON; pass a JSON event file.\n');
    expect(bad.err + bad.out).not.toContain(secret);
  });

  test('rejects a bad env-vars file', async () => {
    project.write('env.json', '{"TransformFunction": ["not", "a", "map"]}');

    const { code, err, out } = await invoke(['TransformFunction', '--env-vars', 'env.json']);

    expect(code).toBe(2);
    expect(err).toMatch(/--env-vars env.json has a section 'TransformFunction' that is not an object/);
    expect(out).toBe('');
  });

  test('rejects a parameter override outside the allowed values without echoing it', async () => {
    const secret = 'SECRET-77aa-do-not-print';

    const { code, err } = await invoke(['TransformFunction', '--parameter-overrides', `PayloadMode=${secret}`]);

    expect(code).toBe(2);
    expect(err).toContain('must be one of json, drop, nested');
    expect(err).not.toContain(secret);
  });

  test('says where to run when there is no template', async () => {
    const io = capturedIo('/');

    const code = await main(['invoke', 'TransformFunction', '--template', '/nonexistent/template.yaml'], io);

    expect(code).toBe(2);
    expect(io.err()).toMatch(/template.yaml cannot be read \(ENOENT\); run in the project folder or pass --template FILE\./);
  });

  test('rejects an unknown option', async () => {
    const { code, err } = await invoke(['TransformFunction', '--nope']);

    expect(code).toBe(2);
    expect(err).toMatch(/Unknown option '--nope'; run o2-cognito invoke --help/);
  });

  test('prints its usage with --help', async () => {
    const { code, out } = await invoke(['--help']);

    expect(code).toBe(0);
    expect(out).toMatch(/^usage: o2-cognito invoke/);
  });
});

