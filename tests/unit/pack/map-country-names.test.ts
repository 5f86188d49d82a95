/**
 * The "Sign-ins by country" map against the region names of OpenObserve's world map
 * (tests/fixtures/openobserve-world-map-names.json, read from OpenObserve's source): the map colours a region
 * only when the query's name is spelt exactly as the map spells it, so each country name Cognito may write
 * in another spelling is translated to one the map has.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACK_CONTENT } from '../../../functions/shared/pack/content';

const MAP_NAMES: ReadonlySet<string> = new Set((JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'openobserve-world-map-names.json'), 'utf8')) as { names: string[] }).names);
const mapPanels = PACK_CONTENT.dashboard.tabs.flatMap((t) => t.panels).filter((p) => p.type === 'maps');

/** The `WHEN 'x' THEN 'y'` pairs of the query's CASE, quotes undoubled. */
function translations(sql: string): [from: string, to: string][] {
  const text = (quoted: string): string => quoted.replace(/''/g, "'");
  return [...sql.matchAll(/WHEN '((?:[^']|'')*)' THEN '((?:[^']|'')*)'/g)].map((m) => [text(m[1] ?? ''), text(m[2] ?? '')]);
}

describe('the sign-ins map', () => {
  test('there is one, and it names countries through a translation of spellings', () => {
    expect(mapPanels.map((p) => p.title)).toEqual(['Sign-ins by country']);
    expect(translations(mapPanels[0]?.queries[0]?.query ?? '').length).toBeGreaterThan(30);
  });

  test('every translation ends on a region of the world map, and starts from a spelling the map does not have', () => {
    const pairs = translations(mapPanels[0]?.queries[0]?.query ?? '');

    expect(pairs.filter(([, to]) => !MAP_NAMES.has(to))).toEqual([]);
    expect(pairs.filter(([from]) => MAP_NAMES.has(from))).toEqual([]);
    expect(new Set(pairs.map(([from]) => from)).size).toBe(pairs.length);
  });

  test("the spelling in AWS's example log and common English names are regions as they are", () => {
    for (const name of ['United States', 'United Kingdom', 'Germany', 'Brazil', 'Nigeria', 'Ireland']) expect({ name, onMap: MAP_NAMES.has(name) }).toEqual({ name, onMap: true });
  });
});
