/**
 * `npm run fake-openobserve [-- [--port N] [--org ORG] [--stream STREAM]]`: a local OpenObserve to try
 * `check-endpoint`, `replay --to https://…` and `install-pack` without a server — the fakes the tests use
 * (tests/helpers/local-openobserve.ts), over HTTPS on 127.0.0.1 with a certificate made at start by a CA of
 * its own, whose file Node.js trusts through NODE_EXTRA_CA_CERTS. Prints the URL, the session's
 * credentials and the commands to paste; logs one line per request; stops on Ctrl-C, deleting the
 * certificates. Everything is kept in memory only.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type LocalOpenObserve, startLocalOpenObserve } from '../tests/helpers/local-openobserve';
import { createTestTls, type TestTls } from '../tests/helpers/tls';

/** OpenObserve's own default port is 5080 (plain HTTP); the fake speaks TLS next to it. */
export const DEFAULT_PORT = 5443;
const DEFAULT_STREAM = 'cognito_events';
const USER = 'root@example.com';

const USAGE = `usage: npm run fake-openobserve [-- [--port N] [--org ORG] [--stream STREAM]]

Starts a local OpenObserve fake on https://127.0.0.1:${DEFAULT_PORT} (--port 0: any free port) for
check-endpoint, replay --to and install-pack, and prints the commands to try. Ctrl-C stops it.
`;

const fail = (message: string): never => {
  process.stderr.write(`fake-openobserve: ${message}\n`);
  process.exit(2);
};

function options(): { port: number; org: string; stream: string } {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, org: { type: 'string' }, stream: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}; see npm run fake-openobserve -- --help.`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port; give 0 to 65535 (0: any free port).`);
  const org = values.org ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(org)) fail(`--org '${org}' is not an organization id; use 1–64 letters, digits, '_' or '-'.`);
  const stream = values.stream ?? DEFAULT_STREAM;
  if (!/^[a-z0-9_]{1,128}$/.test(stream)) fail(`--stream '${stream}' is not a stream name; use lowercase letters, digits or '_'.`);
  return { port, org, stream };
}

async function certificates(): Promise<TestTls> {
  try {
    return await createTestTls(['127.0.0.1', 'localhost']);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? 'the openssl command, which makes the certificate, is not installed; install OpenSSL (apt-get install openssl, brew install openssl) and start again.'
        : `openssl could not make the certificate (${code ?? 'unknown error'}); check that the openssl command works.`,
    );
  }
}

function banner(server: LocalOpenObserve, tls: TestTls, org: string, stream: string): string {
  const { user, password, passcode, accessKey } = server.credentials;
  const cli = 'node bin/o2-cognito.js';
  return `Fake OpenObserve on ${server.url} (organization ${org}; in memory, for local testing only)

  Firehose access key  ${accessKey}  (base64 of ${user}:${passcode})
  management user      ${user}, password ${password}  (for install-pack)
  CA certificate       ${tls.caPath}  (made for this session, deleted on Ctrl-C)

In another shell, in this folder (Node.js trusts the fake's CA through NODE_EXTRA_CA_CERTS):

export NODE_EXTRA_CA_CERTS=${tls.caPath}
export OPENOBSERVE_ACCESS_KEY=${accessKey}
export OPENOBSERVE_USER=${user} OPENOBSERVE_PASSWORD=${password}
${cli} check-endpoint --url ${server.url} --org ${org} --stream ${stream} --allow-local
${cli} replay --from events/eventbridge --to ${server.url}/aws/${org}/${stream}/_kinesis_firehose
${cli} install-pack --url ${server.url} --org ${org} --stream ${stream}

Requests (Ctrl-C stops):
`;
}

async function main(): Promise<void> {
  const { port, org, stream } = options();
  const tls = await certificates();
  let server: LocalOpenObserve;
  try {
    server = await startLocalOpenObserve({
      tls: { key: tls.key, cert: tls.cert },
      credentials: { user: USER, password: `Fake-${randomBytes(9).toString('base64url')}`, passcode: randomBytes(12).toString('base64url') },
      port,
      organization: org,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    await tls.cleanup();
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'EADDRINUSE' ? `port ${port} is in use; give another with --port N (0: any free port).` : `could not start (${code ?? String(error)}).`);
  }
  process.stdout.write(banner(server, tls, org, stream));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server
      .stop()
      .then(() => tls.cleanup())
      .then(() => process.stdout.write(`fake-openobserve: stopped after ${server.requests()} requests; the certificates are deleted.\n`));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
