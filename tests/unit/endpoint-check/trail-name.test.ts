import fc from 'fast-check';
import { MAX_TRAIL_NAME_CHARS, parseStackId, trailNameFor } from '../../../functions/endpoint-check/trail-name';

/** CloudTrail's naming rules for trails (CreateTrail API reference, Name). */
function cloudTrailAccepts(name: string): boolean {
  return (
    name.length >= 3 &&
    name.length <= MAX_TRAIL_NAME_CHARS &&
    /^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$/.test(name) &&
    !/[._-]{2}/.test(name) &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name)
  );
}

/** CloudFormation stack names: a letter, then letters, digits and '-', at most 128 characters. */
const stackName = fc.tuple(fc.constantFrom(...'abcXYZ'), fc.stringMatching(/^[A-Za-z0-9-]{0,127}$/)).map(([first, rest]) => first + rest);

describe('trailNameFor', () => {
  test('keeps the name earlier versions used for ordinary stack names', () => {
    expect(trailNameFor('o2-cognito')).toBe('o2-cognito-cognito');
    expect(trailNameFor('prod-auth-events')).toBe('prod-auth-events-cognito');
  });

  test('makes names CloudTrail refuses acceptable: adjacent dashes, a trailing dash, 128 characters', () => {
    expect(trailNameFor('a--b')).toBe('a-b-cognito');
    expect(trailNameFor('auth-')).toBe('auth-cognito');
    const long = trailNameFor(`a${'b'.repeat(127)}`);
    expect(long).toHaveLength(128);
    expect(cloudTrailAccepts(long)).toBe(true);
  });

  test('gives a name CloudTrail accepts for every possible stack name', () => {
    fc.assert(fc.property(stackName, (name) => cloudTrailAccepts(trailNameFor(name))), { numRuns: 2000 });
  });

  test('the old composition breaks for some stack names (what this function exists for)', () => {
    expect(cloudTrailAccepts(`${'a'.repeat(128)}-cognito`)).toBe(false);
    expect(cloudTrailAccepts('a--b-cognito')).toBe(false);
    expect(cloudTrailAccepts('auth--cognito')).toBe(false);
  });
});

describe('parseStackId', () => {
  test('reads the stack name and the account from a StackId', () => {
    expect(parseStackId('arn:aws:cloudformation:eu-west-1:111122223333:stack/o2-cognito/0b1c2d3e-4f50-11f0-9a8b-0a1b2c3d4e5f')).toEqual({
      stackName: 'o2-cognito',
      account: '111122223333',
    });
    expect(parseStackId('arn:aws-cn:cloudformation:cn-north-1:111122223333:stack/s/x')).toEqual({ stackName: 's', account: '111122223333' });
    expect(parseStackId('not-an-arn')).toBeUndefined();
  });
});
