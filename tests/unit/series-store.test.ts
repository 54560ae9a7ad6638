import { describe, expect, it } from 'vitest';
import { BoundedSeries, MAX_POINTS } from '../../src/app/series-store.ts';

/** The app's chart series: bounded memory over a long session, evenly thinned, latest week shown. */
describe('BoundedSeries', () => {
  const fill = (weeks: number) => {
    const series = new BoundedSeries();
    for (let w = 0; w < weeks; w++) series.add(w, w * 10);
    return series.view();
  };

  it('keeps every week while there is room', () => {
    const { weeks, values } = fill(100);
    expect(Array.from(weeks)).toEqual(Array.from({ length: 100 }, (_, w) => w));
    expect(values[99]).toBe(990);
  });

  it('never holds more than MAX_POINTS + 1 points, however long the run', () => {
    for (const n of [MAX_POINTS, MAX_POINTS + 1, 3 * MAX_POINTS + 7, 40 * MAX_POINTS]) {
      expect(fill(n).weeks.length).toBeLessThanOrEqual(MAX_POINTS + 1);
      expect(fill(n).weeks.length).toBeGreaterThanOrEqual(MAX_POINTS / 2);
    }
  });

  it('spans the whole run at an even stride and ends on the latest week', () => {
    const n = 5 * MAX_POINTS + 3;
    const { weeks, values } = fill(n);
    expect(weeks[0]).toBe(0);
    expect(weeks[weeks.length - 1]).toBe(n - 1);
    const gaps = new Set(Array.from(weeks.subarray(1, weeks.length - 1)).map((w, k) => w - weeks[k]));
    expect(gaps.size).toBe(1);
    for (let k = 0; k < weeks.length; k++) expect(values[k]).toBe(weeks[k] * 10);
  });

  it('remembers the latest raw values for trends', () => {
    const series = new BoundedSeries();
    for (let w = 0; w < 3 * MAX_POINTS; w++) series.add(w, w);
    expect(series.recentValue(0)).toBe(3 * MAX_POINTS - 1);
    expect(series.recentValue(4)).toBe(3 * MAX_POINTS - 5);
    expect(series.recentValue(100)).toBeNaN();
  });
});
