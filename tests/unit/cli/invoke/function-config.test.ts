import { CliUsageError } from '../../../../cli/io';
import {
  DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, functionIds, mergeGlobals, readFunctionConfig,
} from '../../../../cli/invoke/function-config';
import { parseTemplate } from '../../../../cli/template/load-template';
import { buildSymbolTable } from '../../../../cli/template/symbol-table';
import { SMALL_TEMPLATE } from './fake-project';

function configOf(yaml: string, id: string, overrides: Record<string, string> = {}) {
  const template = parseTemplate(yaml);
  return readFunctionConfig(template, id, buildSymbolTable(template, new Map(Object.entries(overrides)), 'us-east-1'));
}

const PLAIN = `
Parameters:
  Memory: { Type: Number, Default: 1024 }
Resources:
  LogGroup: { Type: AWS::Logs::LogGroup }
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: app.main
      FunctionName: !Sub '\${AWS::StackName}-plain'
      MemorySize: !Ref Memory
      LoggingConfig: { LogFormat: Text, LogGroup: !Ref LogGroup }
  Bare:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler }
  Queue: { Type: AWS::SQS::Queue }
`;

describe('readFunctionConfig', () => {
  test('merges Globals.Function under the function: variables key by key, the function winning', () => {
    // Act
    const config = configOf(SMALL_TEMPLATE, 'TransformFunction');

    // Assess
    expect(config.variables).toMatchObject({ FROM_GLOBALS: 'global', LOG_LEVEL: 'DEBUG', PAYLOAD_MODE: { Ref: 'PayloadMode' } });
    expect(config).toMatchObject({ handler: 'index.handler', runtime: 'nodejs24.x', memoryMb: 256, timeoutSeconds: 30 });
    expect(config).toMatchObject({ logFormat: 'JSON', applicationLogLevel: 'DEBUG', logGroup: undefined });
  });

  test('resolves MemorySize from a parameter and ignores a log group that is only a resource Ref', () => {
    const config = configOf(PLAIN, 'Plain', { Memory: '2048' });

    expect(config.memoryMb).toBe(2048);
    expect(config.functionName).toBe('local-plain');
    expect(config.logFormat).toBe('Text');
    expect(config.logGroup).toBeUndefined();
  });

  test("falls back to Lambda's defaults of 128 MB and 3 s", () => {
    const config = configOf(PLAIN, 'Bare');

    expect(config.memoryMb).toBe(DEFAULT_MEMORY_MB);
    expect(config.timeoutSeconds).toBe(DEFAULT_TIMEOUT_SECONDS);
    expect(config.variables).toEqual({});
  });

  test('rejects an unknown id, or a resource that is not a function, naming the functions there are', () => {
    expect(() => configOf(PLAIN, 'Missing')).toThrow(CliUsageError);
    expect(() => configOf(PLAIN, 'Missing')).toThrow(/use one of: Plain, Bare\./);
    expect(() => configOf(PLAIN, 'Queue')).toThrow(/Queue is a AWS::SQS::Queue, not a function/);
  });
});

describe('functionIds', () => {
  test('lists the SAM and plain Lambda functions in template order', () => {
    expect(functionIds(parseTemplate(PLAIN))).toEqual(['Plain', 'Bare']);
  });
});

describe('mergeGlobals', () => {
  test('merges maps, concatenates lists and keeps an intrinsic of the function whole', () => {
    const globals = { Layers: ['g'], Environment: { Variables: { A: 'g', B: 'g' } }, Tags: { Ref: 'X' } };
    const local = { Layers: ['f'], Environment: { Variables: { B: { Ref: 'P' } } }, Tags: { Team: 't' } };

    expect(mergeGlobals(globals, local)).toEqual({
      Layers: ['g', 'f'],
      Environment: { Variables: { A: 'g', B: { Ref: 'P' } } },
      Tags: { Team: 't' },
    });
  });
});
