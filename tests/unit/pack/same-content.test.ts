import { sameContent } from '../../../functions/shared/pack/same-content';

describe('sameContent', () => {
  test('ignores keys the server adds', () => {
    expect(sameContent({ title: 'A', panels: [{ id: 'p' }] }, { title: 'A', owner: 'x', dashboardId: '7', panels: [{ id: 'p', extra: 1 }] })).toBe(true);
  });

  test('sees a changed value, deep inside arrays', () => {
    expect(sameContent({ panels: [{ queries: [{ query: 'SELECT 1' }] }] }, { panels: [{ queries: [{ query: 'SELECT 2' }] }] })).toBe(false);
  });

  test('sees a missing or extra array element', () => {
    expect(sameContent({ list: [1, 2] }, { list: [1] })).toBe(false);
    expect(sameContent({ list: [1] }, { list: [1, 2] })).toBe(false);
  });

  test('treats null, absent, [] and {} as the same empty value', () => {
    expect(sameContent({ color: null, z: [], ctx: {} }, {})).toBe(true);
    expect(sameContent({ color: null }, { color: 'red' })).toBe(false);
  });

  test('tells a number from its string and true from 1', () => {
    expect(sameContent({ period: 15 }, { period: '15' })).toBe(false);
    expect(sameContent({ enabled: true }, { enabled: 1 })).toBe(false);
  });

  test('does not take an object for an array or a missing object for a present one', () => {
    expect(sameContent({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameContent({ a: { b: 1 } }, {})).toBe(false);
  });
});
