import { randomUUID } from 'node:crypto';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createLogger, logLevelOf } from '../shared/logger';
import { describeStackRollback } from '../shared/stack-rollback';
import { lookupAll } from './check-host';
import { endpointCheckHandler } from './handler';

// Cold start: configuration and clients once. ENDPOINT_CHECK_ALLOW_LOCAL is for local testing only;
// the template never sets it.
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
const clientConfig = region ? { region } : {};

export const handler = endpointCheckHandler({
  log: createLogger({ level: logLevelOf(process.env.LOG_LEVEL) }),
  allowLocal: process.env.ENDPOINT_CHECK_ALLOW_LOCAL === 'true',
  stackStatus: describeStackRollback(new CloudFormationClient(clientConfig)),
  deps: {
    lookup: lookupAll,
    cloudTrail: new CloudTrailClient(clientConfig),
    secretsManager: new SecretsManagerClient(clientConfig),
    ...(region ? { region } : {}),
    now: Date.now,
    randomUUID,
  },
});
