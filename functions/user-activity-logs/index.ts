import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SSMClient } from '@aws-sdk/client-ssm';
import { customResourceHandler } from '../shared/custom-resource';
import { createLogger, logLevelOf } from '../shared/logger';
import { describeStackRollback } from '../shared/stack-rollback';
import { PHYSICAL_ID_PREFIX } from './constants';
import { userActivityLogExport } from './export-resource';

// Cold start: configuration and clients once.
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
const options = region ? { region } : {};
const log = createLogger({ level: logLevelOf(process.env.LOG_LEVEL) });

export const handler = customResourceHandler({
  ...userActivityLogExport({
    cognito: new CognitoIdentityProviderClient(options),
    ssm: new SSMClient(options),
    log,
    // Not the runner's `rollback` option: a rollback's Update must run here (export-resource.ts says why).
    probe: describeStackRollback(new CloudFormationClient(options)),
  }),
  log,
  physicalResourceIdPrefix: PHYSICAL_ID_PREFIX,
});
