import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import {
  IDENTITY_POOL_DATA_SELECTOR,
  identityPoolCoverage,
  selectorsWithIdentityPoolEvents,
} from '../../../functions/endpoint-check/event-selectors';

const management: AdvancedEventSelector = { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };

describe('identityPoolCoverage', () => {
  test('all: an advanced selector on eventCategory Data and resources.type AWS::Cognito::IdentityPool only', () => {
    expect(identityPoolCoverage([], [management, IDENTITY_POOL_DATA_SELECTOR])).toBe('all');
  });

  test('some: the selector narrows them by readOnly, eventName or resources.ARN', () => {
    for (const extra of [
      { Field: 'readOnly', Equals: ['false'] },
      { Field: 'eventName', Equals: ['GetId'] },
      { Field: 'resources.ARN', StartsWith: ['arn:aws:cognito-identity:eu-west-1:111122223333:identitypool/eu-west-1:a'] },
    ]) {
      expect(identityPoolCoverage([], [{ FieldSelectors: [...(IDENTITY_POOL_DATA_SELECTOR.FieldSelectors ?? []), extra] }])).toBe('some');
    }
  });

  test('none: management events only, another data resource type, or basic selectors', () => {
    expect(identityPoolCoverage([], [management])).toBe('none');
    expect(identityPoolCoverage([], [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }])).toBe('none');
    expect(identityPoolCoverage([], [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', NotEquals: ['AWS::Cognito::IdentityPool'] }] }])).toBe('none');
    expect(identityPoolCoverage([{ ReadWriteType: 'All', IncludeManagementEvents: true }], [])).toBe('none');
  });
});

describe('selectorsWithIdentityPoolEvents', () => {
  test('keeps advanced selectors as they are and adds the identity-pool selector', () => {
    const s3: AdvancedEventSelector = { Name: 'S3', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] };
    expect(selectorsWithIdentityPoolEvents([], [management, s3])).toEqual([management, s3, IDENTITY_POOL_DATA_SELECTOR]);
  });

  test('converts basic selectors (management, excluded sources, read/write type, data resources) to advanced ones', () => {
    const basic: EventSelector[] = [
      {
        ReadWriteType: 'WriteOnly',
        IncludeManagementEvents: true,
        ExcludeManagementEventSources: ['kms.amazonaws.com'],
        DataResources: [
          { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::audit-bucket/'] },
          { Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] },
        ],
      },
    ];

    expect(selectorsWithIdentityPoolEvents(basic, [])).toEqual([
      {
        Name: 'Management events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          { Field: 'readOnly', Equals: ['false'] },
          { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
        ],
      },
      {
        Name: 'Data events: AWS::S3::Object',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'readOnly', Equals: ['false'] },
          { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::audit-bucket/'] },
        ],
      },
      {
        Name: 'Data events: AWS::Lambda::Function',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] },
          { Field: 'readOnly', Equals: ['false'] },
        ],
      },
      IDENTITY_POOL_DATA_SELECTOR,
    ]);
  });

  test('a trail without selectors logs all management events by default, and keeps doing so', () => {
    expect(selectorsWithIdentityPoolEvents([], [])).toEqual([management, IDENTITY_POOL_DATA_SELECTOR]);
  });

  test('a basic data-only selector stays data-only', () => {
    const converted = selectorsWithIdentityPoolEvents([{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }], []);
    expect(converted.map((s) => s.Name)).toEqual(['Data events: AWS::S3::Object', 'Cognito identity pool data events']);
  });
});
