import type { World } from '../../src/model/world.ts';
import { canShip, currentFreight, currentLeadTime, tariffRate } from '../../src/model/geography.ts';


/**
 * Phase 7 — plants pull from each hub its published fill fraction of what the hub owes them
 * (so each agent writes only its own state, §7.3); shipments enter the plant's pipeline with
 * their lead time; the plant pays price, freight and tariff on dispatch (the hub's receipts go to
 * `scratch.plantHubPayment`, which the supplier kind books).
 */
export function pullFromHubs(world: World): void {
  const { plants, plantHub, hubs, firms, regions, geo, params, ledger, scratch, tick } = world;
  const H = hubs.count;
  const P = plants.count;
  const R = regions.count;
  plants.receivedLocal.fill(0);
  plants.receivedBloc.fill(0);
  plants.receivedTotal.fill(0);
  plants.inputSpend.fill(0);
  plants.co2.fill(0);
  scratch.plantSourceRegion.fill(0);
  firms.exposure.fill(0);
  scratch.plantHubPayment.fill(0);
  for (let p = 0; p < P; p++) {
    const destination = plants.region[p];
    const firm = plants.firm[p];
    if (plants.active[p]) firms.exposure[firm * R + destination] = 1;
    let owedTotal = 0;
    let shippedTotal = 0;
    for (let j = 0; j < H; j++) {
      const cell = p * H + j;
      const owed = plantHub.owed[cell];
      const origin = hubs.region[j];
      if (plantHub.weight[cell] * (1 - plants.smeShareTarget[p]) > params.hubExposureMinWeight && plants.active[p]) {
        firms.exposure[firm * R + origin] = 1;
      }
      if (owed <= 0) continue;
      const fill = canShip(regions, origin, destination) ? hubs.componentFill[j] : 0;
      const shipped = fill * owed;
      plantHub.reliability[cell] += params.reorderShiftRate * (fill - plantHub.reliability[cell]);
      owedTotal += owed;
      shippedTotal += shipped;
      if (shipped <= 0) continue;
      plantHub.owed[cell] = owed - shipped;
      const lead = currentLeadTime(geo, regions, origin, destination);
      plants.pipeline[((tick + lead) % geo.pipelineWeeks) * P + p] += shipped;
      const price = hubs.price[j];
      const payment = price * shipped;
      const freight = currentFreight(geo, regions, origin, destination) * shipped;
      const tariff = tariffRate(regions, origin, destination) * payment;
      firms.cash[firm] -= payment + freight + tariff;
      scratch.plantHubPayment[cell] = payment;
      ledger.freight += freight;
      ledger.tariffs += tariff;
      plants.inputSpend[p] += payment + freight + tariff;
      plants.receivedTotal[p] += shipped;
      if (origin === destination) plants.receivedLocal[p] += shipped;
      if (regions.bloc[origin] === regions.bloc[destination]) plants.receivedBloc[p] += shipped;
      plants.co2[p] += shipped * geo.distanceKm[origin * R + destination] * params.co2PerUnitKm;
      scratch.plantSourceRegion[p * R + origin] = 1;
    }
    if (owedTotal > 0) plants.hubReliability[p] += params.reorderShiftRate * (shippedTotal / owedTotal - plants.hubReliability[p]);
  }
}

/** Phase 7 — plants take in what their SMEs shipped (gathered in the SME pass) and pay for it. */
export function receiveFromSmes(world: World): void {
  const { plants, firms, scratch, params } = world;
  const P = plants.count;
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < world.geo.pipelineWeeks; s++) plants.pipeline[s * P + p] += scratch.plantSmeIncoming[s * P + p];
    const spend = scratch.plantSmePayment[p] + scratch.plantSmeFreight[p] + scratch.plantSmeTariff[p];
    firms.cash[plants.firm[p]] -= spend;
    plants.inputSpend[p] += spend;
    plants.receivedTotal[p] += scratch.plantSmeShipped[p];
    plants.receivedLocal[p] += scratch.plantSmeLocal[p];
    plants.receivedBloc[p] += scratch.plantSmeBloc[p];
    plants.co2[p] += scratch.plantSmeCo2[p];
    const owed = scratch.plantSmeOwed[p];
    if (owed > 0) {
      plants.smeReliability[p] += params.reorderShiftRate * (scratch.plantSmeShipped[p] / owed - plants.smeReliability[p]);
    }
    plants.owedBySmes[p] = owed - scratch.plantSmeShipped[p];
    if (plants.smeContractCapacity[p] > 0) {
      plants.smeLeadTime[p] = scratch.plantSmeLeadWeighted[p] / plants.smeContractCapacity[p];
    }
    const received = plants.receivedTotal[p];
    if (received > 0) plants.blocContent[p] += params.blocContentMemoryRate * (plants.receivedBloc[p] / received - plants.blocContent[p]);
  }
}
