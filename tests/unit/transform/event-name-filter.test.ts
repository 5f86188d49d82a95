import { compileEventNameFilter } from '../../../functions/transform/event-name-filter';

describe('compileEventNameFilter', () => {
  test('matches nothing when the list is empty or blank', () => {
    expect(compileEventNameFilter('').matches('InitiateAuth')).toBe(false);
    expect(compileEventNameFilter(' , ,').patterns).toEqual([]);
  });

  test('matches exact names, case-sensitively, after trimming the items', () => {
    const filter = compileEventNameFilter(' ListUsers , GetUser ');

    expect(filter.patterns).toEqual(['ListUsers', 'GetUser']);
    expect(filter.matches('ListUsers')).toBe(true);
    expect(filter.matches('GetUser')).toBe(true);
    expect(filter.matches('listusers')).toBe(false);
    expect(filter.matches('ListUsersInGroup')).toBe(false);
  });

  test('treats * as any run of characters, anchored at both ends', () => {
    const filter = compileEventNameFilter('Admin*,*_GET,Describe*Pool*');

    expect(filter.matches('AdminGetUser')).toBe(true);
    expect(filter.matches('Admin')).toBe(true);
    expect(filter.matches('Login_GET')).toBe(true);
    expect(filter.matches('DescribeUserPoolClient')).toBe(true);
    expect(filter.matches('GetAdmin')).toBe(false);
    expect(filter.matches('Login_POST')).toBe(false);
  });

  test('takes regular-expression characters in a pattern literally', () => {
    const filter = compileEventNameFilter('a.b*,(x)|y,[z]');

    expect(filter.matches('a.bc')).toBe(true);
    expect(filter.matches('aXbc')).toBe(false);
    expect(filter.matches('(x)|y')).toBe(true);
    expect(filter.matches('x')).toBe(false);
    expect(filter.matches('[z]')).toBe(true);
  });

  test('removes repeated patterns', () => {
    expect(compileEventNameFilter('A,A,B').patterns).toEqual(['A', 'B']);
  });

  test('a lone * matches every name, including the empty one', () => {
    const filter = compileEventNameFilter('*');

    expect(filter.matches('')).toBe(true);
    expect(filter.matches('Anything at all\n')).toBe(true);
  });
});
