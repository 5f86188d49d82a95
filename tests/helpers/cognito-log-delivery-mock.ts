/**
 * The Cognito user-pools and SSM Parameter Store calls of the UserActivityLogExport custom resource, mocked
 * with aws-sdk-client-mock over a small state: each pool's feature plan, threat-protection mode and log
 * configurations, and the parameters. Set replaces a pool's whole list, as SetLogDeliveryConfiguration
 * does; SSM keeps a parameter unless asked to overwrite it, as PutParameter does (the SSM side is checked
 * against moto_server in tests/integration/user-activity-logs). moto's Cognito has no log delivery calls.
 */
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  FeatureUnavailableInTierException,
  GetLogDeliveryConfigurationCommand,
  InvalidParameterException,
  type LogConfigurationType,
  ResourceNotFoundException,
  SetLogDeliveryConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteParameterCommand, GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';

export interface PoolState {
  tier?: 'LITE' | 'ESSENTIALS' | 'PLUS';
  mode?: 'OFF' | 'AUDIT' | 'ENFORCED';
  configurations: LogConfigurationType[];
}

export const STREAM_ARN = 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/o2-cognito-DeliveryStream-Q1w2E3r4T5y6';
export const STACK_ID = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/o2-cognito/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f';

/** A Plus pool with threat protection in audit mode and the given log configurations. */
export function plusPool(...configurations: LogConfigurationType[]): PoolState {
  return { tier: 'PLUS', mode: 'AUDIT', configurations };
}

export const NOTIFICATION_ENTRY: LogConfigurationType = {
  EventSource: 'userNotification',
  LogLevel: 'ERROR',
  CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/cognito/notifications' },
};
export const S3_ENTRY: LogConfigurationType = { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:aws:s3:::security-archive-111122223333' } };

/** The entry that points a pool's user activity logs at `streamArn`. */
export function streamEntryOf(streamArn: string = STREAM_ARN): LogConfigurationType {
  return { EventSource: 'userAuthEvents', LogLevel: 'INFO', FirehoseConfiguration: { StreamArn: streamArn } };
}

const meta = { $metadata: {} };

/** Mocks the Cognito user-pools client over `pools` (pool id → state); a pool not in the map does not exist. */
export function mockCognito(pools: Map<string, PoolState>) {
  const cognito = mockClient(CognitoIdentityProviderClient);
  const poolOf = (id: string | undefined): PoolState => {
    const pool = pools.get(id ?? '');
    if (pool === undefined) throw new ResourceNotFoundException({ message: `User pool ${id} does not exist.`, ...meta });
    return pool;
  };
  cognito.on(DescribeUserPoolCommand).callsFake(({ UserPoolId }: { UserPoolId?: string }) => {
    const pool = poolOf(UserPoolId);
    return { UserPool: { Id: UserPoolId, UserPoolTier: pool.tier, UserPoolAddOns: pool.mode === undefined ? undefined : { AdvancedSecurityMode: pool.mode } } };
  });
  cognito.on(GetLogDeliveryConfigurationCommand).callsFake(({ UserPoolId }: { UserPoolId?: string }) => ({
    LogDeliveryConfiguration: { UserPoolId, LogConfigurations: structuredClone(poolOf(UserPoolId).configurations) },
  }));
  cognito.on(SetLogDeliveryConfigurationCommand).callsFake(({ UserPoolId, LogConfigurations }: { UserPoolId?: string; LogConfigurations?: LogConfigurationType[] }) => {
    const pool = poolOf(UserPoolId);
    const entries = LogConfigurations ?? [];
    const sources = entries.map((entry) => entry.EventSource);
    if (entries.length > 2 || new Set(sources).size !== sources.length) throw new InvalidParameterException({ message: 'One log configuration per event source.', ...meta });
    if (sources.includes('userAuthEvents') && pool.tier !== undefined && pool.tier !== 'PLUS') {
      throw new FeatureUnavailableInTierException({ message: `Log export of userAuthEvents is not available in the ${pool.tier} tier.`, ...meta });
    }
    pool.configurations = structuredClone(entries);
    return { LogDeliveryConfiguration: { UserPoolId, LogConfigurations: entries } };
  });
  return cognito;
}

/** Mocks the SSM client over `parameters` (name → value). */
export function mockSsm(parameters: Map<string, string>) {
  const ssm = mockClient(SSMClient);
  ssm.on(PutParameterCommand).callsFake(({ Name, Value, Overwrite }: { Name?: string; Value?: string; Overwrite?: boolean }) => {
    if (parameters.has(Name ?? '') && Overwrite !== true) throw new ParameterAlreadyExists({ message: 'The parameter already exists.', ...meta });
    parameters.set(Name ?? '', Value ?? '');
    return { Version: 1 };
  });
  ssm.on(GetParameterCommand).callsFake(({ Name }: { Name?: string }) => {
    const value = parameters.get(Name ?? '');
    if (value === undefined) throw new ParameterNotFound({ message: '', ...meta });
    return { Parameter: { Name, Value: value, Type: 'String' } };
  });
  ssm.on(DeleteParameterCommand).callsFake(({ Name }: { Name?: string }) => {
    if (!parameters.delete(Name ?? '')) throw new ParameterNotFound({ message: '', ...meta });
    return {};
  });
  return ssm;
}
