import type { World } from './world.ts';
import { pow } from '../sim/math.ts';

/**
 * Demand follows income (MODEL.md §9.2): a region's demand × (its labour income over its trend) to
 * the power `elasticity` — 1 for the local market, η for final goods — so layoffs in a region lower
 * what it buys, at home and abroad. 1 when `demandFollowsIncome` is off (the P2 ablation).
 */
export function incomeDemandFactor(world: World, region: number, elasticity: number): number {
  const { communityRegions } = world;
  if (!world.params.demandFollowsIncome) return 1;
  const ratio = communityRegions.incomeRatio[region];
  return ratio === 1 ? 1 : pow(ratio, elasticity);
}
