import { compileEventPattern } from '../../../cli/replay/event-pattern';

/** Compiles `pattern` (failing the test when it is invalid) and matches `event`. */
function matches(pattern: unknown, event: unknown): boolean {
  const compiled = compileEventPattern(pattern);
  if (!compiled.ok) throw new Error(`pattern rejected: ${compiled.reason}`);
  return compiled.matches(event);
}

const event = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.cognito-idp',
  account: '111122223333',
  time: '2025-06-17T08:02:11Z',
  region: 'eu-west-1',
  resources: ['arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_A', 'arn:aws:iam::111122223333:role/x'],
  detail: {
    eventName: 'InitiateAuth',
    readOnly: false,
    eventVersion: '',
    responseElements: null,
    count: 5,
    ratio: 300.0,
    sourceIPAddress: '10.0.0.25',
    ipv6: '2001:db8::17',
    tags: ['a', 'b'],
    items: [{ name: 'x', n: 1 }, { name: 'y', n: 2 }],
    empty: [],
    nested: { deeper: { value: 'v' } },
  },
};

describe('compileEventPattern: exact values', () => {
  test('matches when every named field has one of the listed values (AND of fields, OR of values)', () => {
    expect(matches({ source: ['aws.cognito-idp', 'aws.cognito-identity'], 'detail-type': ['AWS API Call via CloudTrail'] }, event)).toBe(true);
    expect(matches({ source: ['aws.cognito-identity'], 'detail-type': ['AWS API Call via CloudTrail'] }, event)).toBe(false);
    expect(matches({ source: ['aws.cognito-idp'], 'detail-type': ['AWS Service Event via CloudTrail'] }, event)).toBe(false);
  });

  test('is case-sensitive and compares whole strings', () => {
    expect(matches({ source: ['AWS.COGNITO-IDP'] }, event)).toBe(false);
    expect(matches({ source: ['aws.cognito'] }, event)).toBe(false);
  });

  test('matches nested keys through nested pattern objects', () => {
    expect(matches({ detail: { eventName: ['InitiateAuth'] } }, event)).toBe(true);
    expect(matches({ detail: { nested: { deeper: { value: ['v'] } } } }, event)).toBe(true);
    expect(matches({ detail: { nested: { deeper: { value: ['w'] } } } }, event)).toBe(false);
  });

  test('does not match when a named field is missing', () => {
    expect(matches({ detail: { errorCode: ['NotAuthorizedException'] } }, event)).toBe(false);
    expect(matches({ missing: { inner: ['x'] } }, event)).toBe(false);
  });

  test('matches an array in the event when any element matches (non-empty intersection)', () => {
    expect(matches({ resources: ['arn:aws:iam::111122223333:role/x'] }, event)).toBe(true);
    expect(matches({ detail: { tags: ['z', 'b'] } }, event)).toBe(true);
    expect(matches({ detail: { tags: ['z'] } }, event)).toBe(false);
  });

  test('matches a nested pattern against any object of an array of objects', () => {
    expect(matches({ detail: { items: { name: ['y'] } } }, event)).toBe(true);
    expect(matches({ detail: { items: { name: ['z'] } } }, event)).toBe(false);
  });

  test('compares booleans, null and the empty string by type', () => {
    expect(matches({ detail: { readOnly: [false] } }, event)).toBe(true);
    expect(matches({ detail: { readOnly: ['false'] } }, event)).toBe(false);
    expect(matches({ detail: { responseElements: [null] } }, event)).toBe(true);
    expect(matches({ detail: { responseElements: [''] } }, event)).toBe(false);
    expect(matches({ detail: { eventVersion: [''] } }, event)).toBe(true);
    expect(matches({ detail: { eventVersion: [null] } }, event)).toBe(false);
  });

  test('compares numbers numerically, never with strings', () => {
    expect(matches({ detail: { ratio: [300] } }, event)).toBe(true);
    expect(matches({ detail: { count: [5.0] } }, event)).toBe(true);
    expect(matches({ detail: { count: ['5'] } }, event)).toBe(false);
  });

  test('accepts the pattern as JSON text, as CloudFormation does', () => {
    expect(matches('{"source":["aws.cognito-idp"]}', event)).toBe(true);
  });
});

describe('compileEventPattern: operators', () => {
  test('prefix and suffix, also ignoring case', () => {
    expect(matches({ time: [{ prefix: '2025-06-17' }] }, event)).toBe(true);
    expect(matches({ source: [{ prefix: 'aws.cognito-identity' }] }, event)).toBe(false);
    expect(matches({ source: [{ prefix: { 'equals-ignore-case': 'AWS.COGNITO' } }] }, event)).toBe(true);
    expect(matches({ 'detail-type': [{ suffix: 'via CloudTrail' }] }, event)).toBe(true);
    expect(matches({ 'detail-type': [{ suffix: { 'equals-ignore-case': 'VIA CLOUDTRAIL' } }] }, event)).toBe(true);
    expect(matches({ detail: { count: [{ prefix: '5' }] } }, event)).toBe(false);
  });

  test('equals-ignore-case', () => {
    expect(matches({ detail: { eventName: [{ 'equals-ignore-case': 'initiateauth' }] } }, event)).toBe(true);
    expect(matches({ detail: { eventName: [{ 'equals-ignore-case': 'initiate' }] } }, event)).toBe(false);
  });

  test('wildcard, with escaped stars', () => {
    expect(matches({ source: [{ wildcard: 'aws.*-idp' }] }, event)).toBe(true);
    expect(matches({ source: [{ wildcard: 'aws.*-identity' }] }, event)).toBe(false);
    expect(matches({ a: [{ wildcard: 'x\\*y' }] }, { a: 'x*y' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'x\\*y' }] }, { a: 'xzy' })).toBe(false);
  });

  test('anything-but a value or a list matches any other value, of any type', () => {
    expect(matches({ source: [{ 'anything-but': 'aws.cognito-identity' }] }, event)).toBe(true);
    expect(matches({ source: [{ 'anything-but': ['aws.cognito-idp', 'aws.x'] }] }, event)).toBe(false);
    expect(matches({ detail: { count: [{ 'anything-but': 123 }] } }, event)).toBe(true);
    expect(matches({ detail: { count: [{ 'anything-but': [5, 6] }] } }, event)).toBe(false);
  });

  test('anything-but never matches a missing field', () => {
    expect(matches({ detail: { errorCode: [{ 'anything-but': 'x' }] } }, event)).toBe(false);
  });

  test('anything-but with prefix, suffix, equals-ignore-case and wildcard', () => {
    expect(matches({ region: [{ 'anything-but': { prefix: 'us-' } }] }, event)).toBe(true);
    expect(matches({ region: [{ 'anything-but': { prefix: 'eu-' } }] }, event)).toBe(false);
    expect(matches({ region: [{ 'anything-but': { suffix: '-1' } }] }, event)).toBe(false);
    expect(matches({ source: [{ 'anything-but': { 'equals-ignore-case': ['AWS.COGNITO-IDP'] } }] }, event)).toBe(false);
    expect(matches({ source: [{ 'anything-but': { wildcard: '*identity' } }] }, event)).toBe(true);
  });

  test('anything-but on an array matches when any element is not excluded', () => {
    expect(matches({ detail: { tags: [{ 'anything-but': 'a' }] } }, event)).toBe(true);
    expect(matches({ detail: { tags: [{ 'anything-but': ['a', 'b'] }] } }, event)).toBe(false);
  });

  test('numeric ranges and equality, only on numbers', () => {
    expect(matches({ detail: { count: [{ numeric: ['>', 0, '<=', 5] }] } }, event)).toBe(true);
    expect(matches({ detail: { count: [{ numeric: ['>', 0, '<', 5] }] } }, event)).toBe(false);
    expect(matches({ detail: { count: [{ numeric: ['>=', 5] }] } }, event)).toBe(true);
    expect(matches({ detail: { ratio: [{ numeric: ['=', 300] }] } }, event)).toBe(true);
    expect(matches({ time: [{ numeric: ['>', 0] }] }, event)).toBe(false);
  });

  test('cidr for IPv4 and IPv6', () => {
    expect(matches({ detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } }, event)).toBe(true);
    expect(matches({ detail: { sourceIPAddress: [{ cidr: '10.0.1.0/24' }] } }, event)).toBe(false);
    expect(matches({ detail: { ipv6: [{ cidr: '2001:db8::/32' }] } }, event)).toBe(true);
    expect(matches({ detail: { ipv6: [{ cidr: '2001:db9::/32' }] } }, event)).toBe(false);
    expect(matches({ detail: { eventName: [{ cidr: '10.0.0.0/8' }] } }, event)).toBe(false);
  });

  test('exists true needs a leaf value; exists false needs the field absent', () => {
    expect(matches({ detail: { eventName: [{ exists: true }] } }, event)).toBe(true);
    expect(matches({ detail: { errorCode: [{ exists: true }] } }, event)).toBe(false);
    expect(matches({ detail: { errorCode: [{ exists: false }] } }, event)).toBe(true);
    expect(matches({ detail: { eventName: [{ exists: false }] } }, event)).toBe(false);
    expect(matches({ absent: { inner: [{ exists: false }] } }, event)).toBe(true);
  });

  test('an empty array in the event counts as absent', () => {
    expect(matches({ detail: { empty: [{ exists: false }] } }, event)).toBe(true);
    expect(matches({ detail: { empty: [{ exists: true }] } }, event)).toBe(false);
  });

  test('$or matches when any alternative matches', () => {
    const pattern = { source: ['aws.cognito-idp'], $or: [{ detail: { eventName: ['SignUp'] } }, { detail: { count: [{ numeric: ['>', 4] }] } }] };
    expect(matches(pattern, event)).toBe(true);
    expect(matches({ ...pattern, $or: [{ detail: { eventName: ['SignUp'] } }, { region: ['us-east-1'] }] }, event)).toBe(false);
  });

  test('a field lists alternatives that mix values and operators', () => {
    expect(matches({ source: ['aws.x', { prefix: 'aws.cognito' }] }, event)).toBe(true);
  });

  test('keys inherited from Object.prototype are never event fields', () => {
    expect(matches({ constructor: [{ exists: true }] }, {})).toBe(false);
    expect(matches({ toString: [{ exists: false }] }, {})).toBe(true);
  });
});

describe('compileEventPattern: invalid patterns', () => {
  test.each([
    ['an empty value list', { source: [] }],
    ['an unknown operator', { source: [{ contains: 'x' }] }],
    ['a scalar instead of a list', { source: 'aws.cognito-idp' }],
    ['two bounds on the same side', { n: [{ numeric: ['>', 1, '>', 2] }] }],
    ['a bad numeric operator', { n: [{ numeric: ['!=', 1] }] }],
    ['a bad cidr', { ip: [{ cidr: '10.0.0.0/33' }] }],
    ['exists with a string', { a: [{ exists: 'yes' }] }],
    ['$or with one alternative', { $or: [{ a: ['x'] }] }],
    ['text that is not JSON', '{source'],
    ['a top-level array', [{ source: ['x'] }]],
  ])('rejects %s as a value, without throwing', (_name, pattern) => {
    const compiled = compileEventPattern(pattern);
    expect(compiled.ok).toBe(false);
  });
});
