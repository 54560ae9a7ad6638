/**
 * Written by `npm run calibrate:exits` (scripts/calibrate-exits.ts; docs/CALIBRATION.md, "SME
 * exits"): the entry threshold fitted to OECD business demography death rates (MODEL.md §9.6).
 * Do not edit by hand; rerun the script.
 */
export const EXITS_FIT = {
  entrantMinCapabilityShare: 0.809,
} as const;
