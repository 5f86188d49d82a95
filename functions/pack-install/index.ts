import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { customResourceHandler } from '../shared/custom-resource';
import { createLogger, logLevelOf } from '../shared/logger';
import { readCredentials } from './pack-credentials';
import { PHYSICAL_ID_PREFIX, packResource } from './pack-resource';

// Cold start: configuration and clients once.
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
const log = createLogger({ level: logLevelOf(process.env.LOG_LEVEL) });
const secrets = new SecretsManagerClient(region ? { region } : {});

export const handler = customResourceHandler({
  ...packResource({ readCredentials: (arn, signal) => readCredentials(secrets, arn, signal), log, now: Date.now }),
  log,
  physicalResourceIdPrefix: PHYSICAL_ID_PREFIX,
});
