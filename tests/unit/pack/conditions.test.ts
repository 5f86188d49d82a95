import { ConditionTreeError, conditionLeaves, conditionsToSql, parseConditionTree } from '../../../functions/shared/pack/conditions';

const cond = (column: string, value: string, operator = '=') => ({ column, operator, value, ignore_case: false });

describe('parseConditionTree', () => {
  test('reads and/or/not nodes and conditions, as OpenObserve stores them', () => {
    // Prepare
    const json = { and: [cond('outcome', 'success'), { not: { or: [cond('event_name', 'UpdateUserPool'), cond('event_name', 'SetIdentityPoolRoles')] } }] };

    // Act
    const tree = parseConditionTree(json, 'alert');

    // Assess
    expect(tree).toEqual(json);
    expect(conditionLeaves(tree).map((c) => c.value)).toEqual(['success', 'UpdateUserPool', 'SetIdentityPoolRoles']);
  });

  test.each([
    ['a bare list, which the server stores as {"and": …} so a second install would differ', [cond('outcome', 'success')], 'must be an object'],
    ['an empty or', { or: [] }, 'at least one condition'],
    ['an unknown column', cond('no_such_field', 'x'), 'names no schema v1 field'],
    ['an unknown operator', cond('outcome', 'x', 'like'), 'is not one of'],
    ['a value that is not text', { column: 'http_status', operator: '=', value: 400, ignore_case: false }, 'must be text'],
    ['a quote in a value, which the server pastes unescaped', cond('event_name', "O'Brien"), 'without a quote'],
    ['ignore_case', { ...cond('outcome', 'success'), ignore_case: true }, 'ignore_case'],
  ])('refuses %s', (_what, json, message) => {
    expect(() => parseConditionTree(json, 'alert')).toThrow(ConditionTreeError);
    expect(() => parseConditionTree(json, 'alert')).toThrow(message);
  });
});

describe('conditionsToSql', () => {
  test('writes each condition as build_expr does for its column type, fully parenthesised', () => {
    // Prepare
    const tree = parseConditionTree(
      { and: [cond('category', 'pool_admin'), cond('read_only', 'false'), cond('http_status', '400', '>='), { not: { or: [cond('event_name', 'A'), cond('user_agent', 'bot', 'contains')] } }] },
      'alert',
    );

    // Act
    const sql = conditionsToSql(tree);

    // Assess
    expect(sql).toBe(`("category" = 'pool_admin' AND "read_only" = false AND "http_status" >= 400 AND (NOT ("event_name" = 'A' OR str_match("user_agent", 'bot'))))`);
  });

  test('with perRecord, a condition on a missing column is false, so its negation is true, as Condition::evaluate reads a record', () => {
    const tree = parseConditionTree({ and: [cond('outcome', 'success'), { not: cond('error_code', 'X') }] }, 'alert');

    expect(conditionsToSql(tree, { perRecord: true })).toBe(`(COALESCE("outcome" = 'success', FALSE) AND (NOT COALESCE("error_code" = 'X', FALSE)))`);
  });

  test.each([
    ['a boolean compared with text', cond('read_only', 'no'), 'true" or "false'],
    ['a boolean compared with <', cond('read_only', 'true', '<'), 'use = or !='],
    ['an integer compared with text', cond('http_status', 'many'), 'whole number'],
    ['contains on an integer', cond('http_status', '4', 'contains'), 'text only'],
  ])('refuses %s', (_what, json, message) => {
    expect(() => conditionsToSql(parseConditionTree(json, 'alert'))).toThrow(message);
  });
});
