import type { World } from '../../src/model/world.ts';
import { customerLossFactor, riskWeight } from './strategy.ts';
import { closeHub, distributionRegion } from './last-mile.ts';

/** Per unit sold in a bloc: the cost of serving it direct and through a distribution hub ($, §9.5). */
export interface LastMileCosts {
  direct: number;
  hub: number;
}

/**
 * The two costs of §9.5's choice, per unit sold in bloc b, priced as C_k's risk term is (§7.1, §9.1):
 * a stop at the plant that serves the bloc (observed hazard ĥ, mean length d̄) loses sales for the
 * weeks its finished stock does not cover — `cover` at the plant, `cover + lastMileCoverWeeks` with a
 * hub — at margin · depth · (1 + β_a(1 − s_f)), weighted by π/π0. The hub adds its holding cost:
 * `lastMileCoverWeeks` of stock at unit cost × `finishedHoldingCostPerYear` / 52.
 */
export function lastMileCosts(world: World, firm: number, plant: number): LastMileCosts {
  const { firms, plants, regions, params } = world;
  const unitCost = plants.unitCost[plant];
  const hazard = firms.observedHazard[firm * regions.count + plants.region[plant]];
  const perWeekLost =
    riskWeight(world, firm) * hazard * params.markup * unitCost * params.disruptionLossDepth * (1 + customerLossFactor(world, firm));
  const uncovered = (cover: number) => Math.max(0, params.meanDisruptionWeeks - cover);
  const holding = (params.lastMileCoverWeeks * unitCost * params.finishedHoldingCostPerYear) / 52;
  return {
    direct: perWeekLost * uncovered(params.inventoryCoverWeeks),
    hub: holding + perWeekLost * uncovered(params.inventoryCoverWeeks + params.lastMileCoverWeeks),
  };
}

/**
 * Whether firm f holds a hub in bloc b next quarter: by the logit of §9.1, temperature `strategyTemp`
 * × the mean of the two costs compared (the unit cost both options share does not enter: on its
 * scale the choice would be a coin toss, docs/ODD.md departure 31), Gumbel draws keyed by
 * firm-bloc, tick and option. Only blocs the firm sells in; `lastMileHubs` = none or all forces it.
 */
function wantsHub(world: World, firm: number, bloc: number, plant: number): boolean {
  const { firms, plants, params, tick } = world;
  const hub = firm * plants.blocCount + bloc;
  if (params.lastMileHubs === 'none' || firms.demandByBloc[hub] <= 0 || plant < 0) return false;
  if (params.lastMileHubs === 'all') return true;
  const costs = lastMileCosts(world, firm, plant);
  const temperature = params.strategyTemp * Math.max((costs.direct + costs.hub) / 2, 1e-12);
  const draws = world.draws.for('firm.lastMile');
  return -costs.hub / temperature + draws.gumbel(hub, tick, 1) > -costs.direct / temperature + draws.gumbel(hub, tick, 0);
}

/**
 * Phase 5, quarterly (§9.5): every living firm chooses, per bloc, whether to hold finished goods in a
 * distribution hub there. A new hub starts empty and forecasts the firm's demand in the bloc; a closed
 * hub's stock returns to the home plant.
 */
export function chooseDistributionHubs(world: World): void {
  const { firms, plants, regions, scratch } = world;
  const B = plants.blocCount;
  for (let f = 0; f < firms.count; f++) {
    if (!firms.alive[f]) continue;
    for (let b = 0; b < B; b++) {
      const hub = f * B + b;
      const region = distributionRegion(world, b);
      const serving = region < 0 ? -1 : scratch.servingPlant[f * regions.count + region];
      const plant = serving >= 0 && plants.active[serving] ? serving : f * B + firms.homeBloc[f];
      const wanted = wantsHub(world, f, b, plants.active[plant] ? plant : -1);
      if (wanted && !firms.distributionHub[hub]) {
        firms.distributionHub[hub] = 1;
        firms.hubForecast[hub] = firms.demandByBloc[hub];
      } else if (!wanted && firms.distributionHub[hub]) {
        closeHub(world, hub);
      }
    }
  }
}
