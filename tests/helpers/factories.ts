/**
 * Small factories for transform tests: CloudTrail records, EventBridge events, Firehose batches, a Lambda
 * context; and CloudFormation custom resource requests. Defaults follow the shapes in
 * docs/reference/aws-contracts.md#what-cognito-puts-in-cloudtrail (an InitiateAuth that succeeded); override
 * what a test is about, nothing else.
 */
import type { CloudFormationCustomResourceEvent, Context, FirehoseTransformationEvent, FirehoseTransformationEventRecord } from 'aws-lambda';
import { type CustomResourceRequest, parseCustomResourceRequest, type RequestType } from '../../functions/shared/custom-resource-request';
import type { EventFacts } from '../../functions/transform/classify';

/** A clock for tests: 2025-06-17T14:00:00Z, after every sample event and within 4 h 30 min of most. */
export const FIXED_NOW_MS = Date.UTC(2025, 5, 17, 14, 0, 0);

export type Json = Record<string, unknown>;

/** A CloudTrail record (what EventBridge puts in `detail`); `overrides` replace top-level keys. */
export function cloudTrailEvent(overrides: Json = {}): Json {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'Unknown', principalId: 'Anonymous' },
    eventTime: '2025-06-17T13:00:00Z',
    eventSource: 'cognito-idp.amazonaws.com',
    eventName: 'InitiateAuth',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.23',
    userAgent: 'aws-sdk-js/3.540.0',
    requestParameters: {
      authFlow: 'USER_PASSWORD_AUTH',
      authParameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      clientId: '3n4b5c6d7e8f9g0h1i2j3k4l5m',
    },
    responseElements: { challengeParameters: {}, authenticationResult: { accessToken: 'HIDDEN_DUE_TO_SECURITY_REASONS', expiresIn: 3600 } },
    additionalEventData: { sub: 'a1b2c3d4-0001-4e5f-9a8b-7c6d5e4f3a21' },
    requestID: '6f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a01',
    eventID: '9a8b7c6d-1111-4e2f-8a3b-2c1d0e9f8a01',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256' },
    ...overrides,
  };
}

/** A hosted-UI (managed login) event: `AwsServiceEvent`, null top-level payloads, status in additionalEventData. */
export function hostedUiEvent(eventName: string, status: unknown, overrides: Json = {}): Json {
  return cloudTrailEvent({
    userIdentity: { accountId: '111122223333' },
    eventName,
    userAgent: 'Mozilla/5.0',
    requestParameters: null,
    responseElements: null,
    additionalEventData: {
      responseParameters: { status },
      requestParameters: { client_id: ['3n4b5c6d7e8f9g0h1i2j3k4l5m'], response_type: ['code'] },
      userPoolDomain: 'auth-demo.auth.eu-west-1.amazoncognito.com',
      userPoolId: 'eu-west-1_Ab12Cd34E',
    },
    eventType: 'AwsServiceEvent',
    tlsDetails: undefined,
    ...overrides,
  });
}

/**
 * A Cognito user activity log event as log delivery writes it: the example of the Amazon Cognito Developer
 * Guide ("Exporting logs from Amazon Cognito user pools"), made a failed, high-risk sign-in with our ids.
 * `message` entries replace the message's keys, `overrides` the top-level keys.
 */
export function userActivityEvent(message: Json = {}, overrides: Json = {}): Json {
  return {
    eventTimestamp: String(Date.UTC(2025, 5, 17, 13, 0, 0, 123)),
    eventSource: 'USER_ACTIVITY',
    logLevel: 'INFO',
    message: {
      version: '1',
      eventId: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f',
      eventType: 'SignIn',
      userSub: 'a1b2c3d4-0001-4e5f-9a8b-7c6d5e4f3a21',
      userName: 'maria.rossi',
      userPoolId: 'eu-west-1_Ab12Cd34E',
      clientId: '3n4b5c6d7e8f9g0h1i2j3k4l5m',
      creationDate: 'Tue Jun 17 13:00:00 UTC 2025',
      eventResponse: 'Fail',
      riskLevel: 'High',
      riskDecision: 'Block',
      challenges: [{ challengeName: 'Password', challengeResponse: 'Success' }],
      deviceName: 'Chrome 131, Windows 10',
      ipAddress: '198.51.100.61',
      requestId: '7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908',
      idpName: '',
      compromisedCredentialDetected: 'true',
      city: 'Lagos',
      country: 'Nigeria',
      eventFeedbackValue: '',
      eventFeedbackDate: '',
      eventFeedbackProvider: '',
      hasContextData: 'true',
      ...message,
    },
    logSourceId: { userPoolId: 'eu-west-1_Ab12Cd34E' },
    ...overrides,
  };
}

/** What classify reads of an event: a successful user-pool API call named `eventName` unless overridden. */
export function eventFacts(eventName: string | undefined, overrides: Partial<EventFacts> = {}): EventFacts {
  return {
    eventSource: 'cognito-idp.amazonaws.com',
    eventName,
    errorCode: undefined,
    httpStatus: undefined,
    isApiCall: true,
    grantType: undefined,
    authFlow: undefined,
    ...overrides,
  };
}

/** A managed-login request named `eventName` as classify reads it: an `AwsServiceEvent` with its HTTP status. */
export function pageFacts(eventName: string, httpStatus: number | undefined, overrides: Partial<EventFacts> = {}): EventFacts {
  return eventFacts(eventName, { isApiCall: false, httpStatus, ...overrides });
}

/** An EventBridge event around `detail`; the detail-type follows `detail.eventType` unless overridden. */
export function eventBridgeEvent(detail: unknown, overrides: Json = {}): Json {
  const eventType = typeof detail === 'object' && detail !== null ? (detail as Json).eventType : undefined;
  return {
    version: '0',
    id: '0d6a1f0e-7b1c-4c36-b1f4-0a9e2d7c5b11',
    'detail-type': eventType === 'AwsServiceEvent' ? 'AWS Service Event via CloudTrail' : 'AWS API Call via CloudTrail',
    source: 'aws.cognito-idp',
    account: '111122223333',
    time: '2025-06-17T13:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
    ...overrides,
  };
}

/** Base64 of a value's JSON, or of a string's UTF-8 bytes as they are. */
export function encodeData(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64');
}

let recordCounter = 0;

/** One Firehose record holding `value` (see {@link encodeData}); pass `{ data }` to set the base64 yourself. */
export function firehoseRecord(value: unknown, overrides: Partial<FirehoseTransformationEventRecord> = {}): FirehoseTransformationEventRecord {
  recordCounter += 1;
  return {
    recordId: `4965987045219016345793828455132604879217321045709262029${String(recordCounter).padStart(7, '0')}`,
    approximateArrivalTimestamp: FIXED_NOW_MS - 1000,
    ...overrides,
    data: overrides.data ?? encodeData(value),
  };
}

/** A Firehose transformation event; plain values are wrapped with {@link firehoseRecord}. */
export function firehoseEvent(records: readonly (FirehoseTransformationEventRecord | Json | string)[]): FirehoseTransformationEvent {
  return {
    invocationId: '5f0c2b9e-7a1d-4c3e-9b8f-2d6a4e1c0b7a',
    deliveryStreamArn: 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/cognito-auth-events',
    region: 'eu-west-1',
    records: records.map((record) =>
      typeof record === 'object' && 'recordId' in record && 'data' in record
        ? (record as FirehoseTransformationEventRecord)
        : firehoseRecord(record),
    ),
  };
}

/** A Lambda context as the Node.js runtime passes it (@types/aws-lambda's `Context`), ending nothing when called. */
export function lambdaContext(overrides: Partial<Context> = {}): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    functionName: 'o2-cognito-TransformFunction-AbCdEf123456',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:o2-cognito-TransformFunction-AbCdEf123456',
    memoryLimitInMB: '256',
    logGroupName: '/aws/lambda/o2-cognito-TransformFunction-AbCdEf123456',
    logStreamName: '2025/06/17/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...overrides,
  };
}

/** The decoded text of a response record's data. */
export function decodeData(data: string): string {
  return Buffer.from(data, 'base64').toString('utf8');
}

/** The fields of a custom resource request a test may set; the rest are CloudFormation's usual. */
export interface CustomResourceEventFields {
  readonly ResponseURL?: string;
  readonly StackId?: string;
  readonly RequestId?: string;
  readonly LogicalResourceId?: string;
  readonly PhysicalResourceId?: string;
  /** Without ServiceToken, which is added. */
  readonly ResourceProperties?: Readonly<Record<string, unknown>>;
  /** Update only; the ResourceProperties by default. */
  readonly OldResourceProperties?: Readonly<Record<string, unknown>>;
}

const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-1:111122223333:function:cognito-auth-stream-EndpointCheckFunction-AbC123dEf456';

/**
 * A custom resource request as CloudFormation sends it (@types/aws-lambda's `CloudFormationCustomResourceEvent`):
 * ServiceToken at the top and in the properties, a PhysicalResourceId on Update and Delete, OldResourceProperties on Update.
 */
export function customResourceEvent(requestType: RequestType, fields: CustomResourceEventFields = {}): CloudFormationCustomResourceEvent {
  const properties = { ServiceToken: SERVICE_TOKEN, ...fields.ResourceProperties };
  const common = {
    ServiceToken: SERVICE_TOKEN,
    ResponseURL: fields.ResponseURL ?? 'https://cloudformation-custom-resource-response.invalid/EXAMPLE?X-Amz-Signature=EXAMPLE',
    StackId: fields.StackId ?? 'arn:aws:cloudformation:eu-west-1:111122223333:stack/cognito-auth-stream/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f',
    RequestId: fields.RequestId ?? `req-${requestType.toLowerCase()}`,
    LogicalResourceId: fields.LogicalResourceId ?? 'EndpointCheck',
    ResourceType: 'AWS::CloudFormation::CustomResource',
    ResourceProperties: properties,
  };
  const PhysicalResourceId = fields.PhysicalResourceId ?? 'custom-resource-1';
  switch (requestType) {
    case 'Create':
      return { ...common, RequestType: 'Create' };
    case 'Update':
      return { ...common, RequestType: 'Update', PhysicalResourceId, OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...(fields.OldResourceProperties ?? fields.ResourceProperties) } };
    case 'Delete':
      return { ...common, RequestType: 'Delete', PhysicalResourceId };
  }
}

/** {@link customResourceEvent} as the handler hands it to the work, parsed. */
export function customResourceRequest(requestType: RequestType, fields: CustomResourceEventFields = {}): CustomResourceRequest {
  const parsed = parseCustomResourceRequest(customResourceEvent(requestType, fields));
  if (!parsed.ok) throw new Error(`the factory made a malformed request: ${parsed.reason}`);
  return parsed.request;
}
