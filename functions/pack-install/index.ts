import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { customResourceHandler } from '../shared/custom-resource';
import { createLogger, LOG_LEVELS, type LogLevel } from '../shared/logger';
import { readCredentials } from './pack-credentials';
import { PHYSICAL_ID_PREFIX, packResource } from './pack-resource';

// Cold start: configuration and clients once.
const levelName = (process.env.LOG_LEVEL ?? 'INFO').toUpperCase();
const level: LogLevel = LOG_LEVELS.find((l) => l === levelName) ?? 'INFO';
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
const log = createLogger({ level });
const secrets = new SecretsManagerClient(region ? { region } : {});

export const handler = customResourceHandler({
  ...packResource({ readCredentials: (arn, signal) => readCredentials(secrets, arn, signal), log, now: Date.now }),
  log,
  physicalResourceIdPrefix: PHYSICAL_ID_PREFIX,
});
