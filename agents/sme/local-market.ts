import type { World } from '../../src/model/world.ts';
import { capabilityProductivity, grossOutputFactor, smeComponentCapacity } from './costs.ts';
import { refreshInputsPerSale } from './inputs.ts';
import { servableDemand, takeImportedInputs } from './importers.ts';
import { exp } from '../../src/sim/math.ts';
import { incomeDemandFactor } from '../../src/model/income-demand.ts';

/**
 * Phase 4 (local markets, §2, §7.5, §9.4) — the SME side of each region's local market for
 * components and services. The region's demand (`localMarketShare` of its GDP, × shock multiplier
 * × the income factor of §9.2 × demand noise) is set by `setLocalDemand`; the model splits it
 * between the SME side and hub imports (src/model/local-market.ts) and writes the SME side's $
 * into `regions.localSmeDemand`, which SMEs share by capacity × capability — through a customer
 * base that follows capacity × capability with a lag of `customerMemoryWeeks`, so shedding staff
 * does not lose customers at once. An SME serves its share up to the labour left after its chain
 * work; what first choices cannot serve goes to SMEs with spare capacity, in proportion to it
 * (customers turn to other local suppliers). SME-side demand no SME can serve is lost.
 */
export function serveSmeSide(world: World): void {
  serveFirstChoices(world);
  serveRemainder(world);
}

/** This week's local demand of each region, and its revenue per worker-week at capability productivity 1. */
export function setLocalDemand(world: World): void {
  const { regions, params, scratch, economy, smeRegions } = world;
  const revenuePerWorkerBase = scratch.regionLocalRevenueBase;
  const sd = params.demandNoiseSd;
  for (let r = 0; r < regions.count; r++) {
    smeRegions.localDemand[r] =
      regions.localMarketBase[r] *
      regions.localDemandMultiplier[r] *
      incomeDemandFactor(world, r, params.localDemandIncomeElasticity) *
      exp(regions.demandNoise[r] - (sd * sd) / 2);
    smeRegions.localServed[r] = 0;
    // Sales per worker-week at capability productivity 1 (gross output, §9.2), this week's local-services capacity factor included.
    revenuePerWorkerBase[r] =
      (regions.wage[r] * (1 + params.markup) * grossOutputFactor(params.localInputShare) * regions.localServicesCapacityFactor[r]) /
      economy.referenceSmeProductivity;
  }
}

/** Each SME's customer base follows its capacity × capability with a lag of `customerMemoryWeeks`; regions sum them (`scratch.regionSmeWeight`). */
export function followCustomers(world: World): void {
  const { smes, regions, params, scratch } = world;
  const weight = scratch.regionSmeWeight;
  weight.fill(0);
  const follow = 1 / params.customerMemoryWeeks;
  const perUnitLabour = params.labourPerComponent;
  const { alive, region, employees, capability, customers } = smes;
  for (let i = 0; i < smes.count; i++) {
    if (!alive[i]) continue;
    // customerTarget, written out (the same arithmetic, without calls in the hot loop).
    const target = ((employees[i] * (regions.productivity[region[i]] * (0.5 + 0.5 * capability[i]))) / perUnitLabour) * capability[i];
    customers[i] += follow * (target - customers[i]);
    weight[region[i]] += customers[i];
  }
}

/**
 * First round: shares by customer base of the demand the region's imported inputs allow
 * (Leontief, §9.2), up to each SME's local capacity ($ this week) after its chain work: the lesser
 * of its labour's and its domestic inputs' (input stock left after the chain work, over the
 * domestic inputs a $ of sales uses).
 */
function serveFirstChoices(world: World): void {
  const { smes, regions, params, scratch, smeRegions } = world;
  const weight = scratch.regionSmeWeight;
  const spare = scratch.regionGrantDemand;
  const revenuePerWorkerBase = scratch.regionLocalRevenueBase;
  const servable = scratch.regionServableDemand;
  spare.fill(0);
  const inputsPerSale = refreshInputsPerSale(world);
  for (let r = 0; r < regions.count; r++) servable[r] = servableDemand(world, r, inputsPerSale.imported[r]);
  const perUnitLabour = params.labourPerComponent;
  const { alive, region, employees, capability, customers, localRevenue, localLabour, owedToBuyer, ordersLastWeek } = smes;
  for (let i = 0; i < smes.count; i++) {
    localRevenue[i] = 0;
    localLabour[i] = 0;
    if (!alive[i]) continue;
    const r = region[i];
    if (weight[r] <= 0) continue;
    const productivity = capabilityProductivity(capability[i]);
    // Labour is held back only for the chain work the SME can actually do this week (its raw stock).
    const chainWork = Math.min(owedToBuyer[i] + ordersLastWeek[i], smes.rawStock[i]);
    const chainLabour = Math.min(employees[i], (chainWork * perUnitLabour) / (regions.productivity[r] * productivity));
    const perSale = inputsPerSale.domestic[r];
    const inputCapacity = perSale > 0 ? (smes.rawStock[i] - chainWork) / perSale : Infinity;
    const capacity = Math.max(0, Math.min((employees[i] - chainLabour) * revenuePerWorkerBase[r] * productivity, inputCapacity));
    const served = Math.min((servable[r] * customers[i]) / weight[r], capacity);
    localRevenue[i] = served;
    localLabour[i] = capacity - served; // spare capacity until the second round
    smeRegions.localServed[r] += served;
    spare[r] += capacity - served;
  }
}

/**
 * Second round: the unserved remainder of the servable demand goes to SMEs in proportion to their
 * spare capacity; SMEs are paid and use their inputs — domestic ones from their stock, imported
 * ones from their region's importer (paid for in phase 7, `payImporter`).
 */
function serveRemainder(world: World): void {
  const { smes, regions, ledger, scratch, smeRegions } = world;
  const spare = scratch.regionGrantDemand;
  const revenuePerWorkerBase = scratch.regionLocalRevenueBase;
  const fillSpare = scratch.regionSecondRoundShare;
  for (let r = 0; r < regions.count; r++) {
    const remainder = scratch.regionServableDemand[r] - smeRegions.localServed[r];
    fillSpare[r] = remainder > 0 && spare[r] > 0 ? Math.min(1, remainder / spare[r]) : 0;
    smeRegions.localServed[r] += fillSpare[r] * spare[r];
  }
  const { alive, region, capability, localRevenue, localLabour } = smes;
  let spending = 0;
  let inputsUsed = 0;
  smeRegions.smeLocalLabour.fill(0);
  const inputsPerSale = refreshInputsPerSale(world);
  for (let i = 0; i < smes.count; i++) {
    if (!alive[i]) continue;
    const r = region[i];
    const served = localRevenue[i] + localLabour[i] * fillSpare[r];
    localRevenue[i] = served;
    const perWorker = revenuePerWorkerBase[r] * capabilityProductivity(capability[i]);
    localLabour[i] = perWorker > 0 ? served / perWorker : 0;
    smeRegions.smeLocalLabour[r] += localLabour[i];
    smes.cash[i] += served;
    spending += served;
    const used = Math.min(smes.rawStock[i], served * inputsPerSale.domestic[r]);
    smes.rawStock[i] -= used;
    inputsUsed += used;
    if (served > 0) takeImportedInputs(world, i, served * inputsPerSale.imported[r]);
  }
  ledger.localMarketSpending += spending;
  ledger.localInputsUsed += inputsUsed;
}

/** The customer base an SME's capacity × capability would hold in the long run. */
export function customerTarget(world: World, id: number): number {
  return smeComponentCapacity(world, id) * world.smes.capability[id];
}
