import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import type { RequestType } from '../../../functions/shared/custom-resource-request';
import {
  type CustomResourceOptions,
  type CustomResourceOutcome,
  customResourceHandler,
} from '../../../functions/shared/custom-resource';
import { CloudFormationClient, DescribeStacksCommand, type StackStatus } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createLogger } from '../../../functions/shared/logger';
import { describeStackRollback } from '../../../functions/shared/stack-rollback';
import { type CustomResourceEventFields, customResourceEvent } from '../../helpers/factories';
import { type ResponseUrlServer, startResponseUrlServer } from '../../helpers/response-url';

const SECRET = 'Kx7-CUSTOM-RESOURCE-DISTINCTIVE-SECRET';

let responseUrl: ResponseUrlServer;
const logLines: string[] = [];
beforeAll(async () => {
  responseUrl = await startResponseUrlServer();
});
afterAll(() => responseUrl.stop());
beforeEach(() => {
  responseUrl.received.length = 0;
  logLines.length = 0;
});

const log = createLogger({ level: 'DEBUG', write: (line) => void logLines.push(line) });
const context = (remainingMs = 60_000) => {
  const deadline = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => deadline - Date.now() };
};
const event = (requestType: RequestType = 'Create', fields: CustomResourceEventFields = {}): CloudFormationCustomResourceEvent =>
  customResourceEvent(requestType, {
    ResponseURL: responseUrl.url,
    StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/s/0b1c2d3e',
    RequestId: 'req-1',
    LogicalResourceId: 'EndpointCheck',
    ResourceProperties: { AccessKey: SECRET },
    ...fields,
  });
const handlerWith = (over: Partial<CustomResourceOptions>) =>
  customResourceHandler({
    log,
    onCreateOrUpdate: async () => ({ status: 'SUCCESS', physicalResourceId: 'check-1' }),
    response: { sleep: () => Promise.resolve() },
    ...over,
  });
const answers = () => responseUrl.received.map((r) => r.body);

describe('customResourceHandler', () => {
  test('answers a successful Create with its physical id, Data and the echoed ids', async () => {
    const handler = handlerWith({ onCreateOrUpdate: async () => ({ status: 'SUCCESS', physicalResourceId: 'check-1', data: { StreamName: 's' } }) });

    await handler(event(), context());

    expect(answers()).toEqual([
      { Status: 'SUCCESS', PhysicalResourceId: 'check-1', StackId: event().StackId, RequestId: 'req-1', LogicalResourceId: 'EndpointCheck', Data: { StreamName: 's' } },
    ]);
  });

  test('answers FAILED with a short reason, without the error message, when the work throws', async () => {
    const handler = handlerWith({ onCreateOrUpdate: async () => Promise.reject(new TypeError(`boom ${SECRET}`)) });

    await handler(event(), context());

    expect(answers()).toHaveLength(1);
    expect(answers()[0]).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'custom-resource-failed-req-1' });
    expect(String(answers()[0]?.Reason)).toContain('TypeError');
    expect(JSON.stringify(answers())).not.toContain(SECRET);
  });

  test('answers FAILED from the timer before the deadline, aborts the work, and answers only once', async () => {
    let aborted = false;
    let finishLate: (o: CustomResourceOutcome) => void = () => undefined;
    const handler = handlerWith({
      safetyMarginMs: 1000,
      onCreateOrUpdate: (_e, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => (aborted = true));
          finishLate = resolve;
        }),
    });

    await handler(event(), context(1300));
    finishLate({ status: 'SUCCESS', physicalResourceId: 'late' });
    await new Promise((r) => setTimeout(r, 50));

    expect(aborted).toBe(true);
    expect(answers()).toHaveLength(1);
    expect(answers()[0]).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('deadline') });
  });

  test('keeps the PhysicalResourceId it was given on Update', async () => {
    const handler = handlerWith({ onCreateOrUpdate: async () => ({ status: 'SUCCESS', physicalResourceId: 'another-id' }) });

    await handler(event('Update', { PhysicalResourceId: 'check-1', OldResourceProperties: {} }), context());

    expect(answers()[0]).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'check-1' });
  });

  test('keeps the PhysicalResourceId on a failed Update too', async () => {
    const handler = handlerWith({ onCreateOrUpdate: async () => ({ status: 'FAILED', reason: 'bad' }) });

    await handler(event('Update', { PhysicalResourceId: 'check-1' }), context());

    expect(answers()[0]).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'check-1', Reason: 'bad' });
  });

  test('answers Delete with SUCCESS at once, for any id, without running the work', async () => {
    const work = jest.fn();
    const handler = handlerWith({ onCreateOrUpdate: work });

    await handler(event('Delete', { PhysicalResourceId: 'custom-resource-failed-req-0', ResourceProperties: {} }), context());

    expect(work).not.toHaveBeenCalled();
    expect(answers()).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'custom-resource-failed-req-0' })]);
  });

  test('answers SUCCESS with a reason when a given onDelete fails', async () => {
    const handler = handlerWith({ onDelete: async () => Promise.reject(new Error('cleanup broke')) });

    await handler(event('Delete', { PhysicalResourceId: 'p-1' }), context());

    expect(answers()[0]).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'p-1', Reason: expect.stringContaining('Cleanup failed') });
  });

  test('logs RequestType, LogicalResourceId and RequestId, never the event or its properties', async () => {
    const handler = handlerWith({});

    await handler(event(), context());

    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ message: 'custom resource request', request_type: 'Create', logical_resource_id: 'EndpointCheck', request_id: 'req-1' });
    expect(logLines.join('\n')).not.toContain(SECRET);
    expect(logLines.join('\n')).not.toContain(responseUrl.url);
  });

  test.each(['not a url', '', 'https://exa mple.com/x', 'ftp://bucket/key'])(
    'resolves, and logs that the answer could not be delivered, when ResponseURL is %j',
    async (malformed) => {
      const handler = handlerWith({});

      await expect(handler(event('Create', { ResponseURL: malformed }), context())).resolves.toBeUndefined();

      const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toContainEqual(expect.objectContaining({ level: 'ERROR', message: 'custom resource answer was not delivered', status: 'SUCCESS' }));
      expect(responseUrl.received).toEqual([]);
    },
  );

  test('retries the PUT when the response URL fails, and logs an answer it could not deliver', async () => {
    responseUrl.failNext(500, 500);
    const handler = handlerWith({ response: { maxAttempts: 2, sleep: () => Promise.resolve() } });

    await handler(event(), context());

    expect(responseUrl.received).toHaveLength(2);
    expect(logLines.some((l) => l.includes('custom resource answer was not delivered'))).toBe(true);
  });

  describe('a request that does not parse', () => {
    /** An event as a hand-written test file might hold it: the official type cannot express these. */
    const malformed = (edit: (fields: Record<string, unknown>) => void): CloudFormationCustomResourceEvent => {
      const fields: Record<string, unknown> = { ...event('Update', { PhysicalResourceId: 'check-1' }) };
      edit(fields);
      return fields as unknown as CloudFormationCustomResourceEvent;
    };

    test.each([
      ['an unknown RequestType', (f: Record<string, unknown>) => void (f.RequestType = 'Replace'), /^Unknown RequestType; expected Create, Update or Delete\.$/],
      ['an Update without its PhysicalResourceId', (f: Record<string, unknown>) => void delete f.PhysicalResourceId, /no PhysicalResourceId, which CloudFormation sends with every Update/],
      ['an Update without OldResourceProperties', (f: Record<string, unknown>) => void delete f.OldResourceProperties, /no OldResourceProperties object/],
      ['properties that are not an object', (f: Record<string, unknown>) => void (f.ResourceProperties = 'AccessKey=x'), /no ResourceProperties object/],
    ])('answers FAILED for %s, without running the work', async (_what, edit, reason) => {
      const work = jest.fn();
      const handler = handlerWith({ onCreateOrUpdate: work });

      await handler(malformed(edit), context());

      expect(work).not.toHaveBeenCalled();
      expect(answers()).toEqual([expect.objectContaining({ Status: 'FAILED', RequestId: 'req-1', Reason: expect.stringMatching(reason) })]);
      expect(JSON.stringify(answers())).not.toContain(SECRET);
    });

    test('answers a malformed Delete with SUCCESS, so that the stack can still be deleted', async () => {
      const handler = handlerWith({ onDelete: jest.fn() });

      await handler(malformed((f) => Object.assign(f, { RequestType: 'Delete', PhysicalResourceId: '' })), context());

      expect(answers()).toEqual([
        expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'custom-resource-failed-req-1', Reason: expect.stringMatching(/^Cleanup failed and was skipped: The request has no PhysicalResourceId/) }),
      ]);
    });

    test.each([
      ['without a ResponseURL', () => malformed((f) => void delete f.ResponseURL)],
      ['that is not an object', () => 'Create' as unknown as CloudFormationCustomResourceEvent],
    ])('logs a request %s as one that cannot be answered, and sends nothing', async (_what, request) => {
      const handler = handlerWith({});

      await expect(handler(request(), context())).resolves.toBeUndefined();

      expect(responseUrl.received).toEqual([]);
      expect(logLines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: 'ERROR', message: 'custom resource request cannot be answered' })]);
      expect(logLines.join('\n')).not.toContain(SECRET);
    });
  });

  describe('an Update while the stack rolls back (DescribeStacks mocked)', () => {
    const cloudFormation = mockClient(CloudFormationClient);
    const stackIn = (status: string) =>
      cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 's', StackId: event().StackId, StackStatus: status as StackStatus, CreationTime: new Date(0) }] });
    const rollback = { probe: describeStackRollback(new CloudFormationClient({ region: 'eu-west-1' })) };
    const update = () => event('Update', { PhysicalResourceId: 'check-1', OldResourceProperties: { AccessKey: 'new-but-broken' } });
    beforeEach(() => cloudFormation.reset());

    test('answers SUCCESS with the same physical id without running the work', async () => {
      stackIn('UPDATE_ROLLBACK_IN_PROGRESS');
      const work = jest.fn();
      const handler = handlerWith({ onCreateOrUpdate: work, rollback });

      await handler(update(), context());

      expect(work).not.toHaveBeenCalled();
      expect(cloudFormation).toHaveReceivedCommandWith(DescribeStacksCommand, { StackName: event().StackId });
      expect(answers()).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'check-1', Reason: expect.stringContaining('rolling back') })]);
      expect(logLines.join('\n')).toContain('UPDATE_ROLLBACK_IN_PROGRESS');
    });

    test('answers with the resource\'s own rollback outcome (its Data) when it gives one', async () => {
      stackIn('UPDATE_ROLLBACK_IN_PROGRESS');
      const handler = handlerWith({ rollback: { ...rollback, outcome: () => ({ status: 'SUCCESS', physicalResourceId: 'ignored', data: { StreamName: 's' } }) } });

      await handler(update(), context());

      expect(answers()).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'check-1', Data: { StreamName: 's' } })]);
    });

    test('runs the work on an ordinary update', async () => {
      stackIn('UPDATE_IN_PROGRESS');
      const handler = handlerWith({ onCreateOrUpdate: async () => ({ status: 'FAILED', reason: 'the key is wrong' }), rollback });

      await handler(update(), context());

      expect(answers()).toEqual([expect.objectContaining({ Status: 'FAILED', Reason: 'the key is wrong' })]);
    });

    test('runs the work, and says why, when the stack status cannot be read', async () => {
      cloudFormation.on(DescribeStacksCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }));
      const work = jest.fn(async (): Promise<CustomResourceOutcome> => ({ status: 'SUCCESS', physicalResourceId: 'x' }));
      const handler = handlerWith({ onCreateOrUpdate: work, rollback });

      await handler(update(), context());

      expect(work).toHaveBeenCalledTimes(1);
      expect(logLines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ level: 'WARN', error_name: 'AccessDenied' }));
    });

    test('does not ask on Create or Delete', async () => {
      const handler = handlerWith({ rollback });

      await handler(event(), context());
      await handler(event('Delete', { PhysicalResourceId: 'check-1' }), context());

      expect(cloudFormation).not.toHaveReceivedCommand(DescribeStacksCommand);
    });
  });
});
