import { formatAction, summarise, type PackAction } from '../../../functions/shared/pack/actions';

const action = (overrides: Partial<PackAction> = {}): PackAction => ({ verb: 'create', kind: 'dashboard', name: 'Cognito Security', ...overrides });

describe('action lines', () => {
  test('say what was done, in the past tense', () => {
    expect(formatAction(action(), false)).toBe('created       dashboard    Cognito Security');
  });

  test('say what would be done in a dry run, with the note', () => {
    expect(formatAction(action({ verb: 'keep', kind: 'folder', note: 'why' }), true)).toBe('would keep    folder       Cognito Security (why)');
  });

  test('summarise counts by verb', () => {
    const actions = [action(), action({ verb: 'unchanged' }), action({ verb: 'unchanged' })];

    expect(summarise(actions, false)).toBe('1 created, 2 unchanged');
    expect(summarise([], true)).toBe('nothing to do');
  });
});
