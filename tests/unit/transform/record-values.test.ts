import { MAX_EVENTS_PER_RECORD } from '../../../functions/transform/constants';
import { arrayValues, severalValues } from '../../../functions/transform/record-values';

describe('severalValues', () => {
  test('reads objects one per line and back to back, skipping JSON whitespace between them', () => {
    expect(severalValues('\n{"a":1}\r\n\t {"b":[1,{"c":2}]}{"d":"x"}\n')).toEqual({ ok: true, values: [{ a: 1 }, { b: [1, { c: 2 }] }, { d: 'x' }] });
  });

  test('an escaped quote does not end a string', () => {
    expect(severalValues('{"a":"\\"}"}\n{"b":2}')).toEqual({ ok: true, values: [{ a: '"}' }, { b: 2 }] });
  });

  test.each([
    ['one value only (JSON.parse rejected it for a reason)', '{"a":1,}'],
    ['a scalar between objects', '{"a":1} 2 {"b":3}'],
    ['a closing bracket too many', '{"a":1}}{"b":2}'],
    ['a string at the top level', '"a" {"b":2}'],
    ['a cut-off last object', '{"a":1}\n{"b":"'],
    ['an invalid object', '{"a":1}\n{"b" 2}'],
  ])('refuses %s as not JSON', (_name, text) => {
    expect(severalValues(text)).toEqual({ ok: false, reason: 'record is not JSON' });
  });

  test('refuses arrays among the values', () => {
    expect(severalValues('{"a":1}\n[{"b":2}]')).toEqual({ ok: false, reason: 'record holds several JSON values, not all of them objects' });
  });

  test(`stops at ${MAX_EVENTS_PER_RECORD} values, without parsing them`, () => {
    const atLimit = '{}\n'.repeat(MAX_EVENTS_PER_RECORD);

    expect(severalValues(atLimit)).toMatchObject({ ok: true });
    expect(severalValues(`${atLimit}{}`)).toEqual({ ok: false, reason: `record holds more than ${MAX_EVENTS_PER_RECORD} JSON values` });
  });
});

describe('arrayValues', () => {
  test('an array of objects is its events; anything else is no events', () => {
    expect(arrayValues([{ a: 1 }, { b: 2 }])).toEqual({ ok: true, values: [{ a: 1 }, { b: 2 }] });
    expect(arrayValues([])).toBeUndefined();
    expect(arrayValues([{ a: 1 }, null])).toBeUndefined();
    expect(arrayValues([[{ a: 1 }]])).toBeUndefined();
  });

  test(`refuses more than ${MAX_EVENTS_PER_RECORD} elements`, () => {
    expect(arrayValues(Array.from({ length: MAX_EVENTS_PER_RECORD + 1 }, () => ({})))).toEqual({ ok: false, reason: `record holds more than ${MAX_EVENTS_PER_RECORD} JSON values` });
  });
});
