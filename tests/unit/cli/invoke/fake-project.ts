import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A handler that returns its event, the variables it saw at load and at call time, and its context. */
export const ECHO_HANDLER = `"use strict";
const atLoad = Object.assign({}, process.env);
console.log("loading with", process.env.PAYLOAD_MODE);
exports.handler = async (event, context) => {
  console.info("handling", event);
  process.stdout.write("a raw stdout line from the handler\\n");
  if (event && event.fail) throw new TypeError("the event asked to fail");
  return {
    event,
    atLoad,
    atCall: Object.assign({}, process.env),
    context: {
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      memoryLimitInMB: context.memoryLimitInMB,
      invokedFunctionArn: context.invokedFunctionArn,
      logGroupName: context.logGroupName,
      remaining: context.getRemainingTimeInMillis(),
    },
  };
};
`;

/** A template with one TransformFunction, Globals, parameters and conditions; tests append to it. */
export const SMALL_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  PayloadMode:
    Type: String
    Default: json
    AllowedValues: [json, drop, nested]
  Stage:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Globals:
  Function:
    Runtime: nodejs24.x
    Timeout: 30
    Environment:
      Variables:
        FROM_GLOBALS: global
        LOG_LEVEL: INFO
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  TransformFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      Handler: index.handler
      MemorySize: 256
      LoggingConfig:
        LogFormat: JSON
        ApplicationLogLevel: DEBUG
      Environment:
        Variables:
          PAYLOAD_MODE: !Ref PayloadMode
          STAGE_NAME: !If [IsProd, production, !Sub 'stage-\${Stage}']
          BUCKET: !Ref Bucket
          BUCKET_DOMAIN: !GetAtt Bucket.DomainName
          LOG_LEVEL: DEBUG
          OPTIONAL: !If [IsProd, set, !Ref AWS::NoValue]
`;

export interface FakeProject {
  readonly dir: string;
  write(relative: string, text: string): string;
  remove(): void;
}

/** A temporary project folder holding `template.yaml` and, unless `bundle` is null, dist/transform/index.js. */
export function fakeProject(template = SMALL_TEMPLATE, bundle: string | null = ECHO_HANDLER): FakeProject {
  const dir = mkdtempSync(path.join(tmpdir(), 'o2-invoke-'));
  const write = (relative: string, text: string): string => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  write('template.yaml', template);
  if (bundle !== null) write('dist/transform/index.js', bundle);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
