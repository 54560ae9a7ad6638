/**
 * The contested local market of MODEL.md §9.4 against hand-computed values: the logit split
 * between the SME side and hub imports (substitution elasticity σ = 1.5, availability weight
 * β_a = 2), the hub side's landed price, orders and charges, the hubs' production and payment for
 * them, and hub capacity sized with the local-market units at the start.
 */
import { describe, expect, it } from 'vitest';
import {
  contestedHubShare, hubLandedPrice, hubSideOffer, smeSidePrice, splitContestedMarkets, startingLocalHubUnits,
} from '../../../src/model/local-market.ts';
import { produceAtHubs } from '../../../agents/supplier/production.ts';
import { sellOnLocalMarkets } from '../../../agents/supplier/finance.ts';
import { HOM, HUB, NBR, equatorKm, threeRegions, tinyWorld } from './tiny-world.ts';

describe('§9.4 the hub side’s share: a logit on landed price and availability', () => {
  it('at the start references it is the contested share s₀', () => {
    expect(contestedHubShare(0.25, 1, 1, 0, 1.5, 2)).toBeCloseTo(0.25, 12);
  });

  it('a smaller SME customer base (exits, shrinking SMEs) moves share to hubs: odds (1/3)/0.8 → 0.294118', () => {
    expect(contestedHubShare(0.25, 0.8, 1, 0, 1.5, 2)).toBeCloseTo(0.2941176, 6);
  });

  it('hub imports 10% dearer: odds (1/3) · 1.1^(1 − 1.5) = 0.317821 → share 0.241172', () => {
    expect(contestedHubShare(0.25, 1, 1.1, 0, 1.5, 2)).toBeCloseTo(0.2411715, 6);
  });

  it('the price coefficient is the substitution elasticity: spending odds move with p^(1 − σ), quantities with p^(−σ)', () => {
    const odds = (p: number) => {
      const s = contestedHubShare(0.25, 1, p, 0, 1.5, 2);
      return s / (1 - s);
    };
    const spending = Math.log(odds(1.2) / odds(1)) / Math.log(1.2);
    expect(spending).toBeCloseTo(-0.5, 10);
    // Quantity ratio = spending ratio / relative price: elasticity −σ = −1.5.
    expect(spending - 1).toBeCloseTo(-1.5, 10);
  });

  it('hubs 10 points less available than SMEs: odds (1/3) · e^(2 · −0.1) = 0.272910 → share 0.214399', () => {
    expect(contestedHubShare(0.25, 1, 1, -0.1, 1.5, 2)).toBeCloseTo(0.2143987, 6);
  });

  it('all three together: 0.245432; s₀ = 0 leaves the market uncontested; no SME side leaves it to hubs', () => {
    expect(contestedHubShare(0.25, 0.8, 1.1, -0.1, 1.5, 2)).toBeCloseTo(0.2454323, 6);
    expect(contestedHubShare(0, 0.5, 0.5, 1, 1.5, 2)).toBe(0);
    expect(contestedHubShare(0.25, 0, 1, 0, 1.5, 2)).toBe(1);
  });

  it('stays in [0, 1] across its ranges', () => {
    for (const s0 of [0, 0.01, 0.25, 0.9])
      for (const w of [0, 1e-9, 0.5, 1, 20])
        for (const p of [1e-3, 0.5, 1, 3, 1e3])
          for (const g of [-1, 0, 1])
            for (const sigma of [0, 1.5, 10]) {
              const s = contestedHubShare(s0, w, p, g, sigma, 20);
              expect(s).toBeGreaterThanOrEqual(0);
              expect(s).toBeLessThanOrEqual(1);
            }
  });
});

/** A tiny world whose HOM market is contested: references set by hand, the hub in HUB able to ship. */
function contestedWorld() {
  const world = tinyWorld(threeRegions(), { localImportShare: 0.25, localSubstitutionElasticity: 1.5, availabilityWeight: 2 });
  const { regions, hubs, scratch } = world;
  hubs.componentCapacity[0] = 100;
  hubs.price[0] = 10;
  hubs.componentFill[0] = 1;
  regions.tariff[HOM] = 0.1;
  world.smeRegions.localDemand.fill(0);
  world.smeRegions.localDemand[HOM] = 1000;
  regions.localSmeWeightStart[HOM] = 50;
  regions.localSmePriceStart[HOM] = smeSidePrice(world, HOM);
  regions.localHubPriceStart[HOM] = hubLandedPrice(world, 0, HOM);
  regions.localSmeFill[HOM] = 1;
  scratch.regionSmeWeight.fill(0);
  scratch.regionSmeWeight[HOM] = 40; // the SME side's customer base fell by a fifth
  return world;
}

describe('§9.4 the split, the hub side’s orders and their payment', () => {
  it('landed price = price × (1 + tariff) + freight per unit-km × km (HUB → HOM crosses blocs)', () => {
    const world = contestedWorld();
    const freight = world.params.freightPerUnitKm * equatorKm(90);
    expect(hubLandedPrice(world, 0, HOM)).toBeCloseTo(10 * 1.1 + freight, 8);
    const offer = hubSideOffer(world, HOM);
    expect(offer.price).toBeCloseTo(10 * 1.1 + freight, 8);
    expect(offer.availability).toBe(1);
    expect(offer.capacity).toBe(100);
  });

  it('W/W₀ = 0.8 at start prices: 29.41% of 1 000 $ to the hub, ordered in units at its landed price', () => {
    const world = contestedWorld();
    const { regions, scratch } = world;
    const landed = hubLandedPrice(world, 0, HOM);
    splitContestedMarkets(world);
    const hub = (1000 * 5) / 17; // odds (1/3)/0.8 = 5/12 → share 5/17
    expect(regions.localHubShare[HOM]).toBeCloseTo(0.2941176, 6);
    expect(regions.localHubDemand[HOM]).toBeCloseTo(294.11765, 4);
    expect(regions.localSmeDemand[HOM]).toBeCloseTo(705.88235, 4);
    expect(scratch.hubLocalOrders[0]).toBeCloseTo(hub / landed, 8);
    expect(scratch.hubLocalTariff[0]).toBeCloseTo((hub / landed) * 10 * 0.1, 8);
    expect(scratch.hubLocalFreight[0]).toBeCloseTo((hub / landed) * (landed - 11), 8);
    // Regions without a start reference are not contested: NBR's demand (0) all goes to the SME side.
    expect(regions.localHubShare[NBR]).toBe(0);
  });

  it('a closed border leaves the hub side empty; a contested share of 0 leaves the market to SMEs', () => {
    const closed = contestedWorld();
    closed.regions.borderOpen[HOM] = 0;
    splitContestedMarkets(closed);
    expect(closed.regions.localHubShare[HOM]).toBe(0);
    expect(closed.regions.localSmeDemand[HOM]).toBe(1000);
    const uncontested = contestedWorld();
    uncontested.params.localImportShare = 0;
    splitContestedMarkets(uncontested);
    expect(uncontested.regions.localSmeDemand[HOM]).toBe(1000);
    expect(uncontested.scratch.hubLocalOrders[0]).toBe(0);
  });

  it('the hub rations plants and local buyers by one fill; it is paid price × units, buyers also pay freight and tariff', () => {
    const world = contestedWorld();
    const { hubs, plantHub, scratch, ledger, regions } = world;
    plantHub.owed.fill(0);
    plantHub.owed[0] = 30; // the HOM plant
    scratch.hubRawDeliverable.fill(0);
    hubs.rawOrderInternal[0] = 0;
    hubs.rawStock[0] = 1000;
    regions.componentCapacityFactor[HUB] = 1;
    scratch.hubLocalOrders[0] = 90;
    scratch.hubLocalFreight[0] = 45;
    scratch.hubLocalTariff[0] = 90;
    produceAtHubs(world);
    // Capacity 100 for 30 + 90 = 120 wanted: fill 5/6, 75 of the local orders delivered.
    expect(hubs.componentOutput[0]).toBeCloseTo(100, 10);
    expect(hubs.componentFill[0]).toBeCloseTo(100 / 120, 12);
    expect(hubs.localOutput[0]).toBeCloseTo(75, 10);
    expect(ledger.componentsSoldLocally).toBeCloseTo(75, 10);
    const cash = hubs.cash[0];
    hubs.revenue[0] = 0;
    sellOnLocalMarkets(world);
    expect(hubs.revenue[0]).toBeCloseTo(750, 8);
    expect(hubs.cash[0] - cash).toBeCloseTo(750, 8);
    expect(ledger.freight).toBeCloseTo(45 * (75 / 90), 8);
    expect(ledger.tariffs).toBeCloseTo(90 * (75 / 90), 8);
    expect(ledger.localMarketSpending).toBeCloseTo(750 + 37.5 + 75, 8);
  });
});

describe('§9.4 with §9.2’s 80% rule: hub capacity includes the local-market units at the start', () => {
  it('a world with SMEs: total capacity = (final demand + s₀ · local market / landed price) / 0.8; the SME side keeps its size', () => {
    const definition = threeRegions({ smesAtScaleOne: 60 });
    const contested = tinyWorld(definition, { localImportShare: 0.25 });
    const plain = tinyWorld(definition, { localImportShare: 0 });
    const capacity = (w: typeof contested) => w.hubs.componentCapacity.reduce((a, b) => a + b, 0);
    const units = startingLocalHubUnits(contested);
    expect(units).toBeGreaterThan(0);
    expect(capacity(contested)).toBeCloseTo((contested.economy.totalFinalDemand + units) / 0.8, 6);
    expect(capacity(plain)).toBeCloseTo(plain.economy.totalFinalDemand / 0.8, 6);
    for (const r of [HOM, NBR]) {
      if (contested.regions.localSmeWeightStart[r] <= 0) continue;
      expect(contested.regions.localMarketBase[r] * (1 - 0.25)).toBeCloseTo(plain.regions.localMarketBase[r], 6);
      const landed = contested.regions.localHubPriceStart[r];
      expect(landed).toBeCloseTo(hubLandedPrice(contested, 0, r), 8);
    }
  });
});
