/**
 * The AWS quotas that bound the central stack of an organization, as AWS's quota pages give their
 * defaults (docs/organizations.md, Scale, cites each page). All are per account and region unless said.
 */

export interface DirectPutQuota {
  readonly regions: string;
  readonly recordsPerSecond: number;
  readonly requestsPerSecond: number;
  readonly mibPerSecond: number;
}

/**
 * Direct PUT quota of one Firehose stream, PutRecord and PutRecordBatch combined ("Amazon Data Firehose
 * quota", Firehose Developer Guide). The three scale together when AWS raises one.
 */
export const FIREHOSE_DIRECT_PUT: readonly DirectPutQuota[] = [
  { regions: 'us-east-1, us-west-2, eu-west-1', recordsPerSecond: 500_000, requestsPerSecond: 2_000, mibPerSecond: 5 },
  { regions: 'the other regions', recordsPerSecond: 100_000, requestsPerSecond: 1_000, mibPerSecond: 1 },
];

/**
 * EventBridge "Invocations throttle limit in transactions per second" ("Amazon EventBridge quotas"):
 * every event a rule sends to a target counts, cross-account and cross-region deliveries included.
 * Above it, invocations are delayed, not dropped.
 */
export const EVENTBRIDGE_INVOCATIONS_PER_SECOND: readonly { readonly regions: string; readonly perSecond: number }[] = [
  { regions: 'us-east-1, us-west-2, eu-west-1', perSecond: 18_750 },
  { regions: 'us-east-2, eu-central-1', perSecond: 4_500 },
  { regions: 'us-west-1, ap-northeast-1, ap-southeast-1, ap-southeast-2, eu-west-2', perSecond: 2_250 },
  { regions: 'most other regions', perSecond: 1_100 },
  { regions: 'af-south-1, ap-northeast-3, ap-southeast-3, eu-south-1', perSecond: 750 },
];

/** Lambda gives a function one vCPU at 1,769 MB and CPU in proportion below ("Configure Lambda function memory"). */
export const LAMBDA_MB_PER_VCPU = 1_769;

/** The transform's MemorySize in template.yaml. */
export const TRANSFORM_MEMORY_MB = 512;

export const BYTES_PER_MIB = 1024 * 1024;
