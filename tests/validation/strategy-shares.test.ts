import { describe, expect, it } from 'vitest';
import { STRATEGY_SHARES_KNOWN_FAILURES } from '../../src/validation/calm-known-failures.ts';
import { strategyShareChecks, type StrategyShareResult } from '../../src/validation/strategy-shares.ts';
import { REDUCED_SETTINGS } from '../../src/validation/types.ts';

/**
 * Issue 12's "done when" checks for learning firms (MODEL.md §9.1), at reduced scale: two-hubs,
 * 10 seeds at scale 0.2, ten years per arm (six arms, about half a minute on two workers).
 *
 * Measured at this scale, with §9.2's inputs, §9.5's last mile and the refits merged: non-GLOBAL
 * share over the last five of ten years 11.9% [9.1%, 14.7%] at defaults (below the [20%, 70%] goal);
 * freight +20% +2.0 pp [0.2, 3.9], freight −20% −1.25 pp [−2.30, −0.20], hub hazard +20% +0.17 pp
 * [−0.14, 0.47], −20% −0.08 pp [−0.36, 0.19], a 10% tariff on other blocs +6.7 pp [3.7, 9.7].
 * Every mean moves the expected way; the checks below ask for the paired 90% CI to lie on that
 * side, and three do not (before these merges: 13.2% [10.9%, 15.5%], freight +20% +0.25 pp
 * [−0.26, 0.76] failing too, tariff +10.7 pp).
 */
const SETTINGS = { ...REDUCED_SETTINGS, seeds: 10, twoHubsScale: 0.2, workers: 2 };

const KNOWN_FAILURES = STRATEGY_SHARES_KNOWN_FAILURES;

let result: Promise<StrategyShareResult> | undefined;
const measured = () => (result ??= strategyShareChecks(SETTINGS));

describe('§9.1 strategy shares in two-hubs (issue 12, done when)', () => {
  it('measures every arm over every seed', async () => {
    const { checks, means } = await measured();
    expect(checks).toHaveLength(6);
    for (const c of checks) {
      expect(Number.isFinite(c.interval.mean), c.name).toBe(true);
      expect(c.interval.n, c.name).toBe(SETTINGS.seeds);
    }
    for (const share of Object.values(means)) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  });

  it(`fails exactly the known checks [${KNOWN_FAILURES.mechanism}]`, async () => {
    const { checks } = await measured();
    expect(checks.filter((c) => !c.pass).map((c) => c.name)).toEqual(KNOWN_FAILURES.checks);
  });
});
