import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createLogger, LOG_LEVELS, type LogLevel } from '../shared/logger';
import { endpointCheckHandler } from './handler';

// Cold start: configuration and clients once. ENDPOINT_CHECK_ALLOW_LOCAL is for local testing only;
// the template never sets it.
const levelName = (process.env.LOG_LEVEL ?? 'INFO').toUpperCase();
const level: LogLevel = LOG_LEVELS.find((l) => l === levelName) ?? 'INFO';
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
const clientConfig = region ? { region } : {};

export const handler = endpointCheckHandler({
  log: createLogger({ level }),
  allowLocal: process.env.ENDPOINT_CHECK_ALLOW_LOCAL === 'true',
  deps: {
    lookup: async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address),
    cloudTrail: new CloudTrailClient(clientConfig),
    secretsManager: new SecretsManagerClient(clientConfig),
    ...(region ? { region } : {}),
    now: Date.now,
    randomUUID,
  },
});
