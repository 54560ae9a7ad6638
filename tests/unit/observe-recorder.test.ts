/**
 * The Recorder (src/model/observe/recorder.ts) on a tiny world whose regions differ in bloc and
 * income group, so each aggregation (world, bloc, income group, region) has its own hand value:
 *   HOM: bloc A, high income, population 100, unemployment 0.1, access 0.5, 1 SME
 *   HUB: bloc B, low income, population 300, unemployment 0.2, access 1.0, 2 SMEs
 *   NBR: bloc A, lower-middle income, population 600, unemployment 0.5, access 0.2, 3 SMEs
 * (no region is upper-middle income). Also the row store: release, view, load, growth, CSV text.
 */
import { describe, expect, it } from 'vitest';
import { Recorder, SCOPES, formatNumber, rowsToCsv, type IndicatorRows } from '../../src/model/observe/recorder.ts';
import { GLOBAL_INDICATORS, REGIONAL_INDICATORS } from '../../src/model/observe/indicators.ts';
import { INCOME_GROUPS } from '../../src/model/world-definition.ts';
import type { World } from '../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, region, threeRegions, tinyWorld } from './submodels/tiny-world.ts';

function world(): World {
  const w = tinyWorld(
    threeRegions({
      regions: [
        region('HOM', { bloc: 0, longitude: 0, incomeGroup: 'high_income' }),
        region('HUB', { bloc: 1, longitude: 90, isHub: true, incomeGroup: 'low_income' }),
        region('NBR', { bloc: 0, longitude: 10, incomeGroup: 'lower_middle_income' }),
      ],
    }),
  );
  w.regions.population.set([100, 300, 600]);
  w.communityRegions.unemployment.set([0.1, 0.2, 0.5]);
  w.communityRegions.access.set([0.5, 1, 0.2]);
  for (const [r, n] of [[HOM, 1], [HUB, 2], [NBR, 3]]) for (let k = 0; k < n; k++) addSme(w, r, { employees: 5, capability: 0.5 });
  return w;
}

/** Rows of one indicator as [scope, group, value] triples, in row order. */
function rowsOf(recorder: Recorder, name: string, from = recorder.firstKept): [string, string, number][] {
  const k = recorder.indicators.findIndex((i) => i.name === name);
  const rows = recorder.view(from);
  const out: [string, string, number][] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows.indicator[i] !== k) continue;
    out.push([SCOPES[rows.scope[i]], recorder.groupNames[rows.scope[i]][rows.group[i]], rows.value[i]]);
  }
  return out;
}

const info = (name: string) => ({ name, unit: 'u', doc: 'd' });

describe('Recorder.record: each regional indicator globally, by bloc, by income group, per region if headline', () => {
  it('names its groups, and lists regional (node ones left out), global and extra indicators in that order', () => {
    const w = world();
    const recorder = new Recorder(w, [info('lossA'), info('lossB')]);
    expect(recorder.groupNames).toEqual([['world'], ['A', 'B'], [...INCOME_GROUPS], ['HOM', 'HUB', 'NBR']]);
    const regional = REGIONAL_INDICATORS.filter((i) => !i.recordedIf).map((i) => i.name);
    expect(regional.length).toBe(REGIONAL_INDICATORS.length - 6); // the node's five and its spending
    expect(recorder.indicators.map((i) => i.name)).toEqual([...regional, ...GLOBAL_INDICATORS.map((i) => i.name), 'lossA', 'lossB']);
    expect(recorder.indicators[0]).toEqual({ name: 'unitCost', unit: '$/unit', doc: REGIONAL_INDICATORS[0].doc });
    expect(recorder.length).toBe(0);
    expect(recorder.firstKept).toBe(0);
  });

  it('a headline ratio (unemployment): Σ pop·u / Σ pop per group, then each region', () => {
    const w = world();
    const recorder = new Recorder(w);
    recorder.record(w, 7);
    expect(rowsOf(recorder, 'unemployment')).toEqual([
      ['global', 'world', expect.closeTo(0.37, 12)], // (10 + 60 + 300) / 1000
      ['bloc', 'A', expect.closeTo(310 / 700, 12)], // HOM + NBR: (10 + 300) / (100 + 600)
      ['bloc', 'B', expect.closeTo(0.2, 12)], // HUB: 60 / 300
      ['incomeGroup', 'low_income', expect.closeTo(0.2, 12)], // HUB
      ['incomeGroup', 'lower_middle_income', expect.closeTo(0.5, 12)], // NBR
      // upper_middle_income: no region, no row
      ['incomeGroup', 'high_income', expect.closeTo(0.1, 12)], // HOM
      ['region', 'HOM', expect.closeTo(0.1, 12)],
      ['region', 'HUB', expect.closeTo(0.2, 12)],
      ['region', 'NBR', expect.closeTo(0.5, 12)],
    ]);
    const view = recorder.view();
    expect(Array.from(view.week).every((week) => week === 7)).toBe(true);
  });

  it('a non-headline ratio (access) has no region rows', () => {
    const w = world();
    const recorder = new Recorder(w);
    recorder.record(w, 0);
    expect(rowsOf(recorder, 'access')).toEqual([
      ['global', 'world', expect.closeTo(0.47, 12)], // (50 + 300 + 120) / 1000
      ['bloc', 'A', expect.closeTo(170 / 700, 12)], // (50 + 120) / 700
      ['bloc', 'B', expect.closeTo(1, 12)],
      ['incomeGroup', 'low_income', expect.closeTo(1, 12)],
      ['incomeGroup', 'lower_middle_income', expect.closeTo(0.2, 12)],
      ['incomeGroup', 'high_income', expect.closeTo(0.5, 12)],
    ]);
    expect(recorder.latest('access', 'region', 'HOM')).toBeNaN();
  });

  it('without extras lists only the regional and global indicators; its group names are copies', () => {
    const w = world();
    const recorder = new Recorder(w);
    expect(recorder.indicators.length).toBe(REGIONAL_INDICATORS.filter((i) => !i.recordedIf).length + GLOBAL_INDICATORS.length);
    expect(recorder.groupNames[1]).not.toBe(w.definition.blocs);
    expect(recorder.groupNames[2]).not.toBe(INCOME_GROUPS);
    expect(recorder.groupNames[3]).not.toBe(w.regions.codes);
  });

  it('a non-headline sum (smeEmployment) has no region rows', () => {
    const w = world();
    const recorder = new Recorder(w);
    recorder.record(w, 0);
    // 5 employees per SME: HOM 1, HUB 2, NBR 3 SMEs.
    expect(rowsOf(recorder, 'smeEmployment')).toEqual([
      ['global', 'world', 30],
      ['bloc', 'A', 20],
      ['bloc', 'B', 10],
      ['incomeGroup', 'low_income', 10],
      ['incomeGroup', 'lower_middle_income', 15],
      ['incomeGroup', 'high_income', 5],
    ]);
  });

  it('a headline sum (smeCount) adds up over groups', () => {
    const w = world();
    const recorder = new Recorder(w);
    recorder.record(w, 0);
    expect(rowsOf(recorder, 'smeCount')).toEqual([
      ['global', 'world', 6],
      ['bloc', 'A', 4], // 1 + 3
      ['bloc', 'B', 2],
      ['incomeGroup', 'low_income', 2],
      ['incomeGroup', 'lower_middle_income', 3],
      ['incomeGroup', 'high_income', 1],
      ['region', 'HOM', 1],
      ['region', 'HUB', 2],
      ['region', 'NBR', 3],
    ]);
  });

  it('a sum of a ratio of zeros is 0, not NaN (smeCapability with no SMEs in HUB)', () => {
    const w = world();
    for (let i = 0; i < w.smes.count; i++) if (w.smes.region[i] === HUB) w.smes.alive[i] = 0;
    const recorder = new Recorder(w);
    recorder.record(w, 0);
    // Capability 0.5 each: world (4 · 0.5) / 4; bloc B has no SMEs: 0 / 0 → 0.
    expect(recorder.latest('smeCapability')).toBeCloseTo(0.5, 12);
    expect(recorder.latest('smeCapability', 'bloc', 'B')).toBe(0);
    expect(recorder.latest('smeCount', 'region', 'HUB')).toBe(0);
  });

  it('appends the global-only indicators after the regional ones, one global row each', () => {
    const w = world();
    w.hubs.componentCapacity.fill(0);
    w.hubs.componentCapacity[0] = 40;
    w.hubs.componentOutput.fill(0);
    w.hubs.componentOutput[0] = 10;
    const recorder = new Recorder(w);
    recorder.record(w, 3);
    expect(rowsOf(recorder, 'hubUtilisation')).toEqual([['global', 'world', 0.25]]); // 10 / 40
    const view = recorder.view();
    const lastRegional = REGIONAL_INDICATORS.filter((i) => !i.recordedIf).length - 1;
    // Row order: every regional indicator's rows, then the global ones in their order.
    const order = Array.from(view.indicator);
    expect(order.slice(-GLOBAL_INDICATORS.length)).toEqual(GLOBAL_INDICATORS.map((_, k) => lastRegional + 1 + k));
    expect(order.slice(0, -GLOBAL_INDICATORS.length).every((k, i, all) => k <= lastRegional && (i === 0 || all[i - 1] <= k))).toBe(true);
  });

  it('latest and series read the last and every value of one indicator, scope and group', () => {
    const w = world();
    const recorder = new Recorder(w);
    recorder.record(w, 0);
    w.communityRegions.unemployment[HUB] = 0.4;
    recorder.record(w, 1);
    expect(recorder.series('unemployment', 'bloc', 'B')).toEqual([
      { week: 0, value: expect.closeTo(0.2, 12) },
      { week: 1, value: expect.closeTo(0.4, 12) },
    ]);
    expect(recorder.latest('unemployment', 'region', 'HUB')).toBeCloseTo(0.4, 12);
    expect(recorder.latest('unemployment', 'region', 'HOM')).toBeCloseTo(0.1, 12);
    // Defaults: global scope, world group: (10 + 120 + 300) / 1000 = 0.43.
    expect(recorder.latest('unemployment')).toBeCloseTo(0.43, 12);
    expect(recorder.series('unemployment').map((p) => p.value)).toEqual([expect.closeTo(0.37, 12), expect.closeTo(0.43, 12)]);
    expect(recorder.latest('noSuchIndicator')).toBeNaN();
    expect(recorder.series('unemployment', 'incomeGroup', 'upper_middle_income')).toEqual([]);
  });
});

describe('Recorder extras and the row store', () => {
  it('records an extra indicator globally or for a region, and refuses unknown names', () => {
    const w = world();
    const recorder = new Recorder(w, [info('lossA'), info('lossB')]);
    recorder.recordExtra(4, 'lossB', 5);
    recorder.recordExtra(4, 'lossB', 6, NBR);
    recorder.recordExtra(4, 'lossA', 7, 0);
    expect(recorder.length).toBe(3);
    expect(rowsOf(recorder, 'lossB')).toEqual([
      ['global', 'world', 5],
      ['region', 'NBR', 6],
    ]);
    expect(rowsOf(recorder, 'lossA')).toEqual([['region', 'HOM', 7]]);
    const view = recorder.view();
    expect(Array.from(view.week)).toEqual([4, 4, 4]);
    // lossB is the second extra: index (regional + global) + 1.
    expect(view.indicator[0]).toBe(recorder.indicators.length - 1);
    expect(() => recorder.recordExtra(4, 'lossC', 1)).toThrow('unknown extra indicator lossC');
  });

  it('release forgets rows before a row number; view, latest and length see what is kept', () => {
    const w = world();
    const recorder = new Recorder(w, [info('x')]);
    for (let week = 0; week < 5; week++) recorder.recordExtra(week, 'x', 10 * week);
    recorder.release(0); // nothing before row 0
    expect(recorder.firstKept).toBe(0);
    recorder.release(2);
    expect(recorder.firstKept).toBe(2);
    expect(recorder.length).toBe(5);
    expect(Array.from(recorder.view(2).value)).toEqual([20, 30, 40]);
    expect(Array.from(recorder.view(3).week)).toEqual([3, 4]);
    expect(() => recorder.view(1)).toThrow('rows before 2 were released; cannot view from 1');
    expect(() => recorder.view()).toThrow(/released/);
    recorder.release(1); // already released: nothing happens
    expect(recorder.firstKept).toBe(2);
    expect(recorder.series('x').map((p) => p.week)).toEqual([2, 3, 4]);
    recorder.release(99); // past the end: everything, no further
    expect(recorder.firstKept).toBe(5);
    expect(recorder.length).toBe(5);
    expect(recorder.view(5).length).toBe(0);
    expect(recorder.latest('x')).toBeNaN();
    recorder.recordExtra(5, 'x', 50);
    expect(recorder.length).toBe(6);
    expect(Array.from(recorder.view(5).value)).toEqual([50]);
  });

  it('load replaces the rows, numbering them from firstRow; view past the end is empty', () => {
    const w = world();
    const recorder = new Recorder(w, [info('x')]);
    recorder.recordExtra(0, 'x', 1);
    const k = recorder.indicators.length - 1;
    recorder.load(
      {
        week: Int32Array.from([8, 9, 10]),
        scope: Uint8Array.from([0, 3, 0]),
        group: Uint16Array.from([0, 2, 0]),
        indicator: Uint16Array.from([k, k, k]),
        value: Float64Array.from([1.5, 2.5, 3.5]),
      },
      10,
    );
    expect(recorder.firstKept).toBe(10);
    expect(recorder.length).toBe(13);
    expect(rowsOf(recorder, 'x')).toEqual([
      ['global', 'world', 1.5],
      ['region', 'NBR', 2.5],
      ['global', 'world', 3.5],
    ]);
    expect(Array.from(recorder.view(12).week)).toEqual([10]);
    expect(recorder.view(20).length).toBe(0);
    expect(recorder.latest('x')).toBe(3.5);
    recorder.load({ week: new Int32Array(0), scope: new Uint8Array(0), group: new Uint16Array(0), indicator: new Uint16Array(0), value: new Float64Array(0) });
    expect(recorder.firstKept).toBe(0);
    expect(recorder.length).toBe(0);
  });

  it('grows past its first 1024 rows keeping every row', () => {
    const w = world();
    const recorder = new Recorder(w, [info('x')]);
    for (let i = 0; i < 2100; i++) recorder.recordExtra(i, 'x', i / 2, i % 2 === 0 ? -1 : i % 3);
    expect(recorder.length).toBe(2100);
    const view = recorder.view();
    expect(view.length).toBe(2100);
    for (const i of [0, 1, 1023, 1024, 1025, 2047, 2048, 2099]) {
      expect(view.week[i], `row ${i}`).toBe(i);
      expect(view.value[i], `row ${i}`).toBe(i / 2);
      expect(view.scope[i], `row ${i}`).toBe(i % 2 === 0 ? 0 : 3);
      expect(view.group[i], `row ${i}`).toBe(i % 2 === 0 ? 0 : i % 3);
      expect(view.indicator[i], `row ${i}`).toBe(recorder.indicators.length - 1);
    }
    // A loaded store of more than 1024 rows grows from its own size.
    const big = new Recorder(w, [info('x')]);
    const n = 1500;
    big.load({
      week: Int32Array.from({ length: n }, (_, i) => i),
      scope: new Uint8Array(n),
      group: new Uint16Array(n),
      indicator: new Uint16Array(n).fill(recorder.indicators.length - 1),
      value: Float64Array.from({ length: n }, (_, i) => i),
    });
    big.recordExtra(n, 'x', -1);
    expect(big.length).toBe(n + 1);
    expect(big.view().value[n - 1]).toBe(n - 1);
    expect(big.view().value[n]).toBe(-1);
  });
});

describe('CSV text', () => {
  const rows: IndicatorRows = {
    length: 4,
    week: Int32Array.from([0, 0, 1, 1]),
    scope: Uint8Array.from([0, 1, 2, 3]),
    group: Uint16Array.from([0, 1, 0, 0]),
    indicator: Uint16Array.from([0, 1, 0, 1]),
    value: Float64Array.from([0.1, 0, NaN, 1e21]),
  };
  const groups = [['world'], ['A', 'B "east", C'], ['low'], ['line\nbreak']];
  const indicators = [info('fillRate'), info('smeCount')];

  it('writes a header and one line per row, quoting group names with commas, quotes or line breaks', () => {
    expect(rowsToCsv(rows, indicators, groups)).toBe(
      [
        'tick,scope,group,indicator,value',
        '0,global,world,fillRate,0.1',
        '0,bloc,"B ""east"", C",smeCount,0',
        '1,incomeGroup,low,fillRate,NaN',
        '1,region,"line\nbreak",smeCount,1e+21',
        '',
      ].join('\n'),
    );
    expect(rowsToCsv(rows, indicators, groups, false)).toBe(
      ['0,global,world,fillRate,0.1', '0,bloc,"B ""east"", C",smeCount,0', '1,incomeGroup,low,fillRate,NaN', '1,region,"line\nbreak",smeCount,1e+21', ''].join('\n'),
    );
    expect(rowsToCsv({ ...rows, length: 0 }, indicators, groups, false)).toBe('\n');
  });

  it('formats numbers in their shortest exact form', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-2.5e-7)).toBe('-2.5e-7');
    expect(formatNumber(12)).toBe('12');
  });
});
