import type { CustomResourceRequest } from '../../../functions/shared/custom-resource-request';
import { checkResource, outcomeOf, physicalResourceIdFor } from '../../../functions/endpoint-check/check-resource';
import type { CheckReport } from '../../../functions/endpoint-check/types';
import { createLogger } from '../../../functions/shared/logger';

const report = (over: Partial<CheckReport> = {}): CheckReport => ({
  checks: [
    { id: 'url', status: 'passed', message: 'url ok.' },
    { id: 'stream-name', status: 'warned', message: 'renamed.' },
    { id: 'trail', status: 'skipped', message: 'Not checked.' },
  ],
  openObserveVersion: 'v0.92.2',
  storedStreamName: 'cognito_auth',
  ...over,
});

describe('outcomeOf', () => {
  test('answers SUCCESS with the version, the stored stream name and the warnings in Data', () => {
    expect(outcomeOf(report(), 'https://o2.example.com')).toEqual({
      status: 'SUCCESS',
      physicalResourceId: 'endpoint-check-o2.example.com',
      reason: 'Endpoint check passed: 1 checks passed, 1 warned.',
      data: { OpenObserveVersion: 'v0.92.2', StreamName: 'cognito_auth', Warnings: 'renamed.', TrailName: '' },
    });
  });

  test('gives every Data key even when the version is unknown and nothing warned', () => {
    const outcome = outcomeOf(report({ openObserveVersion: undefined, checks: [] }), 'https://o2.example.com');

    expect(outcome.status === 'SUCCESS' && outcome.data).toEqual({ OpenObserveVersion: 'unknown', StreamName: 'cognito_auth', Warnings: '', TrailName: '' });
  });

  test('answers FAILED with the first failure first and the others after', () => {
    const failed = report({
      checks: [
        { id: 'access-key', status: 'failed', message: 'Key bad.' },
        { id: 'trail', status: 'failed', message: 'No trail.' },
      ],
    });

    expect(outcomeOf(failed, 'https://o2.example.com')).toEqual({ status: 'FAILED', reason: 'Endpoint check failed: Key bad. Also: No trail.' });
  });
});

describe('physicalResourceIdFor', () => {
  test('names the host only', () => {
    expect(physicalResourceIdFor('https://o2.example.com/prefix')).toBe('endpoint-check-o2.example.com');
  });
});

describe('checkResource', () => {
  test('answers FAILED with the property problems, logging nothing of the key', async () => {
    const lines: string[] = [];
    const work = checkResource({
      log: createLogger({ level: 'DEBUG', write: (l) => void lines.push(l) }),
      allowLocal: false,
      deps: { lookup: async () => [], now: Date.now, randomUUID: () => 'r' },
    });
    const event = { RequestType: 'Create', ResourceProperties: { AccessKey: 'Zz-RESOURCE-DISTINCTIVE', Organization: 'default' } } as unknown as CustomResourceRequest;

    const outcome = await work(event, { signal: new AbortController().signal, deadlineMs: Date.now() + 1000 });

    expect(outcome).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('OpenObserveUrl is missing') });
    expect(JSON.stringify(outcome) + lines.join('')).not.toContain('Zz-RESOURCE-DISTINCTIVE');
  });
});
