import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWithTool, TOOL_PATH } from '../helpers/external-tools';
import { expandedTemplate, MEMBER_TEMPLATE_PATH, TEMPLATE_PATH } from './support/template-fixture';

/**
 * cfn-lint with zero errors and zero warnings, on template.yaml and on its SAM expansion (the transform
 * switches off W3037 action names, W2001 unused parameters and W1020 needless !Sub; the expansion brings
 * them back). Informational (-c I: I3011 deletion policies, I3013 retention…) and experimental (-e) rules
 * must stay quiet too; cfn-lint has no serverless rule pack of its own (cfn-lint-serverless is a separate plugin).
 */
function cfnLint(file: string, extra: string[] = []): { status: number | null; output: string } {
  const result = spawnSync('cfn-lint', [...extra, '--', file], { env: { ...process.env, PATH: TOOL_PATH }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describeWithTool('cfn-lint', 'cfn-lint on template.yaml', () => {
  test('reports nothing, informational and experimental rules included', () => {
    expect(cfnLint(TEMPLATE_PATH, ['-e', '-c', 'I'])).toEqual({ status: 0, output: '' });
  });

  test('the check bites: a misspelt action on the expanded template is W3037', () => {
    // Prepare: only the expansion sees action names, so mutate that.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'o2c-lint-'));
    const file = path.join(dir, 'expanded.json');
    writeFileSync(file, JSON.stringify(expandedTemplate()).replace('firehose:PutRecordBatch', 'firehose:PutRecords'));

    // Act
    const result = cfnLint(file);
    rmSync(dir, { recursive: true, force: true });

    // Assess
    expect(result.output).toMatch(/W3037/);
  });
});

describeWithTool('cfn-lint', 'cfn-lint on member/template.yaml (no transform: the file is what deploys)', () => {
  test('reports nothing, informational and experimental rules included', () => {
    expect(cfnLint(MEMBER_TEMPLATE_PATH, ['-e', '-c', 'I'])).toEqual({ status: 0, output: '' });
  });

  test('the check bites: a misspelt action in the forwarding role is W3037', () => {
    // Prepare
    const dir = mkdtempSync(path.join(os.tmpdir(), 'o2c-lint-'));
    const file = path.join(dir, 'member.yaml');
    writeFileSync(file, readFileSync(MEMBER_TEMPLATE_PATH, 'utf8').replace('Action: events:PutEvents', 'Action: events:PutEvent'));

    // Act
    const result = cfnLint(file);
    rmSync(dir, { recursive: true, force: true });

    // Assess
    expect(result.output).toMatch(/W3037/);
  });
});

describeWithTool('sam-translator', 'cfn-lint on the SAM-expanded template', () => {
  describeWithTool('cfn-lint', 'with cfn-lint', () => {
    test('reports nothing, informational and experimental rules included', () => {
      // Prepare
      const dir = mkdtempSync(path.join(os.tmpdir(), 'o2c-lint-'));
      const file = path.join(dir, 'expanded.json');
      writeFileSync(file, JSON.stringify(expandedTemplate(), null, 1));

      // Act
      const result = cfnLint(file, ['-e', '-c', 'I']);
      rmSync(dir, { recursive: true, force: true });

      // Assess
      expect(result).toEqual({ status: 0, output: '' });
    });

    test('the expansion is plain CloudFormation: no SAM transform or resource left', () => {
      const expanded = expandedTemplate();
      expect(expanded.Transform).toBeUndefined();
      expect(Object.values(expanded.Resources).filter((resource) => resource.Type.startsWith('AWS::Serverless::'))).toEqual([]);
      expect(readFileSync(TEMPLATE_PATH, 'utf8')).toMatch(/^Transform: AWS::Serverless-2016-10-31$/m);
    });
  });
});

describe('cfn-lint suppressions', () => {
  test.each([
    ['template.yaml', TEMPLATE_PATH],
    ['member/template.yaml', MEMBER_TEMPLATE_PATH],
  ])('every ignore_checks entry in %s gives its reason on the same line', (_name, file) => {
    // Prepare
    const lines = readFileSync(file, 'utf8').split('\n');

    // Act
    const unexplained = lines.filter((line) => /ignore_checks|- [EWI]\d{4}\b/.test(line) && !/#\s*\S/.test(line));

    // Assess
    expect(unexplained).toEqual([]);
  });
});
