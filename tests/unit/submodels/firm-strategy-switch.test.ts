/**
 * Putting a strategy into effect (MODEL.md §7.1, agents/firm/strategy.ts) for a second lead firm,
 * homed in bloc B, against hand-computed values: opening a MULTILOCAL plant (capex net of the
 * reshoring grant, ramp-up, jobs), onboarding paid gross of the home region's grant, closing a plant
 * (stock home, backlog cancelled, layoffs), the build-time start (no capex, no ramp), and the
 * quarterly choice (a forced strategy, and the logit draw of the firm.strategy stream).
 */
import { describe, expect, it } from 'vitest';
import { CHOOSABLE, applyStrategy, chooseStrategies, drawStrategy, estimateStrategy } from '../../../agents/firm/strategy.ts';
import { computeSmePools } from '../../../agents/firm/pools.ts';
import { hubMixCost, updateHubWeights } from '../../../agents/firm/sourcing.ts';
import { unitLabourCost } from '../../../src/model/economy.ts';
import { DUAL, GLOBAL, MULTILOCAL } from '../../../agents/firm/schema.ts';
import { INSTRUMENT_COUNT, RESHORING_GRANT } from '../../../agents/policymaker/schema.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, threeRegions, tinyWorld } from './tiny-world.ts';

const FIRM = 1; // homed in HUB (bloc B)
const BLOC_A_PLANT = 2; // FIRM × 2 blocs + bloc A, in HOM
const HOME = 3; // FIRM × 2 + bloc B, in HUB

/** Firm 1 sells 60 in bloc A and 40 in bloc B; grants: 25% in HOM, 50% in HUB (its home region). */
function switchWorld(): World {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
  const { firms, plants, regions, economy } = world;
  expect(firms.strategy[FIRM]).toBe(GLOBAL);
  expect(plants.region[BLOC_A_PLANT]).toBe(HOM);
  expect(plants.active[BLOC_A_PLANT]).toBe(0);
  expect(plants.active[HOME]).toBe(1);
  economy.referenceFinalPrice = 100;
  economy.sampleFactor = 1;
  firms.demandByBloc.set([50, 50, 60, 40]);
  regions.reshoringGrantShare[HOM] = 0.25;
  regions.reshoringGrantShare[HUB] = 0.5;
  world.plantJobEvents.opened.fill(0);
  world.plantJobEvents.closed.fill(0);
  world.ledger.capex = 0;
  world.ledger.grants = 0;
  world.tick = 10;
  return world;
}

describe('§7.1 a second firm switches GLOBAL → MULTILOCAL → GLOBAL', () => {
  it('opens its bloc-A plant for 60% of its demand: capex 26 · 60 · 100 net of 25%, ramping from 0, 60 · labour / productivity jobs; onboarding 1 000 net = 2 000 gross of HUB’s 50%', () => {
    const world = switchWorld();
    const { firms, plants, regions, params, ledger, policy } = world;
    const cash = firms.cash[FIRM];
    const otherCash = firms.cash[0];
    const switches = firms.strategySwitches[FIRM];
    const capex = params.plantCapexWeeks * 60 * 100;
    expect(params.plantCapexWeeks).toBe(26);
    applyStrategy(world, FIRM, MULTILOCAL, 0.75 * capex + 1_000);
    expect(firms.strategy[FIRM]).toBe(MULTILOCAL);
    expect(firms.switchedAtTick[FIRM]).toBe(10);
    expect(firms.strategySwitches[FIRM]).toBe(switches + 1);
    expect(plants.active[BLOC_A_PLANT]).toBe(1);
    expect(plants.capacityTarget[BLOC_A_PLANT]).toBeCloseTo(60 / params.plantUtilisationTarget, 10);
    expect(plants.capacity[BLOC_A_PLANT]).toBe(0);
    expect(plants.rampStartTick[BLOC_A_PLANT]).toBe(10);
    expect(plants.forecast[BLOC_A_PLANT]).toBe(60);
    expect(world.plantJobEvents.opened[HOM]).toBeCloseTo((60 * params.labourPerAssembly) / regions.productivity[HOM], 10);
    expect(world.plantJobEvents.opened[HUB]).toBe(0);
    // Every planned plant buys all its components from SMEs; the other firm's plants are untouched.
    expect(plants.smeShareTarget[BLOC_A_PLANT]).toBe(1);
    expect(plants.smeShareTarget[HOME]).toBe(1);
    expect(plants.active[1]).toBe(0);
    expect(firms.cash[0]).toBe(otherCash);
    // Capex 156 000 less a 39 000 grant; onboarding: 1 000 left of the switching cost, 2 000 gross, 1 000 granted.
    expect(cash - firms.cash[FIRM]).toBeCloseTo(0.75 * capex + 1_000, 6);
    expect(ledger.capex).toBeCloseTo(capex + 2_000, 6);
    expect(ledger.grants).toBeCloseTo(0.25 * capex + 1_000, 6);
    expect(policy.spentQuarter[HOM * INSTRUMENT_COUNT + RESHORING_GRANT]).toBeCloseTo(0.25 * capex, 6);
    expect(policy.spentQuarter[HUB * INSTRUMENT_COUNT + RESHORING_GRANT]).toBeCloseTo(1_000, 6);
  });

  it('closing the bloc-A plant moves its stock to the home plant, cancels what hubs owe it, and counts its jobs as lost', () => {
    const world = switchWorld();
    const { firms, plants, plantHub, hubs } = world;
    applyStrategy(world, FIRM, MULTILOCAL, 0);
    const H = hubs.count;
    plants.finishedStock[BLOC_A_PLANT] = 5;
    plants.componentStock[BLOC_A_PLANT] = 7;
    plants.employment[BLOC_A_PLANT] = 12;
    plantHub.owed[BLOC_A_PLANT * H] = 9;
    plants.finishedStock[HOME] = 100;
    plants.componentStock[HOME] = 50;
    const cash = firms.cash[FIRM];
    const switches = firms.strategySwitches[FIRM];
    world.tick = 20;
    applyStrategy(world, FIRM, GLOBAL, 0);
    expect(firms.strategy[FIRM]).toBe(GLOBAL);
    expect(firms.switchedAtTick[FIRM]).toBe(20);
    expect(firms.strategySwitches[FIRM]).toBe(switches + 1);
    expect(plants.finishedStock[HOME]).toBe(105);
    expect(plants.componentStock[HOME]).toBe(57);
    expect(plants.finishedStock[BLOC_A_PLANT]).toBe(0);
    expect(plants.componentStock[BLOC_A_PLANT]).toBe(0);
    expect(plantHub.owed[BLOC_A_PLANT * H]).toBe(0);
    expect(world.plantJobEvents.closed[HOM]).toBe(12);
    expect(plants.active[BLOC_A_PLANT]).toBe(0);
    expect(plants.capacity[BLOC_A_PLANT]).toBe(0);
    expect(plants.capacityTarget[BLOC_A_PLANT]).toBe(0);
    expect(plants.rampStartTick[BLOC_A_PLANT]).toBe(-1);
    expect(plants.smeShareTarget[BLOC_A_PLANT]).toBe(0);
    expect(plants.smeShareTarget[HOME]).toBe(0);
    expect(plants.active[HOME]).toBe(1);
    expect(firms.cash[FIRM]).toBe(cash);
    // Re-applying the strategy it has counts no switch.
    applyStrategy(world, FIRM, GLOBAL, 0);
    expect(firms.strategySwitches[FIRM]).toBe(switches + 1);
  });

  it('at build time its plants run at once: capacity at target, stock at cover + 1 weeks, no capex, no switch counted', () => {
    const world = switchWorld();
    const { firms, plants, params, ledger } = world;
    const cash = firms.cash[FIRM];
    const switches = firms.strategySwitches[FIRM];
    const homeStock = plants.finishedStock[HOME];
    applyStrategy(world, FIRM, MULTILOCAL, 5_000, true);
    expect(firms.strategy[FIRM]).toBe(MULTILOCAL);
    expect(firms.strategySwitches[FIRM]).toBe(switches);
    expect(plants.active[BLOC_A_PLANT]).toBe(1);
    expect(plants.capacity[BLOC_A_PLANT]).toBeCloseTo(60 / params.plantUtilisationTarget, 10);
    expect(plants.capacityTarget[BLOC_A_PLANT]).toBeCloseTo(60 / params.plantUtilisationTarget, 10);
    expect(plants.forecast[BLOC_A_PLANT]).toBe(60);
    expect(plants.finishedStock[BLOC_A_PLANT]).toBeCloseTo((params.inventoryCoverWeeks + 1) * 60, 10);
    expect(plants.finishedStock[HOME]).toBe(homeStock);
    expect(plants.smeShareTarget[BLOC_A_PLANT]).toBe(1);
    expect(firms.cash[FIRM]).toBe(cash);
    expect(ledger.capex).toBe(0);
    expect(world.plantJobEvents.opened[HOM]).toBe(0);
    // DUAL at build time: the home plant alone, dualShare of its components from SMEs.
    const dual = switchWorld();
    applyStrategy(dual, FIRM, DUAL, 0, true);
    expect(dual.plants.active[BLOC_A_PLANT]).toBe(0);
    expect(dual.plants.smeShareTarget[HOME]).toBe(dual.params.dualShare);
    expect(dual.plants.smeShareTarget[BLOC_A_PLANT]).toBe(0);
  });
});

describe('§7.1 the quarterly choice', () => {
  it('a forced strategy is put into effect for living firms only, once, and again when its plan no longer matches the plants', () => {
    const world = switchWorld();
    const { firms, plants, params } = world;
    params.strategyOverride = 'MULTILOCAL';
    firms.alive[0] = 0;
    const pools = computeSmePools(world);
    chooseStrategies(world, pools);
    expect(firms.strategy[FIRM]).toBe(MULTILOCAL);
    expect(plants.active[BLOC_A_PLANT]).toBe(1);
    expect(firms.strategy[0]).toBe(GLOBAL);
    expect(plants.active[1]).toBe(0);
    const cash = firms.cash[FIRM];
    const switches = firms.strategySwitches[FIRM];
    chooseStrategies(world, pools);
    expect(firms.cash[FIRM]).toBe(cash);
    expect(firms.strategySwitches[FIRM]).toBe(switches);
    // Bloc A now buys 5% of the firm's goods, under multilocalMinShare: the plan is the home plant alone.
    firms.demandByBloc.set([50, 50, 5, 95]);
    chooseStrategies(world, pools);
    expect(plants.active[BLOC_A_PLANT]).toBe(0);
    expect(firms.strategy[FIRM]).toBe(MULTILOCAL);
  });

  it('without an override each living firm takes the strategy the logit draws (firm.strategy stream, switching costs counted)', () => {
    let changed = 0;
    for (let quarter = 0; quarter < 24; quarter++) {
      const world = switchWorld();
      const { firms, plants, params } = world;
      params.strategyTemp = 0.5;
      world.tick = 13 * quarter;
      const pools = computeSmePools(world);
      for (let p = 0; p < plants.count; p++) updateHubWeights(world, p);
      const draws = world.draws.for('firm.strategy');
      const expected = [0, 1].map((f) => {
        const estimates = CHOOSABLE.map((k) => estimateStrategy(world, f, k, pools));
        return CHOOSABLE[drawStrategy(world, f, estimates, draws, true)];
      });
      chooseStrategies(world, pools);
      expect([firms.strategy[0], firms.strategy[1]]).toEqual(expected);
      changed += expected.filter((k) => k !== GLOBAL).length;
    }
    // Some draws leave GLOBAL, so the comparison is not vacuous.
    expect(changed).toBeGreaterThan(0);
  });
});

describe('§7.1 C_k’s outbound term: freight and tariff to the markets each plant serves', () => {
  it('a 10% tariff in NBR raises C_GLOBAL by 0.6 · 30/80 · 0.1 · the home plant’s price, and C_MULTILOCAL not at all (its bloc-A plant serves NBR)', () => {
    const cost = (tariff: number, strategy: number) => {
      const world = switchWorld();
      world.regions.finalDemandBase.set([50, 20, 30]);
      world.regions.tariff[NBR] = tariff;
      for (let p = 0; p < world.plants.count; p++) updateHubWeights(world, p);
      return { world, cost: estimateStrategy(world, FIRM, strategy, computeSmePools(world)).cost };
    };
    const { world, cost: globalFree } = cost(0, GLOBAL);
    const { params, regions } = world;
    const price = (hubMixCost(world, HOME) + params.labourPerAssembly * unitLabourCost(regions, HUB)) * (1 + params.markup);
    expect(cost(0.1, GLOBAL).cost - globalFree).toBeCloseTo(0.6 * (30 / 80) * 0.1 * price, 8);
    expect(cost(0.1, MULTILOCAL).cost - cost(0, MULTILOCAL).cost).toBeCloseTo(0, 10);
  });
});

describe('§7.1 onboarding in the switching cost: paid on the rise of the SME share above the current one', () => {
  it('current share = Σ target · forecast / Σ forecast over active plants; DUAL pays onboardingWeeks · rise · demand · component price · (1 − home grant), GLOBAL nothing', () => {
    const world = switchWorld();
    const { plants, params, economy } = world;
    // Plenty of capable, visible SMEs in HUB (the firm's home bloc), so DUAL gets its full dualShare.
    for (let k = 0; k < 40; k++) addSme(world, HUB, { employees: 50, capability: 0.95, digital: 1 });
    plants.smeShareTarget[HOME] = 0.1;
    plants.forecast[HOME] = 300;
    // An idle bloc-A plant's targets do not count; an active one's do, by its forecast.
    plants.smeShareTarget[BLOC_A_PLANT] = 0.9;
    plants.forecast[BLOC_A_PLANT] = 100;
    for (let p = 0; p < plants.count; p++) updateHubWeights(world, p);
    const pools = computeSmePools(world);
    const dual = estimateStrategy(world, FIRM, DUAL, pools);
    expect(dual.smeShare).toBeCloseTo(params.dualShare, 12);
    const onboarding = (rise: number) => params.onboardingWeeks * rise * 100 * economy.referenceComponentPrice * (1 - 0.5);
    expect(dual.switchCost).toBeCloseTo(onboarding(params.dualShare - 0.1), 6);
    expect(estimateStrategy(world, FIRM, GLOBAL, pools).switchCost).toBe(0);
    // With the bloc-A plant active the current share is (0.1 · 300 + 0.9 · 100) / 400 = 0.3 = dualShare: nothing to pay.
    plants.active[BLOC_A_PLANT] = 1;
    expect(params.dualShare).toBe(0.3);
    expect(estimateStrategy(world, FIRM, DUAL, pools).switchCost).toBe(0);
    plants.forecast[BLOC_A_PLANT] = 50; // (30 + 45) / 350
    expect(estimateStrategy(world, FIRM, DUAL, pools).switchCost).toBeCloseTo(onboarding(0.3 - 75 / 350), 6);
  });
});
