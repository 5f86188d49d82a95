import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { checkIdentityPoolDataEvents } from '../../../functions/endpoint-check/check-data-events';
import { IDENTITY_POOL_DATA_SELECTOR } from '../../../functions/endpoint-check/event-selectors';
import { generatedDoc } from '../../helpers/generated-docs';

const cloudTrail = mockClient(CloudTrailClient);
const client = new CloudTrailClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const run = () => checkIdentityPoolDataEvents({ cloudTrail: client, region: 'eu-west-1', timeoutMs: 1000 });
const trail = (name: string, over: Partial<Trail> = {}): Trail => ({
  Name: name,
  TrailARN: `arn:aws:cloudtrail:eu-west-1:111122223333:trail/${name}`,
  HomeRegion: 'eu-west-1',
  IsMultiRegionTrail: false,
  ...over,
});
const management = { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };
beforeEach(() => cloudTrail.reset());

/** The JSON given to --advanced-event-selectors in a warning's command. */
const fixJson = (message: string): unknown => JSON.parse(/--advanced-event-selectors '([^']+)'/.exec(message)?.[1] ?? 'null');

describe('checkIdentityPoolDataEvents', () => {
  test('passes when a logging trail selects AWS::Cognito::IdentityPool data events', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('main')] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudTrail.on(GetEventSelectorsCommand).resolves({ AdvancedEventSelectors: [management, IDENTITY_POOL_DATA_SELECTOR] });

    expect(await run()).toMatchObject({ id: 'data-events', status: 'passed', message: expect.stringContaining("Trail 'main'") });
  });

  test('warns (never fails) with the exact put-event-selectors command, which keeps the trail\'s management events', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('main')] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudTrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] });

    const result = await run();

    expect(result.status).toBe('warned');
    expect(result.message).toContain("aws cloudtrail put-event-selectors --region eu-west-1 --trail-name 'main' --advanced-event-selectors '");
    expect(fixJson(result.message)).toEqual([management, IDENTITY_POOL_DATA_SELECTOR]);
    expect(result.message).toMatch(/billed per data event/);
  });

  test('ignores a trail that is not logging, and proposes the logging one', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('stopped'), trail('live')] });
    cloudTrail.on(GetTrailStatusCommand, { Name: trail('stopped').TrailARN }).resolves({ IsLogging: false });
    cloudTrail.on(GetTrailStatusCommand, { Name: trail('live').TrailARN }).resolves({ IsLogging: true });
    cloudTrail.on(GetEventSelectorsCommand, { TrailName: trail('stopped').TrailARN }).resolves({ AdvancedEventSelectors: [management, IDENTITY_POOL_DATA_SELECTOR] });
    cloudTrail.on(GetEventSelectorsCommand, { TrailName: trail('live').TrailARN }).resolves({ AdvancedEventSelectors: [management] });

    const result = await run();

    expect(result).toMatchObject({ status: 'warned', message: expect.stringContaining("--trail-name 'live'") });
  });

  test('says when a selector narrows the events, and still gives the command', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('main')] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    const narrowed = { FieldSelectors: [...(IDENTITY_POOL_DATA_SELECTOR.FieldSelectors ?? []), { Field: 'eventName', Equals: ['GetId'] }] };
    cloudTrail.on(GetEventSelectorsCommand).resolves({ AdvancedEventSelectors: [management, narrowed] });

    const result = await run();

    expect(result).toMatchObject({ status: 'warned', message: expect.stringContaining('only some identity-pool data events') });
    expect(fixJson(result.message)).toEqual([management, narrowed, IDENTITY_POOL_DATA_SELECTOR]);
  });

  test('points an organization trail\'s fix at the management account', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [{ ...trail('org'), IsOrganizationTrail: true, IsMultiRegionTrail: true, HomeRegion: 'us-east-1' }] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudTrail.on(GetEventSelectorsCommand).resolves({ AdvancedEventSelectors: [management] });

    expect(await run()).toMatchObject({ status: 'warned', message: expect.stringMatching(/management account.*--region us-east-1 --trail-name 'org'/) });
  });

  test('warns, with the error class only, when trails cannot be read', async () => {
    cloudTrail.on(DescribeTrailsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    expect(await run()).toMatchObject({ status: 'warned', message: expect.stringContaining('(AccessDeniedException)') });
  });

  test('the example command of docs/deploy.md is the one it prints for a trail with the default selectors', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('main')] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudTrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
    const page = generatedDoc('docs/deploy.md').replace(/ \\\n\s*/g, ' ');

    const command = /run: (aws cloudtrail put-event-selectors .*') — /.exec((await run()).message)?.[1];

    expect(command).toBeDefined();
    expect(page).toContain(command);
  });
});
