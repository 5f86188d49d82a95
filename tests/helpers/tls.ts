import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Longer than the endpoint check's 14-day expiry warning, so a fresh certificate passes cleanly. */
const VALID_DAYS = 30;

/** A throw-away CA and a server certificate it issued, as PEM text and as files. */
export interface TestTls {
  readonly dir: string;
  /** PEM of the CA: pass as `ca` in-process, or its file as NODE_EXTRA_CA_CERTS to a child process. */
  readonly ca: string;
  readonly caPath: string;
  readonly key: string;
  readonly cert: string;
  /** Another certificate from the same CA (name-mismatch and near-expiry tests); `days` of validity, 30 by default. */
  issue(names: readonly string[], file: string, days?: number): Promise<{ key: string; cert: string }>;
  /** A self-signed server certificate (no CA), for "not trusted" tests. */
  selfSigned(names: readonly string[], file: string): Promise<{ key: string; cert: string }>;
  cleanup(): Promise<void>;
}

const openssl = (args: readonly string[], cwd: string) => run('openssl', [...args], { cwd });

function subjectAltName(names: readonly string[]): string {
  return names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
}

async function newKey(dir: string, file: string): Promise<void> {
  await openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', file], dir);
}

/**
 * Generates, with the `openssl` command, a CA and a server certificate for 127.0.0.1 and localhost
 * (or `names`) in a new temporary directory. Call `cleanup()` in afterAll.
 */
export async function createTestTls(names: readonly string[] = ['127.0.0.1', 'localhost']): Promise<TestTls> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'o2-tls-'));
  await newKey(dir, 'ca.key');
  await openssl(['req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', String(VALID_DAYS), '-subj', '/CN=o2-cognito test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.pem'], dir);

  const issue = async (sans: readonly string[], file: string, days = VALID_DAYS): Promise<{ key: string; cert: string }> => {
    await newKey(dir, `${file}.key`);
    await openssl(['req', '-new', '-key', `${file}.key`, '-subj', `/CN=${sans[0] ?? 'localhost'}`, '-out', `${file}.csr`], dir);
    await writeFile(path.join(dir, `${file}.ext`),
      `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${subjectAltName(sans)}\n`);
    await openssl(['x509', '-req', '-in', `${file}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', String(days),
      '-sha256', '-extfile', `${file}.ext`, '-out', `${file}.pem`], dir);
    return { key: await readFile(path.join(dir, `${file}.key`), 'utf8'), cert: await readFile(path.join(dir, `${file}.pem`), 'utf8') };
  };

  const selfSigned = async (sans: readonly string[], file: string): Promise<{ key: string; cert: string }> => {
    await newKey(dir, `${file}.key`);
    await openssl(['req', '-x509', '-new', '-key', `${file}.key`, '-sha256', '-days', String(VALID_DAYS), '-subj', `/CN=${sans[0] ?? 'localhost'}`,
      '-addext', `subjectAltName=${subjectAltName(sans)}`, '-out', `${file}.pem`], dir);
    return { key: await readFile(path.join(dir, `${file}.key`), 'utf8'), cert: await readFile(path.join(dir, `${file}.pem`), 'utf8') };
  };

  const server = await issue(names, 'server');
  return {
    dir,
    ca: await readFile(path.join(dir, 'ca.pem'), 'utf8'),
    caPath: path.join(dir, 'ca.pem'),
    key: server.key,
    cert: server.cert,
    issue,
    selfSigned,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
