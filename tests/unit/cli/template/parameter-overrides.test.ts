import { parseParameterOverrides, spreadParameterOverrides } from '../../../../cli/template/parameter-overrides';
import { parseTemplate } from '../../../../cli/template/load-template';

const template = parseTemplate(`
Parameters:
  PayloadMode: { Type: String, Default: json, AllowedValues: [json, drop, nested] }
  Org: { Type: String, AllowedPattern: '[a-z0-9_]+' }
  Free: { Type: String }
Resources: {}
`);

function parsed(...values: string[]) {
  const result = parseParameterOverrides(values, template);
  if (!result.ok) throw new Error(result.reason);
  return Object.fromEntries(result.overrides);
}

describe('parseParameterOverrides', () => {
  test('reads Key=Value pairs, several per argument, quotes removed', () => {
    expect(parsed('PayloadMode=drop Org=my_org', 'Free="two words"')).toEqual({ PayloadMode: 'drop', Org: 'my_org', Free: 'two words' });
  });

  test('reads the ParameterKey=…,ParameterValue=… form and values holding = or commas', () => {
    expect(parsed('ParameterKey=Free,ParameterValue=a=b,c')).toEqual({ Free: 'a=b,c' });
  });

  test('accepts pseudo parameters such as AWS::Region', () => {
    expect(parsed('AWS::Region=eu-west-3')).toEqual({ 'AWS::Region': 'eu-west-3' });
  });

  test('rejects an unknown parameter, naming the template parameters', () => {
    const result = parseParameterOverrides(['Nope=1'], template);

    expect(result).toEqual({ ok: false, reason: expect.stringContaining('use one of PayloadMode, Org, Free') });
  });

  test('rejects a value outside AllowedValues or AllowedPattern without quoting it', () => {
    const secret = 'SECRET-9a7c-do-not-print';

    const notAllowed = parseParameterOverrides([`PayloadMode=${secret}`], template);
    const notMatching = parseParameterOverrides([`Org=${secret}`], template);

    expect(notAllowed).toEqual({ ok: false, reason: expect.stringContaining('json, drop, nested') });
    expect(notMatching.ok).toBe(false);
    expect(JSON.stringify([notAllowed, notMatching])).not.toContain(secret);
  });

  test('rejects an item without =', () => {
    expect(parseParameterOverrides(['PayloadMode'], template).ok).toBe(false);
  });
});

describe('spreadParameterOverrides', () => {
  test('gives each Key=Value word after the option an option of its own, as SAM CLI takes them', () => {
    expect(spreadParameterOverrides(['--parameter-overrides', 'A=1', 'B=2', '--to', 'stdout'])).toEqual([
      '--parameter-overrides', 'A=1', '--parameter-overrides', 'B=2', '--to', 'stdout',
    ]);
  });

  test('takes SAM\'s ParameterKey=…,ParameterValue=… words and the --parameter-overrides=… form alike', () => {
    expect(spreadParameterOverrides(['--parameter-overrides=ParameterKey=A,ParameterValue=1', 'ParameterKey=B,ParameterValue=2'])).toEqual([
      '--parameter-overrides=ParameterKey=A,ParameterValue=1', '--parameter-overrides', 'ParameterKey=B,ParameterValue=2',
    ]);
  });

  test('leaves one quoted string, a positional after the pairs, and everything after -- alone', () => {
    expect(spreadParameterOverrides(['--parameter-overrides', 'A=1 B=2', 'TransformFunction'])).toEqual(['--parameter-overrides', 'A=1 B=2', 'TransformFunction']);
    expect(spreadParameterOverrides(['--parameter-overrides', 'A=1', '--', 'B=2'])).toEqual(['--parameter-overrides', 'A=1', '--', 'B=2']);
    expect(spreadParameterOverrides(['--from', 'A=1', 'B=2'])).toEqual(['--from', 'A=1', 'B=2']);
  });

  test('gives the first value to the option whatever it holds, for the parser to judge', () => {
    expect(spreadParameterOverrides(['--parameter-overrides', 'oops', 'B=2'])).toEqual(['--parameter-overrides', 'oops', '--parameter-overrides', 'B=2']);
  });
});
