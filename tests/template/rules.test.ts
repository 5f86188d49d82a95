import type { Template } from '../../cli/template/load-template';
import { contextFor, evaluate, evaluateCondition, failedRules, parameterValues, resolveIfs } from './support/evaluate';
import { credentialCombinations } from './support/check-pipeline';
import { mutable, rawTemplate } from './support/template-fixture';

const template = rawTemplate();

/** A minimal template for the evaluator's own tests. */
function tiny(overrides: Partial<Template> = {}): Template {
  return {
    Parameters: { A: { Type: 'String', Default: '' }, B: { Type: 'String', Default: 'x' } },
    Conditions: { HasA: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'A' }, ''] }] } },
    Resources: {},
    ...overrides,
  };
}

describe('the Rules/Conditions evaluator', () => {
  test('evaluates Equals, Not, And, Or and Ref on parameter values', () => {
    // Prepare
    const ctx = contextFor(tiny(), { A: 'a' });

    // Act / Assess
    expect(evaluateCondition({ 'Fn::Equals': [{ Ref: 'A' }, 'a'] }, ctx)).toBe(true);
    expect(evaluateCondition({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'B' }, 'x'] }] }, ctx)).toBe(false);
    expect(evaluateCondition({ 'Fn::And': [{ Condition: 'HasA' }, { 'Fn::Equals': [{ Ref: 'B' }, 'x'] }] }, ctx)).toBe(true);
    expect(evaluateCondition({ 'Fn::Or': [{ 'Fn::Equals': [{ Ref: 'A' }, ''] }, { 'Fn::Equals': [{ Ref: 'B' }, 'y'] }] }, ctx)).toBe(false);
    expect(evaluate({ Ref: 'AWS::Partition' }, ctx)).toBe('aws');
  });

  test('uses defaults for parameters not given, and refuses unknown or missing ones', () => {
    expect(parameterValues(tiny())).toEqual({ A: '', B: 'x' });
    expect(() => parameterValues(tiny(), { C: '1' })).toThrow(/C is not in the template/);
    expect(() => parameterValues(tiny({ Parameters: { R: { Type: 'String' } } }))).toThrow(/R has no default/);
  });

  test('refuses functions it does not know instead of passing them', () => {
    expect(() => evaluateCondition({ 'Fn::EachMemberIn': [[], []] }, contextFor(tiny()))).toThrow(/Fn::EachMemberIn is not an intrinsic function o2-cognito knows/);
  });

  test('reports the AssertDescription of each failing assertion, honouring RuleCondition', () => {
    // Prepare
    const rules = {
      NeedsA: { Assertions: [{ Assert: { Condition: 'HasA' }, AssertDescription: 'give A' }] },
      OnlyWhenBIsY: {
        RuleCondition: { 'Fn::Equals': [{ Ref: 'B' }, 'y'] },
        Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'A' }, 'never'] }, AssertDescription: 'A must be never' }],
      },
    };
    const withRules = tiny({ Rules: rules });

    // Act / Assess
    expect(failedRules(withRules)).toEqual(['give A']);
    expect(failedRules(withRules, { A: 'a' })).toEqual([]);
    expect(failedRules(withRules, { A: 'a', B: 'y' })).toEqual(['A must be never']);
  });

  test('resolves Fn::If to the chosen branch and drops AWS::NoValue', () => {
    // Prepare
    const value = { Key: { 'Fn::If': ['HasA', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] }, List: [{ 'Fn::If': ['HasA', 1, { Ref: 'AWS::NoValue' }] }, 2] };

    // Act
    const without = resolveIfs(value, contextFor(tiny()));
    const withA = resolveIfs(value, contextFor(tiny(), { A: 'a' }));

    // Assess
    expect(without).toEqual({ List: [2] });
    expect(withA).toEqual({ Key: { Ref: 'A' }, List: [1, 2] });
  });
});

describe('template Rules: exactly one OpenObserve credential', () => {
  test.each([
    ['the key only', 0, true],
    ['the secret only', 1, true],
    ['both', 2, false],
    ['neither', 3, false],
  ])('with %s (row %i) the deploy is accepted: %s', (_, row, accepted) => {
    expect(credentialCombinations(template)[row]?.accepted).toBe(accepted);
  });

  test('asks for the security pack credentials only when the pack is installed', () => {
    const base = { OpenObserveUrl: 'https://o2.example.com', OpenObserveAccessKey: 'a2V5' };
    expect(failedRules(template, { ...base, InstallSecurityPack: 'true' })).toHaveLength(1);
    expect(failedRules(template, base)).toEqual([]);
    expect(
      failedRules(template, { ...base, InstallSecurityPack: 'true', PackCredentialsSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:pack-AbC123' }),
    ).toEqual([]);
  });

  test('the truth table bites: a rule that only checks "not both" lets "neither" through', () => {
    const broken = mutable(template);
    delete broken.Rules.CredentialGiven;
    expect(credentialCombinations(broken)[3]?.accepted).toBe(true);
  });
});
