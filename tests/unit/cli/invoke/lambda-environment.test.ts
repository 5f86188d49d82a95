import { readFunctionConfig } from '../../../../cli/invoke/function-config';
import { lambdaEnvironment, resolveTemplateVariables } from '../../../../cli/invoke/lambda-environment';
import { parseTemplate } from '../../../../cli/template/load-template';
import { buildSymbolTable } from '../../../../cli/template/symbol-table';
import { SMALL_TEMPLATE } from './fake-project';

function setup(overrides: Record<string, string> = {}) {
  const template = parseTemplate(SMALL_TEMPLATE);
  const symbols = buildSymbolTable(template, new Map(Object.entries(overrides)), 'eu-west-1');
  const fn = readFunctionConfig(template, 'TransformFunction', symbols);
  return { template, symbols, fn, variables: resolveTemplateVariables(fn.variables, template, symbols) };
}

function environment(shell: Record<string, string> = {}, fileOverrides: Record<string, string> = {}) {
  const { fn, variables } = setup();
  return lambdaEnvironment({
    fn, variables: variables.values, shell, overrides: new Map(Object.entries(fileOverrides)), region: 'eu-west-1',
    taskRoot: '/project/dist/transform', logGroupName: '/aws/lambda/TransformFunction', logStreamName: '2026/11/26/[$LATEST]ab',
  });
}

describe('resolveTemplateVariables', () => {
  test('resolves parameters, conditions and Globals, and leaves out an AWS::NoValue variable', () => {
    const { variables } = setup();

    expect(Object.fromEntries(variables.values)).toEqual({
      FROM_GLOBALS: 'global', LOG_LEVEL: 'DEBUG', PAYLOAD_MODE: 'json', STAGE_NAME: 'stage-dev', BUCKET: 'Bucket', BUCKET_DOMAIN: '',
    });
  });

  test('follows parameter overrides through conditions', () => {
    const { variables } = setup({ Stage: 'prod', PayloadMode: 'drop' });

    expect(variables.values.get('STAGE_NAME')).toBe('production');
    expect(variables.values.get('OPTIONAL')).toBe('set');
    expect(variables.values.get('PAYLOAD_MODE')).toBe('drop');
  });

  test('notes each placeholder or empty value, never for a fully resolved one', () => {
    const { variables } = setup();

    expect([...variables.notes.keys()]).toEqual(['BUCKET', 'BUCKET_DOMAIN']);
    expect(variables.notes.get('BUCKET')).toMatch(/^is a placeholder: Ref Bucket/);
    expect(variables.notes.get('BUCKET_DOMAIN')).toMatch(/^is empty: Fn::GetAtt Bucket.DomainName/);
  });
});

describe('lambdaEnvironment', () => {
  test("sets Lambda's own variables from the function's configuration", () => {
    const { env } = environment();

    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'TransformFunction',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_FUNCTION_TIMEOUT: '30',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_LOG_FORMAT: 'JSON',
      AWS_LAMBDA_LOG_LEVEL: 'DEBUG',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/TransformFunction',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      LAMBDA_TASK_ROOT: '/project/dist/transform',
      _HANDLER: 'index.handler',
      AWS_SAM_LOCAL: 'true',
    });
  });

  test('takes a declared variable from the env-vars file over the shell, and the shell over the template', () => {
    const { env, sources } = environment({ PAYLOAD_MODE: 'nested', LOG_LEVEL: 'WARN' }, { LOG_LEVEL: 'ERROR' });

    expect(env.PAYLOAD_MODE).toBe('nested');
    expect(env.LOG_LEVEL).toBe('ERROR');
    expect(env.FROM_GLOBALS).toBe('global');
    expect(Object.fromEntries(sources)).toMatchObject({ PAYLOAD_MODE: 'shell', LOG_LEVEL: 'env-vars', FROM_GLOBALS: 'template' });
  });

  test('ignores shell and file variables the template does not declare', () => {
    const { env } = environment({ UNDECLARED_SHELL: 'x' }, { UNDECLARED_FILE: 'y' });

    expect(env).not.toHaveProperty('UNDECLARED_SHELL');
    expect(env).not.toHaveProperty('UNDECLARED_FILE');
  });

  test('does not bring back a variable AWS::NoValue removed', () => {
    const { env } = environment({}, { OPTIONAL: 'from-file' });

    expect(env).not.toHaveProperty('OPTIONAL');
  });
});
