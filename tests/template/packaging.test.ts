import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuiltFunctions } from '../../functions/lambda-functions.cjs';
import { describeWithTool } from '../helpers/external-tools';
import {
  checkFunctionBuilds,
  checkRuntimes,
  checkSarFields,
  checkSarFiles,
  checkSarFunctionProperties,
  checkSarMetadata,
  esbuildFunctions,
  makefileTargets,
} from './support/check-packaging';
import { expandedTemplate, mutable, rawTemplate, ROOT } from './support/template-fixture';

const template = rawTemplate();

describe('template packaging', () => {
  test('the SAR metadata is publishable: name, semver, lowercase author, SPDX licence, ≤ 10 labels', () => {
    expect(checkSarFields(template)).toEqual([]);
  });

  test('the licence and readme that sam package uploads exist (README.md comes from npm run docs)', () => {
    expect(checkSarFiles(template, ROOT)).toEqual([]);
  });

  test('the SAR version is the package.json version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(template.Metadata?.['AWS::ServerlessRepo::Application']).toMatchObject({ SemanticVersion: pkg.version });
  });

  test('every function builds through its Makefile target and esbuild FUNCTIONS entry, from an existing Code folder', () => {
    expect(checkFunctionBuilds(template, ROOT)).toEqual([]);
  });

  test('no function relies on an AWS::Serverless::Function property SAR is not known to accept (LoggingConfig)', () => {
    expect(checkSarFunctionProperties(template)).toEqual([]);
    const logging = Object.entries(template.Resources).filter(([, r]) => r.Properties?.LoggingConfig !== undefined);
    expect(logging.map(([id, r]) => `${id} ${r.Type}`).sort()).toEqual([
      'EndpointCheckFunction AWS::Lambda::Function',
      'PackInstallFunction AWS::Lambda::Function',
      'TransformFunction AWS::Lambda::Function',
      'UserActivityLogsFunction AWS::Lambda::Function',
    ]);
  });

  test('reads the Makefile targets and the esbuild table it checks against', () => {
    expect([...makefileTargets(ROOT)]).toEqual(expect.arrayContaining(['TransformFunction', 'EndpointCheckFunction', 'PackInstallFunction']));
    expect(esbuildFunctions(ROOT).get('TransformFunction')).toBe('functions/transform/index.ts');
  });

  test('every function runs nodejs24.x on arm64', () => {
    expect(checkRuntimes(template)).toEqual([]);
  });

  test('samconfig.toml deploys with the one capability the template needs (tests/template/capabilities.test.ts checks every list)', () => {
    const config = readFileSync(path.join(ROOT, 'samconfig.toml'), 'utf8');
    expect(config).toMatch(/^capabilities\s*=\s*"CAPABILITY_IAM"$/m);
  });

  test('ships the licence and the changelog', () => {
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(existsSync(path.join(ROOT, 'CHANGELOG.md'))).toBe(true);
  });

  describe('the checks bite', () => {
    test('a bad SemanticVersion, an upper-case Author and "Apache 2.0" are reported', () => {
      const broken = mutable(template);
      const app = broken.Metadata['AWS::ServerlessRepo::Application'];
      app.SemanticVersion = '0.1';
      app.Author = 'O2 Cognito';
      app.SpdxLicenseId = 'Apache 2.0';
      expect(checkSarMetadata(broken, ROOT)).toEqual(
        expect.arrayContaining([
          'SAR Author O2 Cognito must be lowercase letters, digits and single hyphens.',
          'SpdxLicenseId Apache 2.0 is not an SPDX identifier.',
          'SemanticVersion 0.1 is not semver.',
        ]),
      );
    });

    test('a Code folder that does not exist and a function without a Makefile target are reported', () => {
      const broken = mutable(template);
      broken.Resources.TransformFunction!.Properties.Code = 'functions/transfrom/';
      broken.Resources.ExtraFunction = { ...broken.Resources.EndpointCheckFunction! };
      expect(checkFunctionBuilds(broken, ROOT)).toEqual([
        'TransformFunction Code functions/transfrom/ is not a folder of the project.',
        'The Makefile has no build-ExtraFunction target.',
        'esbuild.config.mjs FUNCTIONS has no ExtraFunction.',
      ]);
    });

    test('LoggingConfig on an AWS::Serverless::Function is reported', () => {
      const broken = mutable(template);
      const fn = broken.Resources.TransformFunction!;
      fn.Type = 'AWS::Serverless::Function';
      fn.Properties.CodeUri = fn.Properties.Code;
      delete fn.Properties.Code;
      expect(checkSarFunctionProperties(broken)).toEqual([
        'TransformFunction sets LoggingConfig on AWS::Serverless::Function, which SAR is not known to accept; declare it as AWS::Lambda::Function.',
      ]);
      expect(checkFunctionBuilds(broken, ROOT)).toEqual([]);
    });

    test('nodejs22.x and x86_64 are reported', () => {
      const broken = mutable(template);
      broken.Resources.PackInstallFunction!.Properties.Runtime = 'nodejs22.x';
      broken.Resources.PackInstallFunction!.Properties.Architectures = ['x86_64'];
      expect(checkRuntimes(broken)).toHaveLength(2);
    });
  });
});

describeWithTool('sam-translator', 'template packaging (SAM-expanded)', () => {
  test('every expanded Lambda function runs nodejs24.x on arm64', () => {
    // Prepare
    const expanded = expandedTemplate();

    // Act
    const functions = Object.values(expanded.Resources).filter((resource) => resource.Type === 'AWS::Lambda::Function');

    // Assess: every function the build makes (the template's BuildMethod: makefile functions), expanded.
    expect(functions).toHaveLength(readBuiltFunctions(ROOT).length);
    expect(checkRuntimes(expanded)).toEqual([]);
  });
});
