/** A link's `weeks`: how long the app's run lasts (the scenario's or lesson's own length when absent). */
import { describe, expect, it } from 'vitest';
import { decodeState, defaultState, encodeState, runRequest, scenarioFile } from '../../src/app/app-state.ts';
import { MAX_WEEKS } from '../../src/model/scenario.ts';

describe('app link: run length', () => {
  it('round-trips through the link and sets the run’s and the exported scenario’s weeks', () => {
    const state = { ...defaultState(), weeks: 624 };
    const decoded = decodeState(encodeState(state));
    expect(decoded.weeks).toBe(624);
    expect(runRequest(decoded).weeks).toBe(624);
    expect(scenarioFile(decoded).weeks).toBe(624);
  });

  it('is left out of the link when absent, and the run keeps the scenario’s length', () => {
    expect(encodeState(defaultState())).not.toContain('weeks=');
    expect(runRequest(decodeState(encodeState(defaultState()))).weeks).toBeUndefined();
  });

  it('ignores a value that is not a whole number of weeks from 1 to the scenario files’ maximum', () => {
    for (const bad of ['0', '-5', '2.5', 'ten', String(MAX_WEEKS + 1)]) {
      expect(decodeState(`#world=two-hubs&weeks=${bad}`).weeks, bad).toBe(0);
    }
    expect(decodeState(`#world=two-hubs&weeks=${MAX_WEEKS}`).weeks).toBe(MAX_WEEKS);
  });
});
