/**
 * `o2-cognito invoke <Function> --event <sample>` runs every sample event of every template function, as a
 * user would (`node bin/o2-cognito.js`, the bundles `npm run build` made), on a machine without a network
 * or AWS credentials: tests/helpers/offline.cjs fails every DNS lookup, and the environment holds no AWS
 * credentials and no instance metadata. Each call ends cleanly (the handler returns, exit code 0), the
 * custom resources answer CloudFormation (and log that the `.invalid` ResponseURL could not be reached),
 * and no secret of the sample — a property that takes a NoEcho parameter — is printed.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { functionFolder, readBuiltFunctions } from '../../../functions/lambda-functions.cjs';
import { branches } from '../../template/support/evaluate';
import { rawTemplate } from '../../template/support/template-fixture';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..', '..');
const template = rawTemplate();

const samples = readBuiltFunctions(root).flatMap((f) => {
  const folder = path.join('events', functionFolder(f.id));
  return readdirSync(path.join(root, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ id: f.id, file: path.join(folder, name) }));
});

/** The custom resource properties that take a NoEcho parameter: their values are secrets. */
const SECRET_PROPERTIES = new Set(
  Object.values((template.Resources ?? {}) as Record<string, { Properties?: Record<string, unknown> }>).flatMap((resource) =>
    Object.entries(resource.Properties ?? {})
      .filter(([, value]) =>
        branches(value).some((branch) => {
          const name = typeof branch === 'object' && branch !== null && 'Ref' in branch ? String((branch as { Ref: unknown }).Ref) : '';
          return template.Parameters?.[name]?.NoEcho === true || template.Parameters?.[name]?.NoEcho === 'true';
        }),
      )
      .map(([name]) => name),
  ),
);

/** A secret value and the parts a leak could show: an access key's passcode (base64 of user:passcode), a webhook's path. */
function secretForms(value: string): string[] {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const passcode = /^[^:\s]+:(.+)$/.exec(decoded)?.[1];
  const webhookPath = /^https:\/\/[^/]+\/(.+)$/.exec(value)?.[1];
  return [value, ...(passcode ? [passcode] : []), ...(webhookPath ? [webhookPath] : [])];
}

function secretsOf(file: string): string[] {
  const event = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
  const sets = [event.ResourceProperties, event.OldResourceProperties].filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null);
  return sets.flatMap((properties) => Object.entries(properties).filter(([name, value]) => SECRET_PROPERTIES.has(name) && typeof value === 'string' && value !== '').flatMap(([, value]) => secretForms(String(value))));
}

/** A shell without AWS credentials, profiles or instance metadata: AWS calls fail before they leave the machine. */
const OFFLINE_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: path.join(root, 'node_modules', '.cache', 'no-home'),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: path.join(root, 'node_modules', '.cache', 'no-aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'node_modules', '.cache', 'no-aws-credentials'),
  AWS_REGION: 'eu-west-1',
};

async function invoke(id: string, file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['--require', path.join(root, 'tests', 'helpers', 'offline.cjs'), path.join(root, 'bin', 'o2-cognito.js'), 'invoke', id, '--event', file];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: root, env: OFFLINE_ENV, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('o2-cognito invoke on every sample event, without a network or AWS credentials', () => {
  test('knows the secret properties of the template', () => {
    expect([...SECRET_PROPERTIES].sort()).toEqual(['AccessKey', 'WebhookUrl']);
  });

  test.each(samples.map((s) => [s.id, s.file]))('%s --event %s ends cleanly and prints no secret', async (id, file) => {
    // Act
    const { code, stdout, stderr } = await invoke(id, file);

    // Assess
    expect({ code, errorType: /"errorType"/.test(stdout) }).toEqual({ code: 0, errorType: false });
    expect(stderr).toMatch(/^REPORT RequestId: /m);
    const result = JSON.parse(stdout) as unknown;
    if (id === 'TransformFunction') {
      const input = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { records: unknown[] };
      expect((result as { records: unknown[] }).records).toHaveLength(input.records.length);
    } else {
      expect(result).toBeNull();
      expect(stderr).toMatch(/"message":"custom resource answer was not delivered".*"delivery_error":"the response URL could not be reached \(ENOTFOUND\)"/);
    }
    for (const secret of secretsOf(file)) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
  });
});
