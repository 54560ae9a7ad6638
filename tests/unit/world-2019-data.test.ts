import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorld2019Data, parseCsv, serializeWorld2019Data } from '../../worlds/world-2019/scripts/build-data-lib.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, 'worlds', 'world-2019', 'data');
const read = (path: string) => readFileSync(path, 'utf8');

describe('world-2019 generated data', () => {
  const input = {
    countriesCsv: read(join(dataDir, 'countries.csv')),
    timeseriesCsv: read(join(dataDir, 'internet_users_timeseries.csv')),
    topology: JSON.parse(read(join(root, 'node_modules', 'world-atlas', 'countries-50m.json'))) as unknown,
  };
  const fresh = buildWorld2019Data(input);
  const committedText = read(join(dataDir, 'world-2019.generated.json'));

  it('equals a fresh build from the CSVs and world-atlas, byte for byte', () => {
    expect(JSON.parse(committedText)).toEqual(fresh);
    expect(committedText).toBe(serializeWorld2019Data(fresh));
  });

  it('is deterministic and compact (no polygons)', () => {
    expect(serializeWorld2019Data(buildWorld2019Data(input))).toBe(committedText);
    expect(committedText.length).toBeLessThan(400 * 1024);
    expect(committedText).not.toContain('"arcs"');
  });

  it('joins 225 countries: every CSV row with a countries-50m polygon and a population', () => {
    const rows = parseCsv(input.countriesCsv);
    const header = rows[0];
    const body = rows.slice(1).filter((r) => !(r.length === 1 && r[0] === ''));
    const topo = input.topology as { objects: { countries: { geometries: { id?: string }[] } } };
    const ids = new Set(topo.objects.countries.geometries.map((g) => g.id).filter((id) => id !== undefined));
    const iso = header.indexOf('iso_numeric');
    const pop = header.indexOf('population');
    const joined = body.filter((r) => ids.has(r[iso].padStart(3, '0')) && r[pop] !== '');
    expect(body).toHaveLength(233);
    expect(joined).toHaveLength(225);
    expect(fresh.countries).toHaveLength(joined.length);
    expect(fresh.dropped).toHaveLength(body.length - joined.length);
    expect(fresh.countries.map((c) => c.iso3)).toEqual(joined.map((r) => r[0]).sort());
  });

  it('keeps quoted names with commas whole', () => {
    const names = new Map(fresh.countries.map((c) => [c.iso3, c.name]));
    expect(names.get('COD')).toBe('Congo, Dem. Rep.');
    expect(names.get('HKG')).toBe('Hong Kong, China');
  });

  it('has symmetric land borders from the topology', () => {
    const byCode = new Map(fresh.countries.map((c) => [c.iso3, c]));
    for (const c of fresh.countries) {
      for (const n of c.neighbours) expect(byCode.get(n)?.neighbours).toContain(c.iso3);
      expect(c.neighbours).not.toContain(c.iso3);
    }
    expect(byCode.get('USA')?.neighbours).toEqual(['CAN', 'MEX']);
    expect(byCode.get('JPN')?.neighbours).toEqual([]);
  });

  it('holds the internet-use series of every joined country it has', () => {
    const points = parseCsv(input.timeseriesCsv)
      .slice(1)
      .filter((r) => r.length === 3 && r[0] in fresh.internet_series);
    const stored = Object.values(fresh.internet_series).reduce((n, s) => n + Object.keys(s).length, 0);
    expect(stored).toBe(points.length);
    expect(fresh.internet_series.CHN['2010']).toBeGreaterThan(0);
  });
});
