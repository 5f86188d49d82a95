/**
 * The pack's management client, install-pack and the SecurityPack custom resource against a server that
 * echoes the password, the Basic credential and the webhook URL in every form, at every offset around the
 * 200 characters of server text a message keeps. No run of MIN_SECRET_CHARS characters of any form may come
 * back in a message, an error, the CLI's output or a CloudFormation Reason.
 */
import { PassThrough } from 'node:stream';
import { main } from '../../../cli/index';
import { packResource } from '../../../functions/pack-install/pack-resource';
import { createLogger } from '../../../functions/shared/logger';
import { MAX_SERVER_MESSAGE_CHARS } from '../../../functions/shared/pack/constants';
import { failure } from '../../../functions/shared/pack/management-api';
import { createManagementClient } from '../../../functions/shared/pack/management-client';
import { MIN_SECRET_CHARS, urlSecrets } from '../../../functions/shared/secret-scrubber';
import { ECHO_FORMS, type EchoForm, type EchoingServer, type EchoSource, echoBase, echoForm, leakedFragments, startEchoingServer } from '../../helpers/echoing-server';
import { createTestTls, type TestTls } from '../../helpers/tls';

const USER = 'admin@example.com';
const PASSWORD = 'pw/9Kq+ "<&>" gehëim-Tz4';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const WEBHOOK_PATH = '/xq7/T0AB9Q/B0CDZ7/XqZ7wV81kPt3Lm'; // no English word, which the leak check would find in prose
const WEBHOOK = `https://hooks.example.com${WEBHOOK_PATH}`;
const credentials = { username: USER, secret: PASSWORD };

let pki: TestTls;
let plainEcho: EchoingServer;
let echo: EchoingServer;
const agentless = { timeoutMs: 5000 };

beforeAll(async () => {
  pki = await createTestTls();
  plainEcho = await startEchoingServer();
  echo = await startEchoingServer({ tls: { key: pki.key, cert: pki.cert } });
});
afterAll(async () => {
  await plainEcho.stop();
  await echo.stop();
  await pki.cleanup();
});

const leaks = (output: string): string[] => leakedFragments(output, [PASSWORD, BASIC, WEBHOOK_PATH], MIN_SECRET_CHARS);
const secretValueOf = (from: EchoSource): string => (from === 'basic-secret' ? PASSWORD : from === 'authorization' ? `Basic ${BASIC}` : WEBHOOK);

describe('createManagementClient against an echoing server', () => {
  const cases: Array<[EchoSource, EchoForm]> = [
    ...ECHO_FORMS.map((form): [EchoSource, EchoForm] => ['basic-secret', form]),
    ...ECHO_FORMS.map((form): [EchoSource, EchoForm] => ['webhook-url', form]),
    ['authorization', 'raw'],
    ['authorization', 'url-encoded'],
    ['authorization', 'json-escaped'],
  ];

  test.each(cases)('never keeps a piece of the echoed %s (%s), whichever side of the cut it falls', async (from, form) => {
    const echoed = echoForm(secretValueOf(from), form);
    const offsets: number[] = [];
    for (let o = Math.max(0, MAX_SERVER_MESSAGE_CHARS - echoed.length - 1); o <= MAX_SERVER_MESSAGE_CHARS + 1; o++) offsets.push(o);
    plainEcho.plan({ status: 400, from, form, offset: 0 });

    const outputs = await Promise.all(
      offsets.map(async (offset) => {
        const client = createManagementClient({ baseUrl: echoBase(plainEcho, 400, offset), credentials, redact: urlSecrets(WEBHOOK), ...agentless });
        const response = await client.send({ method: 'POST', path: '/api/default/alerts/destinations', body: { name: 'o2c', url: WEBHOOK } });
        return { offset, output: `${response.message}\n${failure(response, 'create the destination').message}` };
      }),
    );

    expect(outputs.flatMap(({ offset, output }) => leaks(output).map((leak) => `${offset} ${leak}`))).toEqual([]);
  });

  test('keeps the scheme and host of an echoed webhook URL readable', async () => {
    plainEcho.plan({ status: 400, from: 'webhook-url', form: 'raw', offset: 3 });
    const client = createManagementClient({ baseUrl: plainEcho.url, credentials, redact: urlSecrets(WEBHOOK) });

    const response = await client.send({ method: 'POST', path: '/api/default/alerts/destinations', body: { url: WEBHOOK } });

    expect(response.message).toBe('~~~https://hooks.example.com[redacted]~~~~~~~~~~~~~~~~');
  });
});

describe('install-pack and the SecurityPack custom resource against an echoing server', () => {
  async function cli(url: string): Promise<string> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await main(['install-pack', '--url', url, '--webhook-url', WEBHOOK, '--allow-local'], {
      stdout,
      stderr,
      env: { OPENOBSERVE_USER: USER, OPENOBSERVE_PASSWORD: PASSWORD },
      cwd: process.cwd(),
      interactive: false,
    });
    expect(code).toBe(1);
    return out;
  }

  test.each<[EchoSource, EchoForm]>([
    ['basic-secret', 'raw'],
    ['basic-secret', 'url-encoded'],
    ['authorization', 'raw'],
  ])('install-pack prints no piece of the echoed %s (%s) across the cut', async (from, form) => {
    plainEcho.plan({ status: 500, from, form, offset: 0 });
    const echoed = echoForm(secretValueOf(from), form);
    const found: string[] = [];
    for (const offset of [MAX_SERVER_MESSAGE_CHARS - echoed.length, MAX_SERVER_MESSAGE_CHARS - 9, MAX_SERVER_MESSAGE_CHARS - 1]) {
      const output = await cli(echoBase(plainEcho, 500, offset));

      expect(output).toContain('OpenObserve answered HTTP 500');
      found.push(...leaks(output).map((leak) => `${offset} ${leak}`));
    }
    expect(found).toEqual([]);
  });

  test('the custom resource puts no piece of an echoed password in its Reason or its logs', async () => {
    const lines: string[] = [];
    const resource = packResource({
      readCredentials: async () => ({ ok: true, credentials }),
      log: createLogger({ level: 'DEBUG', write: (line) => void lines.push(line) }),
      now: Date.now,
      ca: pki.ca,
    });
    echo.plan({ status: 500, from: 'basic-secret', form: 'raw', offset: 0 });
    const found: string[] = [];
    for (const offset of [MAX_SERVER_MESSAGE_CHARS - PASSWORD.length, MAX_SERVER_MESSAGE_CHARS - 9, MAX_SERVER_MESSAGE_CHARS - 1]) {
      const outcome = await resource.onCreateOrUpdate(
        {
          RequestType: 'Create',
          ResponseURL: 'http://127.0.0.1:9/unused',
          StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1',
          RequestId: 'req-1',
          LogicalResourceId: 'SecurityPack',
          ResourceType: 'AWS::CloudFormation::CustomResource',
          ResourceProperties: {
            ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:pack',
            OpenObserveUrl: echoBase(echo, 500, offset),
            Organization: 'default',
            StreamName: 'cognito_events',
            CredentialsSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:o2-pack-AbCdEf',
            WebhookUrl: WEBHOOK,
          },
        },
        { signal: AbortSignal.timeout(10_000), deadlineMs: Date.now() + 10_000 },
      );

      expect(outcome).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('OpenObserve answered HTTP 500') });
      found.push(...leaks(`${outcome.status === 'FAILED' ? outcome.reason : ''}\n${lines.join('\n')}`).map((leak) => `${offset} ${leak}`));
    }
    expect(found).toEqual([]);
  });
});
