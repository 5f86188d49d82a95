import fc from 'fast-check';
import { recordLine } from '../../../functions/transform/record-line';
import { FIELD_NAMES, type NormalisedRecord } from '../../../functions/transform/schema';

/** A record with every schema v1 field set. */
function fullRecord(): NormalisedRecord {
  return {
    _timestamp: 1750165200000000,
    event_time: '2025-06-17T13:00:00Z',
    schema_version: 1,
    event_id: 'e',
    event_name: 'n',
    event_source: 's',
    event_type: 't',
    category: 'sign_in',
    outcome: 'failure',
    error_code: 'c',
    error_message: 'm',
    http_status: 400,
    aws_account_id: '1',
    aws_region: 'r',
    user_pool_id: 'p',
    user_pool_domain: 'd',
    client_id: 'ci',
    identity_pool_id: 'ip',
    identity_id: 'ii',
    user_sub: 'us',
    username: 'u',
    auth_flow: 'af',
    challenge_name: 'cn',
    grant_type: 'gt',
    identity_provider: 'idp',
    source_ip: '198.51.100.0',
    user_agent: 'ua',
    device_name: 'dn',
    city: 'ci',
    country: 'co',
    principal_type: 'pt',
    principal_arn: 'pa',
    request_id: 'ri',
    read_only: false,
    tls_version: 'tv',
    risk_level: 'rl',
    risk_decision: 'rd',
    compromised_credentials: true,
    challenges: '[{"challengeName":"Password","challengeResponse":"Success"}]',
    event_feedback: 'ef',
    has_context_data: false,
    request_parameters: '{"a":1}',
    response_elements: '{"b":2}',
    additional_event_data: '{"c":3}',
    detail: '{"d":4}',
    restamped: true,
  };
}

describe('recordLine', () => {
  test('writes every field in schema order, one line, second byte a tab, one trailing newline', () => {
    // Act
    const line = recordLine(fullRecord());

    // Assess
    expect(line.startsWith('{\t"_timestamp":1750165200000000,')).toBe(true);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(Object.keys(JSON.parse(line) as object)).toEqual(FIELD_NAMES);
    expect(JSON.parse(line)).toEqual(fullRecord());
  });

  test('leaves out absent fields', () => {
    const line = recordLine({ _timestamp: 1, schema_version: 1, category: 'other', outcome: 'unknown', event_name: undefined });

    expect(line).toBe('{\t"_timestamp":1,"schema_version":1,"category":"other","outcome":"unknown"}\n');
  });

  test('escapes strings that need it and keeps plain ones as they are', () => {
    const line = recordLine({
      _timestamp: 1,
      schema_version: 1,
      category: 'other',
      outcome: 'unknown',
      event_name: 'quote " backslash \\ newline \n tab \t',
      user_agent: 'Ünïcödé 😀 שלום',
      error_message: '\u2028\u0000',
    });

    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed.event_name).toBe('quote " backslash \\ newline \n tab \t');
    expect(parsed.user_agent).toBe('Ünïcödé 😀 שלום');
    expect(parsed.error_message).toBe('\u2028\u0000');
    expect(line.indexOf('\n')).toBe(line.length - 1);
  });

  test('writes any string as JSON.stringify writes it once lone surrogates are U+FFFD', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const text = fc.oneof(fc.string({ unit: codeUnit }), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', 'ü', '東', '"', '\\', '\n', '\u007f', '\u2028', '😀', '\ud800', '\udfff') }));
    fc.assert(
      fc.property(text, (value) => {
        const line = recordLine({ _timestamp: 1, schema_version: 1, category: 'other', outcome: 'unknown', error_message: value });

        expect(line).toBe(`{\t"_timestamp":1,"schema_version":1,"category":"other","outcome":"unknown","error_message":${JSON.stringify(value.toWellFormed())}}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  test('writes lone surrogates as U+FFFD, since OpenObserve rejects their escapes', () => {
    const line = recordLine({ _timestamp: 1, schema_version: 1, category: 'other', outcome: 'unknown', user_agent: 'a\ud800b\udfff' });

    expect(line).toContain('"user_agent":"a\ufffdb\ufffd"');
  });

  test('writes a nested payload object as JSON, not as text', () => {
    const line = recordLine({ _timestamp: 1, schema_version: 1, category: 'other', outcome: 'unknown', request_parameters: { a: [1] } });

    expect(line).toContain('"request_parameters":{"a":[1]}');
  });

  test('writes booleans as true and false', () => {
    const line = recordLine({ _timestamp: 1, schema_version: 1, category: 'other', outcome: 'unknown', read_only: true });

    expect(line).toContain('"read_only":true');
    expect(line).not.toContain('restamped');
  });
});
