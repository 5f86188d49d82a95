import { CloudTrailClient, DescribeTrailsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { checkTrailQuota, TRAILS_PER_REGION } from '../../../functions/endpoint-check/check-trail-quota';

const cloudTrail = mockClient(CloudTrailClient);
const client = new CloudTrailClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const ACCOUNT = '111122223333';
const run = (createdBefore = false) =>
  checkTrailQuota({ cloudTrail: client, region: 'eu-west-1', timeoutMs: 1000, trail: { name: 'o2-cognito-cognito', account: ACCOUNT, createdBefore } });

const trail = (name: string, over: Partial<Trail> = {}): Trail => ({
  Name: name,
  TrailARN: `arn:aws:cloudtrail:${over.HomeRegion ?? 'eu-west-1'}:${ACCOUNT}:trail/${name}`,
  HomeRegion: 'eu-west-1',
  IsMultiRegionTrail: false,
  ...over,
});
const given = (trails: Trail[]) => cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: trails });
beforeEach(() => cloudTrail.reset());

describe('checkTrailQuota', () => {
  test('passes when the region has room, counting multi-region trails from other regions', async () => {
    given([trail('a'), trail('b', { HomeRegion: 'us-east-1', IsMultiRegionTrail: true }), trail('elsewhere', { HomeRegion: 'us-east-1' })]);

    expect(await run()).toMatchObject({ id: 'trail-quota', status: 'passed', message: expect.stringContaining('2 of 5') });
  });

  test('fails in seconds when the region already has 5 of this account\'s trails, naming them and the way out', async () => {
    given(['a', 'b', 'c', 'd'].map((n) => trail(n)).concat(trail('global', { HomeRegion: 'us-west-2', IsMultiRegionTrail: true })));

    const result = await run();

    expect(TRAILS_PER_REGION).toBe(5);
    expect(result).toMatchObject({ id: 'trail-quota', status: 'failed' });
    expect(result.message).toMatch(/already has 5 trails.*'global'.*CreateTrail=false/);
  });

  test('leaves out an organization trail of another account', async () => {
    given(['a', 'b', 'c', 'd'].map((n) => trail(n)).concat({ ...trail('org'), TrailARN: 'arn:aws:cloudtrail:us-east-1:999988887777:trail/org', IsMultiRegionTrail: true, IsOrganizationTrail: true }));

    expect((await run()).status).toBe('passed');
  });

  test('fails when a trail of that name exists and the stack did not create it', async () => {
    given([trail('o2-cognito-cognito')]);

    expect(await run()).toMatchObject({ status: 'failed', message: expect.stringContaining("A trail named 'o2-cognito-cognito' already exists") });
  });

  test('passes the stack\'s own trail on an update, even with 5 trails', async () => {
    given(['a', 'b', 'c', 'd', 'o2-cognito-cognito'].map((n) => trail(n)));

    expect(await run(true)).toMatchObject({ status: 'passed', message: expect.stringContaining('created by this stack') });
  });

  test('fails with the error class when trails cannot be listed', async () => {
    cloudTrail.on(DescribeTrailsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    expect(await run()).toMatchObject({ status: 'failed', message: expect.stringContaining('(AccessDeniedException)') });
  });
});
