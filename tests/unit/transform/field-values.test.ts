import { asObject, booleanValue, firstTextValue, hasEntries, httpStatusValue, isHidden, textValue } from '../../../functions/transform/field-values';

describe('field values', () => {
  test('textValue keeps non-empty strings and never a hidden placeholder', () => {
    expect(textValue('InitiateAuth')).toBe('InitiateAuth');
    expect(textValue('')).toBeUndefined();
    expect(textValue('HIDDEN_DUE_TO_SECURITY_REASONS')).toBeUndefined();
    expect(textValue('HIDDEN_FOR_SECURITY_REASONS')).toBeUndefined();
    expect(textValue('hidden_due_to_security_reasons')).toBe('hidden_due_to_security_reasons');
  });

  test('textValue turns finite numbers into text so the column stays a string', () => {
    expect(textValue(111122223333)).toBe('111122223333');
    expect(textValue(Number.NaN)).toBeUndefined();
    expect(textValue(true)).toBeUndefined();
    expect(textValue({ a: 1 })).toBeUndefined();
    expect(textValue(['a'])).toBeUndefined();
    expect(textValue(null)).toBeUndefined();
  });

  test('firstTextValue reads the first element of a hosted-UI array parameter', () => {
    expect(firstTextValue(['client-1', 'client-2'])).toBe('client-1');
    expect(firstTextValue([])).toBeUndefined();
    expect(firstTextValue(['HIDDEN_DUE_TO_SECURITY_REASONS'])).toBeUndefined();
    expect(firstTextValue('client-1')).toBe('client-1');
  });

  test.each([
    [200, 200],
    [200.0, 200],
    [302.7, 302],
    ['400', 400],
    ['200.0', 200],
    [99, undefined],
    [600, undefined],
    ['', undefined],
    ['abc', undefined],
    [null, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])('httpStatusValue(%p) is %p', (value, expected) => {
    expect(httpStatusValue(value)).toBe(expected);
  });

  test('booleanValue accepts booleans and their text', () => {
    expect(booleanValue(true)).toBe(true);
    expect(booleanValue('false')).toBe(false);
    expect(booleanValue(1)).toBeUndefined();
    expect(booleanValue('yes')).toBeUndefined();
  });

  test('booleanValue reads the text in any case, as Cognito logs may write it', () => {
    expect(booleanValue('TRUE')).toBe(true);
    expect(booleanValue('False')).toBe(false);
    expect(booleanValue('truth')).toBeUndefined();
    expect(booleanValue('')).toBeUndefined();
  });

  test('asObject accepts objects only', () => {
    expect(asObject({ a: 1 })).toEqual({ a: 1 });
    expect(asObject([1])).toBeUndefined();
    expect(asObject(null)).toBeUndefined();
    expect(asObject('HIDDEN_DUE_TO_SECURITY_REASONS')).toBeUndefined();
  });

  test('isHidden and hasEntries', () => {
    expect(isHidden('HIDDEN_FOR_SECURITY_REASONS')).toBe(true);
    expect(isHidden(1)).toBe(false);
    expect(hasEntries({})).toBe(false);
    expect(hasEntries([])).toBe(false);
    expect(hasEntries({ a: undefined })).toBe(true);
    expect(hasEntries(JSON.parse('{"__proto__":1}') as object)).toBe(true);
  });
});
