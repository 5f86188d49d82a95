import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { customResourceHandler } from '../shared/custom-resource';
import { createLogger, logLevelOf } from '../shared/logger';
import { describeStackRollback } from '../shared/stack-rollback';
import { readCredentials } from './pack-credentials';
import { PHYSICAL_ID_PREFIX, packResource, packRollbackOutcome } from './pack-resource';

// Cold start: configuration and clients once.
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
const log = createLogger({ level: logLevelOf(process.env.LOG_LEVEL) });
const secrets = new SecretsManagerClient(region ? { region } : {});
const cloudFormation = new CloudFormationClient(region ? { region } : {});

export const handler = customResourceHandler({
  ...packResource({ readCredentials: (arn, signal) => readCredentials(secrets, arn, signal), log, now: Date.now }),
  log,
  physicalResourceIdPrefix: PHYSICAL_ID_PREFIX,
  // A rollback restores earlier settings: the pack stays as the failed update left it, rather than the
  // rollback failing on credentials that may no longer work.
  rollback: { probe: describeStackRollback(cloudFormation), outcome: packRollbackOutcome },
});
