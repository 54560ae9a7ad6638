import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { canShip, currentFreight, currentLeadTime, tariffRate } from '../../src/model/geography.ts';
import { dispatchHubRaw } from './sourcing.ts';
import { domesticRawPrice, recycledRawPrice } from '../supplier/index.ts';
import { CIRCULAR_PROCUREMENT_SUBSIDY, paySubsidy } from '../policymaker/index.ts';
import { RECYCLED_LEAD_WEEKS } from './ordering.ts';
import { payImporter, shipImportedInputs } from './importers.ts';
import { refreshInputsPerSale } from './inputs.ts';

/** This week's constants of the SME shipping pass. */
interface ShippingWeek {
  domesticPrice: number;
  recycledPrice: number;
  domesticLead: number;
  hazardRate: number;
  hazardPrior: number;
}

/**
 * Phase 7 — the SME pass of rationing and shipping: each SME ships what it made to its buyer
 * (gathered per plant in scratch, in id order), and pulls its hub's published raw fill fraction
 * and its domestic and recycled sources' fill of what they owe it into its own pipeline, paying on
 * dispatch (recycled inputs net of the circular-procurement subsidy, §9.5); it pays its region's
 * importer for the imported inputs its local sales used, and hubs ship to importers (§9.2).
 * Buyers' exposure through SMEs (first tier, and second tier for digitally visible SMEs) is
 * marked in the SME kind's own buffer, `smeSupplyExposure`, which firms read.
 */
export function shipSmeGoods(world: World): void {
  const { smes, params } = world;
  clearShippingTallies(world);
  const week: ShippingWeek = {
    domesticPrice: domesticRawPrice(world),
    recycledPrice: recycledRawPrice(world),
    domesticLead: Math.max(1, params.handlingWeeks),
    hazardRate: 1 / params.hazardMemoryWeeks,
    hazardPrior: params.hazardPerRegionYear / 52,
  };
  const importedPerSale = refreshInputsPerSale(world).imported;
  for (let i = 0; i < smes.count; i++) {
    smes.spend[i] = 0;
    smes.revenue[i] = smes.localRevenue[i];
    if (!smes.alive[i]) continue;
    if (smes.buyerPlant[i] !== NO_BUYER) shipToBuyer(world, i);
    buyRawInputs(world, i, week);
    payImporter(world, i, smes.localRevenue[i] * importedPerSale[smes.region[i]]);
  }
  shipImportedInputs(world);
}

/** Empties the per-plant and per-hub tallies of the SME pass and the SMEs' exposure buffer. */
function clearShippingTallies(world: World): void {
  const { scratch } = world;
  world.smeSupplyExposure.byFirmRegion.fill(0);
  scratch.plantSmeIncoming.fill(0);
  scratch.plantSmePayment.fill(0);
  scratch.plantSmeFreight.fill(0);
  scratch.plantSmeTariff.fill(0);
  scratch.plantSmeOwed.fill(0);
  scratch.plantSmeShipped.fill(0);
  scratch.plantSmeLocal.fill(0);
  scratch.plantSmeBloc.fill(0);
  scratch.plantSmeCo2.fill(0);
  scratch.plantSmeLeadWeighted.fill(0);
  scratch.hubRawRevenue.fill(0);
  scratch.hubRawShipped.fill(0);
}

/**
 * SME `i` ships this week's chain output toward what it owes its buyer plant, which pays price,
 * freight and tariff on dispatch; the buyer's exposure is marked (its region, and the hub region
 * of a visible SME's raw inputs); the SME's risk perception follows its own shortfall (§7.1).
 */
function shipToBuyer(world: World, i: number): void {
  const { smes, plants, hubs, regions, geo, params, ledger, scratch, tick } = world;
  const P = plants.count;
  const R = regions.count;
  const exposure = world.smeSupplyExposure.byFirmRegion;
  const r = smes.region[i];
  const p = smes.buyerPlant[i];
  const destination = plants.region[p];
  const owed = smes.owedToBuyer[i];
  const shipped = smes.chainOutput[i];
  scratch.plantSmeOwed[p] += owed;
  const lead = currentLeadTime(geo, regions, r, destination);
  scratch.plantSmeLeadWeighted[p] += smes.contractCapacity[i] * lead;
  const firm = plants.firm[p];
  exposure[firm * R + r] = 1;
  const source = smes.rawSource[i];
  if (smes.digital[i] && source >= 0 && smes.rawHubShare[i] > params.tier2VisibleMinHubShare) {
    exposure[firm * R + hubs.region[source]] = 1;
  }
  const shortfall = owed > 0 ? 1 - shipped / owed : 0;
  smes.riskPerception[i] += params.riskMemoryRate * (shortfall - smes.riskPerception[i]);
  if (shipped <= 0) return;
  smes.owedToBuyer[i] = owed - shipped;
  scratch.plantSmeIncoming[((tick + lead) % world.geo.pipelineWeeks) * P + p] += shipped;
  const payment = smes.price[i] * shipped;
  const freight = currentFreight(geo, regions, r, destination) * shipped;
  const tariff = tariffRate(regions, r, destination) * payment;
  scratch.plantSmePayment[p] += payment;
  scratch.plantSmeFreight[p] += freight;
  scratch.plantSmeTariff[p] += tariff;
  ledger.freight += freight;
  ledger.tariffs += tariff;
  smes.cash[i] += payment;
  smes.revenue[i] += payment;
  scratch.plantSmeShipped[p] += shipped;
  if (r === destination) scratch.plantSmeLocal[p] += shipped;
  if (regions.bloc[r] === regions.bloc[destination]) scratch.plantSmeBloc[p] += shipped;
  scratch.plantSmeCo2[p] += shipped * geo.distanceKm[r * R + destination] * params.co2PerUnitKm;
  scratch.plantSourceRegion[p * R + r] = 1;
}

/**
 * SME `i` pulls its hub's published raw fill of what the hub owes it, and its domestic source's
 * capacity factor of what that owes it, into its pipeline, paying on dispatch; its record of the
 * hub follows the fill, and its ĥ follows onsets in the hub's region (else relaxes to the prior).
 */
function buyRawInputs(world: World, i: number, week: ShippingWeek): void {
  const { smes, hubs, regions, geo, params, ledger, tick } = world;
  const source = smes.rawSource[i];
  const r = smes.region[i];
  let rawBought = 0;
  let rawSpend = 0;
  if (source >= 0 && smes.owedByHub[i] > 0) {
    const origin = hubs.region[source];
    const fill = canShip(regions, origin, r) ? hubs.rawFill[source] : 0;
    const shipped = fill * smes.owedByHub[i];
    smes.hubReliability[i] += params.reorderShiftRate * (fill - smes.hubReliability[i]);
    if (shipped > 0) {
      smes.owedByHub[i] -= shipped;
      const lead = currentLeadTime(geo, regions, origin, r);
      smes.rawPipeline[i * smes.pipelineWeeks + ((tick + lead) % smes.pipelineWeeks)] += shipped;
      rawBought += shipped;
      rawSpend += dispatchHubRaw(world, source, r, shipped);
    }
  }
  smes.rawHubShare[i] = source >= 0 ? smes.hubReliability[i] : 0;
  const seen = source >= 0 ? regions.disruptionOnset[hubs.region[source]] : week.hazardPrior;
  smes.observedHazard[i] += week.hazardRate * (seen - smes.observedHazard[i]);
  if (smes.owedByDomestic[i] > 0) {
    const shipped = smes.owedByDomestic[i] * regions.rawCapacityFactor[r];
    if (shipped > 0) {
      smes.owedByDomestic[i] -= shipped;
      smes.rawPipeline[i * smes.pipelineWeeks + ((tick + week.domesticLead) % smes.pipelineWeeks)] += shipped;
      const payment = week.domesticPrice * shipped;
      ledger.domesticRawPurchases += payment;
      rawBought += shipped;
      rawSpend += payment;
    }
  }
  if (smes.owedByRecycled[i] > 0) {
    const shipped = smes.owedByRecycled[i] * regions.rawCapacityFactor[r];
    if (shipped > 0) {
      smes.owedByRecycled[i] -= shipped;
      smes.rawPipeline[i * smes.pipelineWeeks + ((tick + RECYCLED_LEAD_WEEKS) % smes.pipelineWeeks)] += shipped;
      const payment = week.recycledPrice * shipped;
      ledger.recycledRawPurchases += payment;
      // The circular-procurement subsidy (§9.5) pays its share of the price, within the budget.
      const subsidy = paySubsidy(world, r, CIRCULAR_PROCUREMENT_SUBSIDY, regions.circularSubsidy[r] * payment);
      rawBought += shipped;
      rawSpend += payment - subsidy;
    }
  }
  if (rawBought > 0) {
    smes.cash[i] -= rawSpend;
    smes.spend[i] += rawSpend;
    smes.rawCost[i] += params.smeRawCostMemoryRate * (rawSpend / rawBought - smes.rawCost[i]);
  }
}
