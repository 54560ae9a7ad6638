/**
 * Written by `npm run calibrate:hazard` (scripts/calibrate-hazard.ts; docs/CALIBRATION.md): the
 * hazard rates and the expected depth of a disruption fitted to McKinsey Global Institute 2020.
 * Do not edit by hand; rerun the script.
 */
export const HAZARD_FIT = {
  regionHazardPerYear: 0.1414,
  hubHazardPerYear: 0.1414,
  disruptionLossDepth: 0.607,
} as const;
