import type { World } from '../../src/model/world.ts';
import { goodsStocks, moneyStock, nonFiniteValues } from '../../src/model/audit.ts';
import { netMoneyFlow } from '../../src/model/ledger.ts';

const RELATIVE_TOLERANCE = 1e-9;

function close(actual: number, expected: number, scale: number): boolean {
  return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(scale));
}

export function shareValuesOutOfRange(world: World): string[] {
  const out: string[] = [];
  const { cells, smes, regions, plants } = world;
  const checkShare = (name: string, array: ArrayLike<number>, n = array.length, alive?: Uint8Array) => {
    for (let i = 0; i < n; i++) {
      if (alive && !alive[i]) continue;
      if (!(array[i] >= 0 && array[i] <= 1)) out.push(`${name}[${i}] = ${array[i]}`);
    }
  };
  checkShare('cells.access', cells.access);
  checkShare('cells.literacy', cells.literacy);
  checkShare('cells.skill', cells.skill);
  checkShare('cells.trustFirms', cells.trustFirms);
  checkShare('cells.trustGovernment', cells.trustGovernment);
  checkShare('smes.capability', smes.capability, smes.count, smes.alive);
  checkShare('smes.rawHubShare', smes.rawHubShare, smes.count, smes.alive);
  checkShare('world.communityRegions.unemployment', world.communityRegions.unemployment);
  checkShare('regions.capacityFactor', regions.capacityFactor);
  checkShare('regions.localServicesCapacityFactor', regions.localServicesCapacityFactor);
  checkShare('regions.componentCapacityFactor', regions.componentCapacityFactor);
  checkShare('regions.assemblyCapacityFactor', regions.assemblyCapacityFactor);
  checkShare('regions.rawCapacityFactor', regions.rawCapacityFactor);
  checkShare('world.rawSources.recyclingCapacity', world.rawSources.recyclingCapacity);
  checkShare('regions.circularSubsidy', regions.circularSubsidy);
  checkShare('regions.localHubShare', regions.localHubShare);
  checkShare('regions.localSmeFill', regions.localSmeFill);
  checkShare('hubs.componentFill', world.hubs.componentFill);
  checkShare('plants.availability', plants.availability);
  checkShare('plants.blocContent', plants.blocContent);
  checkShare('firms.riskPerception', world.firms.riskPerception);
  checkShare('firms.hubAvailability', world.firms.hubAvailability);
  return out.slice(0, 5);
}

export function negativeStocks(world: World): string[] {
  const out: string[] = [];
  const eps = -1e-9;
  const check = (name: string, array: ArrayLike<number>) => {
    for (let i = 0; i < array.length; i++) if (array[i] < eps * Math.max(1, Math.abs(array[i]))) out.push(`${name}[${i}] = ${array[i]}`);
  };
  check('hubs.rawStock', world.hubs.rawStock);
  check('plants.finishedStock', world.plants.finishedStock);
  check('plants.componentStock', world.plants.componentStock);
  check('plants.pipeline', world.plants.pipeline);
  check('firms.hubStock', world.firms.hubStock);
  check('firms.hubInbound', world.firms.hubInbound);
  check('firms.outbound', world.firms.outbound);
  check('plantHub.owed', world.plantHub.owed);
  check('smes.rawStock', world.smes.rawStock);
  check('smes.rawPipeline', world.smes.rawPipeline);
  check('smes.owedToBuyer', world.smes.owedToBuyer);
  check('smes.owedByHub', world.smes.owedByHub);
  check('smes.owedByDomestic', world.smes.owedByDomestic);
  check('smes.owedByRecycled', world.smes.owedByRecycled);
  check('world.rawSources.recycledRawOutput', world.rawSources.recycledRawOutput);
  check('hubs.recycledIn', world.hubs.recycledIn);
  check('smes.employees', world.smes.employees);
  return out.slice(0, 5);
}

/**
 * The recycled raw-input flow (§9.5) against the ledger: every recycled unit the regions' sources
 * delivered this week (to SMEs' pipelines and hubs' stocks, counted in `rawProduced`) was paid at
 * the recycled price (`recycledRawPurchases`, a named sink; the subsidy is a named source).
 */
export function recycledFlowProblems(world: World): string[] {
  const { regions, params, economy, ledger } = world;
  let units = 0;
  for (let r = 0; r < regions.count; r++) units += world.rawSources.recycledRawOutput[r];
  const expected = units * (1 + params.recycledPricePremium) * economy.referenceRawPrice;
  return close(ledger.recycledRawPurchases, expected, expected)
    ? []
    : [`recycled purchases ${ledger.recycledRawPurchases} vs ${units} units at the recycled price (${expected})`];
}

/**
 * §9.2: SMEs' local-market output used its inputs, Leontief: the input units that left their stocks
 * (`localInputsUsed`) are what the local sales served embody (sales × inputs per $ of sales, by
 * region; SMEs' sales are kept in Float32, hence the looser tolerance).
 */
export function localInputProblems(world: World): string[] {
  const { regions, params, ledger } = world;
  let expected = 0;
  for (let r = 0; r < regions.count; r++) {
    const price = regions.localInputPrice[r];
    if (price > 0) expected += (world.smeRegions.localServed[r] * params.localInputShare) / price;
  }
  const used = ledger.localInputsUsed;
  return Math.abs(used - expected) <= 1e-5 * Math.max(1, expected) ? [] : [`local inputs used ${used} vs ${expected} embodied in local sales`];
}

/**
 * Runs one week (`advance`) and returns every violated invariant: goods and money conserved
 * against the ledger's named sources and sinks, no NaN or Infinity, shares in [0, 1], no
 * negative stocks.
 */
export function checkWeek(world: World, advance: () => void): string[] {
  const goodsBefore = goodsStocks(world);
  const moneyBefore = moneyStock(world);
  advance();
  const goodsAfter = goodsStocks(world);
  const moneyAfter = moneyStock(world);
  const L = world.ledger;
  const problems: string[] = [];
  // Raw inputs leave stocks into components (rawUsed) and into SMEs' local-market output (localInputsUsed, §9.2).
  const rawExpected = goodsBefore.raw + L.rawProduced - L.rawUsed - L.localInputsUsed - L.rawWrittenOff;
  const componentsExpected = goodsBefore.components + L.componentsProduced - L.componentsUsed - L.componentsSoldLocally - L.componentsWrittenOff;
  const finalExpected = goodsBefore.final + L.finalProduced - L.finalSold - L.finalWrittenOff;
  if (!close(goodsAfter.raw, rawExpected, L.rawProduced + goodsBefore.raw)) problems.push(`raw goods ${goodsAfter.raw} vs ledger ${rawExpected}`);
  if (!close(goodsAfter.components, componentsExpected, L.componentsProduced + goodsBefore.components)) {
    problems.push(`components ${goodsAfter.components} vs ledger ${componentsExpected}`);
  }
  if (!close(goodsAfter.final, finalExpected, L.finalProduced + goodsBefore.final)) problems.push(`final goods ${goodsAfter.final} vs ledger ${finalExpected}`);
  const moneyScale = Math.abs(moneyBefore) + L.consumerSpending + L.localMarketSpending + L.wages;
  const moneyExpected = moneyBefore + netMoneyFlow(L);
  if (!close(moneyAfter, moneyExpected, moneyScale)) problems.push(`money ${moneyAfter} vs ledger ${moneyExpected}`);
  problems.push(...recycledFlowProblems(world));
  problems.push(...localInputProblems(world));
  problems.push(...nonFiniteValues(world).map((p) => `non-finite ${p}`));
  problems.push(...shareValuesOutOfRange(world).map((p) => `share out of [0,1]: ${p}`));
  problems.push(...negativeStocks(world).map((p) => `negative: ${p}`));
  return problems;
}
