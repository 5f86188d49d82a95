import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { checkTrail } from '../../../functions/endpoint-check/check-trail';

const cloudTrail = mockClient(CloudTrailClient);
const client = new CloudTrailClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const run = () => checkTrail({ cloudTrail: client, region: 'eu-west-1', timeoutMs: 1000 });

const trail = (over: Partial<Trail> = {}): Trail => ({
  Name: 'main',
  TrailARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main',
  HomeRegion: 'eu-west-1',
  IsMultiRegionTrail: false,
  ...over,
});
const given = (trails: Trail[], logging: boolean, selectors: Record<string, unknown> = { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] }) => {
  cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: trails });
  cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: logging });
  cloudTrail.on(GetEventSelectorsCommand).resolves(selectors);
};

beforeEach(() => cloudTrail.reset());

describe('checkTrail', () => {
  test('passes a logging trail of this region with management events, asking for shadow trails', async () => {
    given([trail()], true);

    const result = await run();

    expect(result).toMatchObject({ id: 'trail', status: 'passed', message: expect.stringContaining("Trail 'main' is logging") });
    expect(cloudTrail.commandCalls(DescribeTrailsCommand)[0]?.args[0].input).toEqual({ includeShadowTrails: true });
    expect(cloudTrail.commandCalls(GetTrailStatusCommand)[0]?.args[0].input).toEqual({ Name: trail().TrailARN });
  });

  test('does not count the stack\'s own trail when the update turning CreateTrail off will delete it', async () => {
    given([trail({ Name: 'o2-cognito-cognito', TrailARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/o2-cognito-cognito' })], true);

    const result = await checkTrail({ cloudTrail: client, region: 'eu-west-1', timeoutMs: 1000, leaving: { name: 'o2-cognito-cognito', account: '111122223333', createdBefore: true } });

    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('No CloudTrail trail covers eu-west-1') });
    expect((await run()).status).toBe('passed');
  });

  test('passes a multi-region trail from another home region (a shadow trail)', async () => {
    given([trail({ HomeRegion: 'us-east-1', IsMultiRegionTrail: true })], true);

    expect((await run()).status).toBe('passed');
  });

  test('fails when no trail covers the region, saying to deploy with CreateTrail=true', async () => {
    given([trail({ HomeRegion: 'us-east-1' })], true);

    expect(await run()).toMatchObject({ status: 'failed', message: expect.stringMatching(/No CloudTrail trail covers eu-west-1.*CreateTrail=true/) });
  });

  test('fails a trail that is not logging, saying how to start it', async () => {
    given([trail()], false);

    expect(await run()).toMatchObject({ status: 'failed', message: expect.stringContaining('aws cloudtrail start-logging --name main') });
  });

  test.each([
    ['read-only management events', { EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] }],
    ['data events only', { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false }] }],
    ['advanced selectors for data events', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }] }],
    [
      'advanced selectors excluding cognito-idp',
      { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventSource', NotEquals: ['cognito-idp.amazonaws.com'] }] }] },
    ],
    [
      'advanced selectors for read-only events',
      { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['true'] }] }] },
    ],
  ])('fails a trail that records %s', async (_name, selectors) => {
    given([trail()], true, selectors);

    expect(await run()).toMatchObject({ status: 'failed', message: expect.stringContaining('does not record Cognito management write events') });
  });

  test.each([
    ['write-only management events', { EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] }],
    ['advanced selectors for management events', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] }],
    [
      'advanced write-only selectors excluding KMS',
      {
        AdvancedEventSelectors: [
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] },
        ],
      },
    ],
  ])('passes a trail that records %s', async (_name, selectors) => {
    given([trail()], true, selectors);

    expect((await run()).status).toBe('passed');
  });

  test('passes when any one of several trails qualifies', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail({ Name: 'off', TrailARN: 'arn:off' }), trail()] });
    cloudTrail.on(GetTrailStatusCommand, { Name: 'arn:off' }).resolves({ IsLogging: false });
    cloudTrail.on(GetTrailStatusCommand, { Name: trail().TrailARN }).resolves({ IsLogging: true });
    cloudTrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All' }] });

    expect(await run()).toMatchObject({ status: 'passed', message: expect.stringContaining("'main'") });
  });

  test('fails with the permission to add when DescribeTrails is denied', async () => {
    cloudTrail.on(DescribeTrailsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    expect(await run()).toMatchObject({ status: 'failed', message: expect.stringContaining('AccessDeniedException); allow cloudtrail:DescribeTrails') });
  });

  test('warns when the only covering trail cannot be read (an organization trail)', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail({ IsOrganizationTrail: true, IsMultiRegionTrail: true })] });
    cloudTrail.on(GetTrailStatusCommand).rejects(Object.assign(new Error('no'), { name: 'TrailNotFoundException' }));

    expect(await run()).toMatchObject({ status: 'warned', message: expect.stringContaining('TrailNotFoundException') });
  });
});
