import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector } from '@aws-sdk/client-cloudtrail';

/**
 * Identity-pool data events in a trail's event selectors. GetId, GetCredentialsForIdentity, GetOpenIdToken,
 * GetOpenIdTokenForDeveloperIdentity and UnlinkIdentity are CloudTrail data events of resource type
 * AWS::Cognito::IdentityPool (CloudTrail User Guide, "Logging data events"); a trail logs them only with an
 * advanced event selector `eventCategory = Data` and `resources.type = AWS::Cognito::IdentityPool`.
 */

export const IDENTITY_POOL_RESOURCE_TYPE = 'AWS::Cognito::IdentityPool';

/** The selector the stack's own trail uses and the fix adds to an existing trail. */
export const IDENTITY_POOL_DATA_SELECTOR: AdvancedEventSelector = {
  Name: 'Cognito identity pool data events',
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: [IDENTITY_POOL_RESOURCE_TYPE] },
  ],
};

export type Coverage = 'all' | 'some' | 'none';

const SELECTING_FIELDS = new Set(['eventCategory', 'resources.type']);

function equalsOnly(field: AdvancedFieldSelector | undefined, value: string): boolean {
  return field?.Equals?.includes(value) === true && !field.NotEquals?.includes(value);
}

/** How much of the identity-pool data events one advanced selector records. */
function advancedCoverage(selector: AdvancedEventSelector): Coverage {
  const fields = selector.FieldSelectors ?? [];
  const category = fields.find((f) => f.Field === 'eventCategory');
  const type = fields.find((f) => f.Field === 'resources.type');
  if (!equalsOnly(category, 'Data') || !equalsOnly(type, IDENTITY_POOL_RESOURCE_TYPE)) return 'none';
  // Any further condition (readOnly, eventName, resources.ARN…) narrows the selection.
  return fields.every((f) => SELECTING_FIELDS.has(f.Field ?? '')) ? 'all' : 'some';
}

/** A basic selector cannot name this resource type (basic selectors take S3, Lambda and DynamoDB only). */
function basicCoverage(selector: EventSelector): Coverage {
  const listed = (selector.DataResources ?? []).some((resource) => resource.Type === IDENTITY_POOL_RESOURCE_TYPE);
  if (!listed) return 'none';
  return selector.ReadWriteType === undefined || selector.ReadWriteType === 'All' ? 'all' : 'some';
}

/** The best coverage among a trail's selectors. */
export function identityPoolCoverage(basic: readonly EventSelector[], advanced: readonly AdvancedEventSelector[]): Coverage {
  const all = [...basic.map(basicCoverage), ...advanced.map(advancedCoverage)];
  if (all.includes('all')) return 'all';
  return all.includes('some') ? 'some' : 'none';
}

/** `arn:aws:s3`, `arn:aws:s3:::`, `arn:aws:lambda`, `arn:aws:dynamodb`: every resource of the type. */
const EVERY_RESOURCE = /^arn:[a-z-]+:(s3|lambda|dynamodb)(:::?)?$/;

function readOnlyField(readWriteType: EventSelector['ReadWriteType']): AdvancedFieldSelector[] {
  if (readWriteType === 'ReadOnly') return [{ Field: 'readOnly', Equals: ['true'] }];
  if (readWriteType === 'WriteOnly') return [{ Field: 'readOnly', Equals: ['false'] }];
  return [];
}

/**
 * A basic selector as advanced selectors recording the same events (CloudTrail User Guide, "Converting basic
 * to advanced event selectors"): its management events, and each of its data resources.
 */
function toAdvanced(selector: EventSelector, index: number): AdvancedEventSelector[] {
  const converted: AdvancedEventSelector[] = [];
  const readOnly = readOnlyField(selector.ReadWriteType);
  if (selector.IncludeManagementEvents !== false) {
    const excluded = selector.ExcludeManagementEventSources ?? [];
    converted.push({
      Name: `Management events${index > 0 ? ` ${index + 1}` : ''}`,
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Management'] },
        ...readOnly,
        ...(excluded.length > 0 ? [{ Field: 'eventSource', NotEquals: [...excluded] }] : []),
      ],
    });
  }
  for (const resource of selector.DataResources ?? []) {
    const values = resource.Values ?? [];
    const everything = values.length === 0 || values.some((value) => EVERY_RESOURCE.test(value));
    converted.push({
      Name: `Data events: ${resource.Type ?? 'unknown'}`,
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: [resource.Type ?? ''] },
        ...readOnly,
        ...(everything ? [] : [{ Field: 'resources.ARN', StartsWith: [...values] }]),
      ],
    });
  }
  return converted;
}

/**
 * The advanced selectors a trail needs to log identity-pool data events while keeping everything it logs now.
 * PutEventSelectors replaces all of a trail's selectors, and basic and advanced selectors cannot be mixed on
 * one trail, so basic ones are converted. A trail with no selectors logs all management events (the default).
 */
export function selectorsWithIdentityPoolEvents(basic: readonly EventSelector[], advanced: readonly AdvancedEventSelector[]): AdvancedEventSelector[] {
  let kept: AdvancedEventSelector[];
  if (advanced.length > 0) kept = [...advanced];
  else if (basic.length > 0) kept = basic.flatMap(toAdvanced);
  else kept = [{ Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }];
  return [...kept, IDENTITY_POOL_DATA_SELECTOR];
}
