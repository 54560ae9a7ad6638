import type { World } from '../../src/model/world.ts';
import { GLOBAL, LOCAL, MULTILOCAL } from './schema.ts';
import { NO_BUYER, endContract, signContract } from '../sme/index.ts';
import { contractOffer, isEligible, isVisible, minCapability } from './pools.ts';
import { smeComponentPrice } from '../sme/index.ts';
import { canShip, currentFreight, tariffRate } from '../../src/model/geography.ts';

/** Whether region r is in the SME pool of plant p under its firm's strategy. */
export function inPool(world: World, plant: number, region: number): boolean {
  const { plants, firms, regions } = world;
  const firm = plants.firm[plant];
  const strategy = firms.strategy[firm];
  if (strategy === GLOBAL) return false;
  if (strategy === LOCAL) return region === firms.homeRegion[firm];
  const bloc = strategy === MULTILOCAL ? plants.bloc[plant] : firms.homeBloc[firm];
  return regions.bloc[region] === bloc;
}

/** Sums each plant's contracted SME capacity and contract count from the SMEs' side. */
export function tallyContracts(world: World): void {
  const { smes, plants } = world;
  plants.smeContractCapacity.fill(0);
  plants.smeContracts.fill(0);
  for (let i = 0; i < smes.count; i++) {
    const p = smes.buyerPlant[i];
    if (p === NO_BUYER || !smes.alive[i] || smes.contractCapacity[i] <= 0) continue;
    plants.smeContractCapacity[p] += smes.contractCapacity[i];
    plants.smeContracts[p]++;
  }
}

/**
 * Phase 5, quarterly (§7.6): lead firms keep the SME contracts that still fit their strategy and
 * fill the rest of their need from visible SMEs (d = 1, q_c ≥ qMin, offer ≥ minimum order),
 * choosing by price plus the per-contract fixed cost spread over the order (logit noise).
 * Plants take turns in an order drawn from the seed, so the result never depends on ids.
 */
export function renewContracts(world: World): void {
  dropUnfitContracts(world);
  tallyContracts(world);
  recruitSmes(world, 0);
  world.plants.smeCapacityAfterRecruiting.set(world.plants.smeContractCapacity);
}

/**
 * Between reviews (weekly): a plant that has lost more than 1 − `contractTopUpShare` of the SME
 * capacity it held after its last recruitment (suppliers exited) and is short of its need
 * recruits again at once.
 */
export function topUpContracts(world: World): void {
  recruitSmes(world, 0, world.params.contractTopUpShare);
}

function contractNeed(world: World, plant: number): number {
  return (world.plants.smeShareTarget[plant] * world.plants.forecast[plant]) / world.params.plantUtilisationTarget;
}

function dropUnfitContracts(world: World): void {
  const { smes, plants, firms, params } = world;
  for (let i = 0; i < smes.count; i++) {
    const p = smes.buyerPlant[i];
    if (p === NO_BUYER) continue;
    const strategy = firms.strategy[plants.firm[p]];
    if (smes.contractCapacity[i] === 0) continue; // already ended, still delivering its backlog
    const keep =
      smes.alive[i] === 1 &&
      plants.active[p] === 1 &&
      plants.smeShareTarget[p] > 0 &&
      inPool(world, p, smes.region[i]) &&
      smes.capability[i] >= minCapability(world, strategy) - params.contractCapabilitySlack &&
      (strategy === LOCAL || isVisible(world, i));
    if (!keep) endContract(world, i);
  }
}

/**
 * Plants short of their need by more than `tolerance` (share of need) recruit visible SMEs, in
 * an order drawn from the seed.
 */
function recruitSmes(world: World, tolerance: number, lossTrigger = 0): void {
  const { smes, plants, firms, regions, params, economy, geo, tick } = world;
  const short: number[] = [];
  for (let p = 0; p < plants.count; p++) {
    if (!plants.active[p] || plants.smeShareTarget[p] <= 0) continue;
    const need = contractNeed(world, p);
    if (lossTrigger > 0 && plants.smeContractCapacity[p] >= lossTrigger * plants.smeCapacityAfterRecruiting[p]) continue;
    if (need - plants.smeContractCapacity[p] > tolerance * need) short.push(p);
  }
  if (short.length === 0) return;
  const order = short;
  const priority = world.draws.for('firm.contractOrder');
  const key = new Map(order.map((p) => [p, priority.uniform(p, tick)]));
  order.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || a - b);
  const noise = world.draws.for('firm.supplierChoice');
  const temperature = params.supplierChoiceTemp;
  const fixedCost = params.contractFixedCost * economy.referenceComponentPrice;
  for (const p of order) {
    const firm = plants.firm[p];
    const strategy = firms.strategy[firm];
    let remaining = contractNeed(world, p) - plants.smeContractCapacity[p];
    if (remaining <= 0) continue;
    const destination = plants.region[p];
    const candidates: { id: number; score: number }[] = [];
    for (let i = 0; i < smes.count; i++) {
      if (smes.buyerPlant[i] !== NO_BUYER || !smes.alive[i]) continue;
      const r = smes.region[i];
      if (!inPool(world, p, r) || !canShip(regions, r, destination)) continue;
      const offer = contractOffer(world, i, strategy);
      if (!isEligible(world, i, strategy, offer)) continue;
      const price = smeComponentPrice(world, i);
      // A local-sourcing subsidy makes same-region suppliers cheaper to the plant.
      const subsidy = r === destination ? regions.localSourcingSubsidy[destination] * economy.referenceComponentPrice : 0;
      const landed =
        price + currentFreight(geo, regions, r, destination) + tariffRate(regions, r, destination) * price + fixedCost / offer - subsidy;
      candidates.push({ id: i, score: -landed / economy.referenceComponentPrice / temperature + noise.gumbel(i, tick) });
    }
    candidates.sort((a, b) => b.score - a.score || a.id - b.id);
    for (const { id } of candidates) {
      if (remaining <= 0) break;
      const offer = contractOffer(world, id, strategy);
      // The SME plans raw inputs for its new contract at once (expected orders at target utilisation).
      signContract(world, id, p, offer, offer * params.plantUtilisationTarget);
      plants.smeContractCapacity[p] += offer;
      plants.smeContracts[p]++;
      remaining -= offer;
    }
    plants.smeCapacityAfterRecruiting[p] = plants.smeContractCapacity[p];
  }
}
