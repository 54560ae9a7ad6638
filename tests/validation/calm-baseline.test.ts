import { describe, expect, it } from 'vitest';
import { CALM_BASELINE_KNOWN_FAILURES } from '../../src/validation/calm-known-failures.ts';
import { calmBaselineChecks, type CalmBaselineResult } from '../../src/validation/calm-baseline.ts';
import { EXIT_CALIBRATION_SETTINGS } from '../../src/calibration/exits.ts';

/**
 * MODEL.md §9.6's calm-year targets (issue 12), at reduced scale: two-hubs baseline, the project's
 * reduced settings (20 seeds at scale 0.5, two workers; about half a minute).
 *
 * SME exits. Before §9.6's calibration SMEs exited at 24.0% a year [21.4%, 26.6%] (10 seeds, scale
 * 0.2; 24.0% with entries at 25.4% at these settings): 72% of the exits were entrants under six
 * months old, started below what their region's local market pays incumbents for, and entry ran at
 * smeEntryRate 0.1 × (1 + literacy) × (1 + demand growth⁺). The exit rule's own parameters hardly
 * mattered (smeExitWeeks 8 → 52: 24% → 19.5%). The calibrated rule is pre-entry selection
 * (`entrantMinCapabilityShare`, fitted by `npm run calibrate:exits` on these very runs; see
 * docs/CALIBRATION.md): at its fit, 0.809 (refitted after §9.2's inputs and §9.5's last mile were
 * merged; 0.825 before them, 0.831 before §9.4–§9.6), SMEs exit at 9.0% a year [8.5%, 9.4%] and
 * enter at 11.1%, and the check passes. These settings, not the 10 seeds at scale 0.2 the check first ran
 * at: there the seeds' spread (sd ≈ 2 pp) made the 90% interval of the mean ±1.3 pp, wider than the
 * 2-pp band (the first fit, 0.832, gave [7.7%, 10.3%]).
 *
 * Trust in government: §9.6's flat trust is built as shortages judged against the share people are
 * used to losing (`governmentShortageMemoryWeeks`, docs/ODD.md Departures item 33). τG's largest
 * departure from its start over ten calm years: 0.051 [0.043, 0.059] with shortages judged against
 * none (the former rule), 0.041 [0.034, 0.047] with it (target within ±0.02), 0.010 [0.008, 0.013] with
 * `governmentUnemploymentWeight` = 0 too. Later model changes moved it to 0.030 [0.026, 0.034]; with τG
 * held through the warm-up (`governmentTrustHeld`) it is 0.026 [0.023, 0.030] here and 0.023
 * [0.020, 0.025] at full settings: unemployment's calm-year swings carry what is left, so the check
 * still fails.
 */
const SETTINGS = EXIT_CALIBRATION_SETTINGS;

const KNOWN_FAILURES = CALM_BASELINE_KNOWN_FAILURES;

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
