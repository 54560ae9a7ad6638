import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { PIPELINE_WEEKS, canShip, currentFreight, currentLeadTime, tariffRate } from '../../src/model/geography.ts';
import { domesticRawPrice } from '../supplier/index.ts';

const RAW_COST_MEMORY = 0.2;

/**
 * Phase 7 — the SME pass of rationing and shipping: each SME ships what it made to its buyer
 * (gathered per plant in scratch, in id order), and pulls its hub's published raw fill fraction
 * and its domestic source's fill of what they owe it into its own pipeline, paying on dispatch.
 * Buyers' exposure (first tier, and second tier for digitally visible SMEs) is marked here.
 */
export function shipSmeGoods(world: World): void {
  const { smes, plants, hubs, firms, regions, geo, params, ledger, scratch, tick } = world;
  const P = plants.count;
  const R = regions.count;
  const cap = smes.capacity;
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
  const domesticPrice = domesticRawPrice(world);
  const domesticLead = Math.max(1, params.handlingWeeks);
  const delta = params.riskMemoryRate;
  const hazardRate = 1 / params.hazardMemoryWeeks;
  const hazardPrior = params.hazardPerRegionYear / 52;
  for (let i = 0; i < smes.count; i++) {
    smes.spend[i] = 0;
    smes.revenue[i] = smes.localRevenue[i];
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    // Components to the buyer.
    const p = smes.buyerPlant[i];
    if (p !== NO_BUYER) {
      const destination = plants.region[p];
      const owed = smes.owedToBuyer[i];
      const shipped = smes.chainOutput[i];
      scratch.plantSmeOwed[p] += owed;
      const lead = currentLeadTime(geo, regions, r, destination);
      scratch.plantSmeLeadWeighted[p] += smes.contractCapacity[i] * lead;
      const firm = plants.firm[p];
      firms.exposure[firm * R + r] = 1;
      const source = smes.rawSource[i];
      if (smes.digital[i] && source >= 0 && smes.rawHubShare[i] > 0.05) firms.exposure[firm * R + hubs.region[source]] = 1;
      const shortfall = owed > 0 ? 1 - shipped / owed : 0;
      smes.riskPerception[i] += delta * (shortfall - smes.riskPerception[i]);
      if (shipped > 0) {
        smes.owedToBuyer[i] = owed - shipped;
        scratch.plantSmeIncoming[((tick + lead) % PIPELINE_WEEKS) * P + p] += shipped;
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
    }
    // Raw inputs from the hub.
    let rawBought = 0;
    let rawSpend = 0;
    const source = smes.rawSource[i];
    if (source >= 0 && smes.owedByHub[i] > 0) {
      const origin = hubs.region[source];
      const fill = canShip(regions, origin, r) ? hubs.rawFill[source] : 0;
      const shipped = fill * smes.owedByHub[i];
      smes.hubReliability[i] += params.reorderShiftRate * (fill - smes.hubReliability[i]);
      if (shipped > 0) {
        smes.owedByHub[i] -= shipped;
        const lead = currentLeadTime(geo, regions, origin, r);
        smes.rawPipeline[((tick + lead) % PIPELINE_WEEKS) * cap + i] += shipped;
        const payment = hubs.rawPrice[source] * shipped;
        const freight = currentFreight(geo, regions, origin, r) * shipped;
        const tariff = tariffRate(regions, origin, r) * payment;
        scratch.hubRawRevenue[source] += payment;
        scratch.hubRawShipped[source] += shipped;
        ledger.freight += freight;
        ledger.tariffs += tariff;
        rawBought += shipped;
        rawSpend += payment + freight + tariff;
      }
    }
    smes.rawHubShare[i] = source >= 0 ? smes.hubReliability[i] : 0;
    // ĥ of the hub region it buys from: it sees onsets there; otherwise its memory relaxes to the prior.
    const seen = source >= 0 ? regions.disruptionOnset[hubs.region[source]] : hazardPrior;
    smes.observedHazard[i] += hazardRate * (seen - smes.observedHazard[i]);
    // Raw inputs from the domestic source.
    if (smes.owedByDomestic[i] > 0) {
      const shipped = smes.owedByDomestic[i] * regions.capacityFactor[r];
      if (shipped > 0) {
        smes.owedByDomestic[i] -= shipped;
        smes.rawPipeline[((tick + domesticLead) % PIPELINE_WEEKS) * cap + i] += shipped;
        const payment = domesticPrice * shipped;
        ledger.domesticRawPurchases += payment;
        rawBought += shipped;
        rawSpend += payment;
      }
    }
    if (rawBought > 0) {
      smes.cash[i] -= rawSpend;
      smes.spend[i] += rawSpend;
      smes.rawCost[i] += RAW_COST_MEMORY * (rawSpend / rawBought - smes.rawCost[i]);
    }
  }
  for (let j = 0; j < hubs.count; j++) {
    hubs.cash[j] += scratch.hubRawRevenue[j];
    hubs.revenue[j] += scratch.hubRawRevenue[j];
  }
}
