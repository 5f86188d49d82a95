import type { LookupAddress } from 'node:dns';
import { pinnedLookup } from '../../../functions/shared/pinned-lookup';

type Answer = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };
const ask = (lookup: ReturnType<typeof pinnedLookup>, name: string, options: Parameters<typeof lookup>[1] = {}): Promise<Answer> =>
  new Promise((resolve) => lookup(name, options, (error, address, family) => resolve({ error, address, family })));

describe('pinnedLookup', () => {
  const lookup = pinnedLookup('O2.Example.com', ['203.0.113.10', '2001:db8::10']);

  test('answers the pinned name, in any case, with the first vetted address', async () => {
    expect(await ask(lookup, 'o2.example.com')).toEqual({ error: null, address: '203.0.113.10', family: 4 });
  });

  test('answers every vetted address when asked for all (as autoSelectFamily does)', async () => {
    expect((await ask(lookup, 'o2.example.com', { all: true })).address).toEqual([
      { address: '203.0.113.10', family: 4 },
      { address: '2001:db8::10', family: 6 },
    ]);
  });

  test('honours the family asked for', async () => {
    expect(await ask(lookup, 'o2.example.com', { family: 6 })).toMatchObject({ address: '2001:db8::10', family: 6 });
    expect(await ask(lookup, 'o2.example.com', { family: 'IPv4', all: true })).toMatchObject({ address: [{ address: '203.0.113.10', family: 4 }] });
  });

  test('refuses any other name, and a family it has no vetted address of, instead of resolving afresh', async () => {
    expect((await ask(lookup, 'evil.example.com')).error).toMatchObject({ code: 'ENOTFOUND' });
    expect((await ask(pinnedLookup('v4only.example.com', ['203.0.113.10']), 'v4only.example.com', { family: 6 })).error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
