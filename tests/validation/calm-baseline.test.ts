import { describe, expect, it } from 'vitest';
import { calmBaselineChecks, type CalmBaselineResult } from '../../src/validation/calm-baseline.ts';
import { REDUCED_SETTINGS } from '../../src/validation/types.ts';

/**
 * MODEL.md §9.6's calm-year targets (issue 12), at reduced scale: two-hubs baseline, 10 seeds at
 * scale 0.2, ten years (a few seconds on two workers).
 *
 * Measured at this scale (commit of this test): SMEs exit at 24.0% a year [21.4%, 26.6%] over years
 * 2–10 (target 8–10%), and trust in government moves up to 0.058 [0.046, 0.071] from its start
 * (target within ±0.02). Both checks fail: §9.6's calibration of SME exits and its flat trust in
 * calm years are not built yet.
 *
 * For whoever builds it: the exit rate hardly depends on the exit rule's own parameters (6 seeds:
 * smeExitWeeks 8 → 24.1%, 13 → 23.3%, 26 → 21.3%, 52 → 19.5%; smeCashTargetWeeks 16 or
 * smeDrawRate 0.02 change nothing), so fitting `smeExitWeeks` alone cannot reach 8–10%: the SMEs
 * that exit run at a loss for good, which is a matter of their costs and markets, not of buffers.
 * Who exits (two-hubs, scale 1, seed 1, years 2–10: 1,602 exits): 72% are entrants less than six
 * months old and 88% have one employee; SMEs older than a year exit at about 4% a year. Entry runs
 * at about 22% a year too (smeEntryRate 0.1 × slots × (1 + literacy)), against the 8–12% birth
 * rate its source cites. Entrants start below their region's break-even capability: at
 * entrantCapabilityShare = 1 the exit rate is 12.2% [10.2, 14.3] (6 seeds), at smeCashWeeks = 8
 * 15.3%, at entrantCustomerShare = 1 17.3% — so the rule to calibrate is the entrants' start.
 */
const SETTINGS = { ...REDUCED_SETTINGS, seeds: 10, twoHubsScale: 0.2, workers: 2 };

const KNOWN_FAILURES = {
  checks: ['SME exits per calm year, share of SMEs (years 2–10)', 'largest change of trust in government over ten calm years'],
  mechanism:
    'SMEs exit after smeExitWeeks = 8 weeks of negative cash, and in the calm baseline about a quarter of them a year run out (thin buffers, demand noise); nothing fits that rule to the OECD death rates yet. With no programme spending in the calm baseline, trust in government moves only with unemployment around baseUnemployment and with the share of final deliveries lost (agents/community/systems.ts); both depart from those levels over the years, and nothing pulls trust back to where it started (three seeds: 0.47 → 0.43, 0.44 → 0.42, 0.57 → 0.52 over ten years).',
};

let result: Promise<CalmBaselineResult> | undefined;
const measured = () => (result ??= calmBaselineChecks(SETTINGS));

describe('§9.6 calm-year targets in two-hubs (issue 12)', () => {
  it('measures every seed', async () => {
    const { checks, exitRates, trustDrifts } = await measured();
    expect(checks).toHaveLength(2);
    expect(exitRates).toHaveLength(SETTINGS.seeds);
    for (const rate of exitRates) expect(rate).toBeGreaterThan(0);
    for (const drift of trustDrifts) expect(drift).toBeGreaterThanOrEqual(0);
  });

  it(`fails exactly the known checks [${KNOWN_FAILURES.mechanism}]`, async () => {
    const { checks } = await measured();
    expect(checks.filter((c) => !c.pass).map((c) => c.name)).toEqual(KNOWN_FAILURES.checks);
  });
});
