import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The sample events are documentation and test input: they must look like what EventBridge delivers
// (docs/reference/aws-contracts.md#eventbridge-and-cloudtrail, #what-cognito-puts-in-cloudtrail) and hold
// only made-up, documentation-range identifiers.
const dir = path.resolve(__dirname, '../../../events/eventbridge');
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

interface Detail {
  eventTime?: string;
  eventID?: string;
  eventName?: string;
  eventSource?: string;
  eventType?: string;
  sourceIPAddress?: string;
  errorCode?: string;
  errorMessage?: string;
  responseElements?: unknown;
  recipientAccountId?: string;
  additionalEventData?: { responseParameters?: { status?: number } };
  managementEvent?: boolean;
  eventCategory?: string;
  resources?: { type?: string; ARN?: string }[];
}
interface Envelope {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: unknown[];
  detail: Detail;
}

const events = files.map((name) => ({ name, event: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Envelope }));
const DOCUMENTATION_IP = /^(192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:)/;

describe('events/eventbridge', () => {
  it('holds at least 14 events with kebab-case names', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const name of files) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.json$/);
  });

  it.each(events)('$name has the EventBridge envelope of a CloudTrail event', ({ event }) => {
    expect(event.version).toBe('0');
    expect(['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail']).toContain(event['detail-type']);
    expect(['aws.cognito-idp', 'aws.cognito-identity']).toContain(event.source);
    expect(event.detail.eventSource).toBe(`${event.source.slice(4)}.amazonaws.com`);
    expect(event.detail.eventType).toBe(event['detail-type'] === 'AWS API Call via CloudTrail' ? 'AwsApiCall' : 'AwsServiceEvent');
    expect(event.account).toBe('111122223333');
    expect(event.detail.recipientAccountId).toBe('111122223333');
    expect(event.time).toBe(event.detail.eventTime);
    expect(event.time.startsWith('2025-')).toBe(true);
    expect(event.detail.sourceIPAddress).toMatch(DOCUMENTATION_IP);
  });

  it.each(events.filter(({ event }) => event.detail.errorCode !== undefined))('$name fails with a message and no response', ({ event }) => {
    expect(event.detail.errorMessage).toEqual(expect.any(String));
    expect(event.detail.responseElements).toBeNull();
  });

  // Amazon Cognito Developer Guide, "Amazon Cognito logging in AWS CloudTrail", "Identity pools events", and
  // "Example Amazon Cognito events": these five are data events that name their pool in resources[].
  const DATA_EVENTS = ['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'GetOpenIdTokenForDeveloperIdentity', 'UnlinkIdentity'];

  it.each(events.filter(({ event }) => event.source === 'aws.cognito-identity'))('$name is a data event exactly when AWS logs it as one', ({ event }) => {
    const data = DATA_EVENTS.includes(event.detail.eventName ?? '');
    expect(event.detail.eventCategory).toBe(data ? 'Data' : 'Management');
    expect(event.detail.managementEvent).toBe(!data);
    if (data) {
      expect(event.detail.resources).toEqual([
        expect.objectContaining({ type: 'AWS::Cognito::IdentityPool', ARN: expect.stringMatching(/^arn:aws:cognito-identity:[a-z0-9-]+:111122223333:identitypool\/[a-z0-9-]+:[0-9a-f-]{36}$/) }),
      ]);
    }
  });

  it('uses each event id and envelope id once', () => {
    const ids = events.flatMap(({ event }) => [event.id, event.detail.eventID]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers success and failure of API calls and of hosted-UI requests, and identity pools', () => {
    const apiCalls = events.filter(({ event }) => event.detail.eventType === 'AwsApiCall');
    const hosted = events.filter(({ event }) => event.detail.eventType === 'AwsServiceEvent');
    const status = (e: Envelope): number => e.detail.additionalEventData?.responseParameters?.status ?? 0;
    expect(apiCalls.some(({ event }) => event.detail.errorCode !== undefined)).toBe(true);
    expect(apiCalls.some(({ event }) => event.detail.errorCode === undefined)).toBe(true);
    expect(hosted.some(({ event }) => status(event) >= 400)).toBe(true);
    expect(hosted.some(({ event }) => status(event) > 0 && status(event) < 400)).toBe(true);
    expect(events.some(({ event }) => event.source === 'aws.cognito-identity' && event.detail.errorCode !== undefined)).toBe(true);
    expect(events.some(({ event }) => event.detail.eventCategory === 'Data')).toBe(true);
    expect(hosted.some(({ event }) => /^[a-z]+(_[a-z]+)+_POST$/i.test(event.detail.eventName ?? ''))).toBe(true);
  });
});
