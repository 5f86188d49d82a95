/**
 * `o2-cognito install-pack --url BASE [--org ORG] [--stream STREAM] [--webhook-url URL] [--thresholds FILE]
 * [--disable-alerts] [--dry-run] [--uninstall] [--allow-local]`: installs, updates or removes the Cognito
 * Security dashboard and alerts through OpenObserve's management API. Credentials come from OPENOBSERVE_USER
 * and OPENOBSERVE_PASSWORD only, never from flags, so they stay out of shell history and process lists, and
 * travel over https only, unless --allow-local lets them reach a loopback OpenObserve over plain http.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ACCESS_KEY_LOCATION } from '../../functions/shared/access-key-location';
import { isCertificateError } from '../../functions/shared/network-error';
import { formatAction, summarise, type PackAction, type PackReport } from '../../functions/shared/pack/actions';
import { PACK_CONTENT } from '../../functions/shared/pack/content';
import { DEFAULT_STREAM, ORGANIZATION_ID_PATTERN, STREAM_NAME_PATTERN } from '../../functions/shared/pack/constants';
import { PackNetworkError, PackUnauthorizedError } from '../../functions/shared/pack/errors';
import { installPack } from '../../functions/shared/pack/install';
import { ManagementApi } from '../../functions/shared/pack/management-api';
import { createManagementClient } from '../../functions/shared/pack/management-client';
import { parseThresholds } from '../../functions/shared/pack/thresholds';
import { uninstallPack } from '../../functions/shared/pack/uninstall';
import { urlSecrets } from '../../functions/shared/secret-scrubber';
import { CliUsageError, type CliIo, type Command } from '../io';
import { loopbackOnlyForHttp } from '../loopback-only';

const USAGE = `usage: o2-cognito install-pack --url BASE [--org ORG] [--stream STREAM] [--webhook-url URL]
                               [--thresholds FILE] [--disable-alerts] [--dry-run] [--uninstall] [--allow-local]

Installs the "Cognito Security" dashboard and alerts into OpenObserve, or updates them in place.
  --url            OpenObserve base URL, e.g. https://o2.example.com
  --org            organization (default: default)
  --stream         log stream the pipeline writes (default: ${DEFAULT_STREAM})
  --webhook-url    Slack-compatible webhook the alerts post to (without it, alerts need an existing pack destination)
  --thresholds     JSON file overriding alert thresholds, e.g. {"cognito_password_spraying": {"min_users": 20}}
  --disable-alerts install the alerts disabled
  --dry-run        print what would be created, updated or deleted, and change nothing
  --uninstall      remove the dashboard and alerts that carry the pack's marker
  --allow-local    local testing only: accept a plain http --url on this machine (loopback addresses only) and a
                   plain http --webhook-url; the credentials and alerts then travel unencrypted
Credentials: OPENOBSERVE_USER and OPENOBSERVE_PASSWORD (a user's email and password, or a service account's
email and token). OpenObserve accepts the Firehose access key for ingestion only, so not
${ACCESS_KEY_LOCATION}.

exit codes:
  0  installed, updated or removed (with --dry-run: planned)
  1  OpenObserve refused a request or could not be reached (stderr says which)
  2  usage error: a missing or invalid option or credential variable (nothing was changed)
`;

function httpUrl(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliUsageError(`${flag} is not a URL; give an http(s) URL such as https://o2.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliUsageError(`${flag} must be an http or https URL.`);
  if (url.username !== '' || url.password !== '') throw new CliUsageError(`${flag} must not hold credentials; use OPENOBSERVE_USER and OPENOBSERVE_PASSWORD.`);
  return url;
}

async function readThresholds(file: string | undefined, io: CliIo) {
  if (file === undefined) return PACK_CONTENT.thresholds;
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch {
    throw new CliUsageError(`--thresholds ${file} cannot be read; give the path of a JSON file.`);
  }
  const result = parseThresholds(PACK_CONTENT.thresholds, text);
  if (!result.ok) throw new CliUsageError(`--thresholds ${file}: ${result.problems.join('; ')}.`);
  return result.thresholds;
}

function print(report: PackReport, dryRun: boolean, io: CliIo): void {
  for (const warning of report.warnings) io.stderr.write(`warning: ${warning}\n`);
  io.stderr.write(`${dryRun ? 'dry run: ' : ''}${summarise(report.actions, dryRun)}.\n`);
}

export const run: Command = async (argv, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        org: { type: 'string', default: 'default' },
        stream: { type: 'string', default: DEFAULT_STREAM },
        'webhook-url': { type: 'string' },
        thresholds: { type: 'string' },
        'disable-alerts': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        uninstall: { type: 'boolean', default: false },
        'allow-local': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(`${error instanceof Error ? error.message : String(error)}; see o2-cognito install-pack --help.`);
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.url === undefined) throw new CliUsageError('--url is required; give the OpenObserve base URL, e.g. --url https://o2.example.com.');
  const baseUrl = httpUrl(values.url, '--url');
  const allowLocal = values['allow-local'];
  const lookup = await loopbackOnlyForHttp(baseUrl, '--url', allowLocal);
  if (!ORGANIZATION_ID_PATTERN.test(values.org)) throw new CliUsageError(`--org '${values.org}' is not an organization id; use 1–64 letters, digits, '_' or '-'.`);
  if (!STREAM_NAME_PATTERN.test(values.stream)) throw new CliUsageError(`--stream '${values.stream}' is not a stream name; use 1–128 lowercase letters, digits or '_'.`);
  const webhook = values['webhook-url'] === undefined ? undefined : httpUrl(values['webhook-url'], '--webhook-url');
  if (webhook?.protocol === 'http:' && !allowLocal) {
    throw new CliUsageError('--webhook-url uses plain http, which would send every alert and the URL itself unencrypted; use https, or add --allow-local to test with a local receiver.');
  }
  const webhookUrl = webhook?.href;
  if (values.uninstall && (webhookUrl !== undefined || values.thresholds !== undefined)) {
    throw new CliUsageError('--uninstall takes no --webhook-url or --thresholds; leave them out.');
  }
  const thresholds = await readThresholds(values.thresholds, io);
  const username = io.env.OPENOBSERVE_USER ?? '';
  const secret = io.env.OPENOBSERVE_PASSWORD ?? '';
  if (username === '' || secret === '') {
    throw new CliUsageError(
      "Set OPENOBSERVE_USER and OPENOBSERVE_PASSWORD to a user's email and password, or a service account's email and token; the Firehose access key works for ingestion only.",
    );
  }

  if (lookup) io.stderr.write(`warning: sending OPENOBSERVE_USER and OPENOBSERVE_PASSWORD over plain http to ${baseUrl.host}, on this machine (--allow-local).\n`);
  if (webhook?.protocol === 'http:') io.stderr.write('warning: the alerts will post to a plain http webhook (--allow-local).\n');

  const client = createManagementClient({
    baseUrl: baseUrl.href,
    credentials: { username, secret },
    redact: webhookUrl === undefined ? [] : urlSecrets(webhookUrl),
    ...(lookup ? { lookup } : {}),
  });
  const api = new ManagementApi(client, values.org);
  const dryRun = values['dry-run'];
  const onAction = (action: PackAction): void => void io.stdout.write(`${formatAction(action, dryRun)}\n`);
  try {
    const report = values.uninstall
      ? await uninstallPack({ api, stream: values.stream, dryRun, onAction })
      : await installPack({
          api,
          stream: values.stream,
          thresholds,
          enableAlerts: !values['disable-alerts'],
          ...(webhookUrl !== undefined ? { webhookUrl } : {}),
          dryRun,
          now: Date.now,
          onAction,
        });
    print(report, dryRun, io);
    return 0;
  } catch (error) {
    if (error instanceof PackUnauthorizedError) {
      io.stderr.write(`o2-cognito install-pack: ${error.message} Check OPENOBSERVE_USER and OPENOBSERVE_PASSWORD.\n`);
      return 1;
    }
    if (error instanceof PackNetworkError && isCertificateError(error.code)) {
      io.stderr.write(`o2-cognito install-pack: ${error.message} If a private CA issued OpenObserve's certificate, set NODE_EXTRA_CA_CERTS to that CA's PEM file.\n`);
      return 1;
    }
    throw error;
  }
};
