import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../cli/index';
import { checkAccessKeyFormat } from '../../../functions/endpoint-check/access-key';
import { interpretFirehose } from '../../../functions/endpoint-check/check-openobserve';
import { ACCESS_KEY_LOCATION } from '../../../functions/shared/access-key-location';
import { UNAUTHORIZED_MESSAGE } from '../../../functions/shared/pack/management-api';
import { generatedDoc } from '../../helpers/generated-docs';

/** One wording for where the Firehose access key is found, wherever check-endpoint, install-pack or a Lambda explain it. */
const root = path.resolve(__dirname, '..', '..', '..');

async function help(command: string): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  await main([command, '--help'], { stdout, stderr: new PassThrough(), env: {}, cwd: root, interactive: false });
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('ACCESS_KEY_LOCATION', () => {
  test('names the menu path OpenObserve documents and what the key is', () => {
    expect(ACCESS_KEY_LOCATION).toBe('the Access Key under Data Sources → Recommended → AWS in OpenObserve (base64 of user:passcode)');
  });

  test.each([
    ['an empty key', ''],
    ['a key that is not base64', 'not*base64!'],
  ])('the key check sends the user to it for %s', (_name, key) => {
    expect(checkAccessKeyFormat(key).result.message).toContain(ACCESS_KEY_LOCATION);
  });

  test('the Firehose probe sends the user to it on a 401', () => {
    const result = interpretFirehose('https://o2.example.com/aws/default/s/_kinesis_firehose', { kind: 'http-error', status: 401, body: 'Unauthorized Access' }, 1000);

    expect(result.message).toContain(ACCESS_KEY_LOCATION);
  });

  test('install-pack names it as the key that does not work for management', () => {
    expect(UNAUTHORIZED_MESSAGE).toContain(ACCESS_KEY_LOCATION);
  });

  test.each(['check-endpoint', 'install-pack'])('o2-cognito %s --help uses it', async (command) => {
    expect(await help(command)).toContain(ACCESS_KEY_LOCATION);
  });

  test('no other wording for where the key is found is left in the Lambda code, check-endpoint or install-pack', () => {
    const files = [...sources(path.join(root, 'functions')), path.join(root, 'cli/commands/check-endpoint.ts'), path.join(root, 'cli/commands/install-pack.ts')];
    const stale = files
      .filter((file) => !file.endsWith('access-key-location.ts'))
      .filter((file) => /under Ingestion|Ingestion page|Data sources →|Recommended → AWS/i.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));

    expect(stale).toEqual([]);
  });

  test('the deploy steps of the README and docs/deploy.md point at the same place', () => {
    for (const file of ['README.md', 'docs/deploy.md']) {
      expect(generatedDoc(file)).toContain('*Data Sources → Recommended → AWS* and copy the *Access Key*');
    }
  });
});
