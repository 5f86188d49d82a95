import { parseParameterOverrides } from '../../../../cli/template/parameter-overrides';
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
