import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtFunctions, bundleDir, entryFile, functionFolder, readBuiltFunctions } from '../../../functions/lambda-functions.cjs';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A function resource as template.yaml writes one. */
function fn(buildMethod: string | undefined, runtime?: string, type = 'AWS::Serverless::Function'): Record<string, unknown> {
  return {
    Type: type,
    ...(buildMethod === undefined ? {} : { Metadata: { BuildMethod: buildMethod } }),
    Properties: { CodeUri: '.', Handler: 'index.handler', ...(runtime === undefined ? {} : { Runtime: runtime }) },
  };
}

describe('functionFolder', () => {
  test.each([
    ['TransformFunction', 'transform'],
    ['EndpointCheckFunction', 'endpoint-check'],
    ['PackInstallFunction', 'pack-install'],
    ['CognitoLogDeliveryFunction', 'cognito-log-delivery'],
    ['S3ExportFunction', 's3-export'],
  ])('%s lives in functions/%s', (id, folder) => {
    expect(functionFolder(id)).toBe(folder);
  });

  test.each(['Transform', 'transformFunction', 'Function', ''])('refuses %p, which does not name a function', (id) => {
    expect(() => functionFolder(id)).toThrow(/is not a function logical id of this project; name it <Name>Function/);
  });
});

describe('entryFile and bundleDir', () => {
  test('put the source under functions/ and the bundle under dist/, in the same folder name', () => {
    expect(entryFile('PackInstallFunction')).toBe('functions/pack-install/index.ts');
    expect(bundleDir('PackInstallFunction')).toBe('dist/pack-install');
  });
});

describe('builtFunctions', () => {
  test('lists the makefile-built functions, SAM or plain Lambda, in template order, with their runtime', () => {
    // Prepare
    const template = {
      Globals: { Function: { Runtime: 'nodejs24.x' } },
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket', Metadata: { BuildMethod: 'makefile' } },
        TransformFunction: fn('makefile'),
        LegacyFunction: fn(undefined, 'nodejs20.x'),
        EsbuildFunction: fn('esbuild'),
        CognitoLogDeliveryFunction: fn('makefile', 'nodejs22.x'),
        PlainLambdaFunction: fn('makefile', 'nodejs24.x', 'AWS::Lambda::Function'),
        LayerFunction: fn('makefile', 'nodejs24.x', 'AWS::Lambda::LayerVersion'),
      },
    };

    // Act
    const functions = builtFunctions(template);

    // Assess
    expect(functions).toEqual([
      { id: 'TransformFunction', entry: 'functions/transform/index.ts', outdir: 'dist/transform', runtime: 'nodejs24.x' },
      { id: 'CognitoLogDeliveryFunction', entry: 'functions/cognito-log-delivery/index.ts', outdir: 'dist/cognito-log-delivery', runtime: 'nodejs22.x' },
      { id: 'PlainLambdaFunction', entry: 'functions/plain-lambda/index.ts', outdir: 'dist/plain-lambda', runtime: 'nodejs24.x' },
    ]);
  });

  test('is empty for a template without resources', () => {
    expect(builtFunctions({})).toEqual([]);
  });
});

describe('readBuiltFunctions', () => {
  test("reads the project's template.yaml, short-form tags and all", () => {
    const ids = readBuiltFunctions(ROOT).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['TransformFunction', 'EndpointCheckFunction', 'PackInstallFunction']));
  });

  test('a template that builds no function is an error naming the file', () => {
    // Prepare
    const dir = mkdtempSync(path.join(os.tmpdir(), 'o2c-functions-'));
    writeFileSync(path.join(dir, 'template.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref AWS::StackName\n');
    try {
      // Act + Assess
      expect(() => readBuiltFunctions(dir)).toThrow(/template\.yaml has no function with Metadata BuildMethod: makefile/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
