import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { capabilityProductivity } from './costs.ts';
import { LOCAL } from '../firm/index.ts';
import { recordSpend, SME_TECH_GRANT } from '../policymaker/index.ts';

/** Share of its capacity an SME offers its contract: all of it to a LOCAL firm (§ODD 7.1). */
function contractShareOf(world: World, id: number): number {
  const p = world.smes.buyerPlant[id];
  return p !== NO_BUYER && world.firms.strategy[world.plants.firm[p]] === LOCAL ? 1 : world.params.smeMaxChainShare;
}

/** This week's constants of the SME settlement, and its running totals. */
interface SettlementWeek {
  referenceGrantWeeks: number;
  markup: number;
  /** Totals for the ledger, summed in id order. */
  wages: number;
  grants: number;
  taxes: number;
  drawn: number;
}

/**
 * Phase 8 — SME accounts and growth (§7.6): wages out, technology grants in, profit tax, owners
 * draw cash above the target buffer. Growth is Gibrat-like: with positive profit and utilisation
 * above `expandUtilisation` an SME hires in proportion to its profit; with a loss it sheds staff
 * in proportion to the loss (never below one employee). Exits are decided in `demography.ts`.
 * The SME's component price for next week is cost (labour at its productivity + landed raw
 * input) plus markup. The same pass recounts each plant's contracts and each region's SMEs
 * (count, adopted, employment, in chain, capability) for the SMEs that stay, and returns the ids
 * of those that exit this week (handled in `demography.ts`).
 */
export function settleSmes(world: World): number[] {
  const { smes, regions, params, ledger, economy, scratch } = world;
  const week: SettlementWeek = {
    referenceGrantWeeks: params.smeGrantReferenceWeeks / 52,
    markup: 1 + params.markup,
    wages: 0,
    grants: 0,
    taxes: 0,
    drawn: 0,
  };
  setGrantIntensity(world, week.referenceGrantWeeks);
  clearSmeCensus(world);
  const inverseWage = scratch.regionInverseWage;
  for (let r = 0; r < regions.count; r++) inverseWage[r] = regions.wage[r] > 0 ? 1 / regions.wage[r] : 0;
  const exiting: number[] = [];
  for (let i = 0; i < smes.count; i++) {
    smes.profit[i] = 0;
    if (!smes.alive[i]) continue;
    const earned = settleAccounts(world, i, week);
    growAndPrice(world, i, earned, week.markup);
    endFinishedContract(world, i);
    if (smes.negativeCashWeeks[i] >= params.smeExitWeeks) exiting.push(i);
    else countStayingSme(world, i);
  }
  const grantPaid = scratch.regionGrantDemand;
  for (let r = 0; r < regions.count; r++) recordSpend(world, r, SME_TECH_GRANT, grantPaid[r] / economy.sampleFactor);
  ledger.wages += week.wages;
  ledger.grants += week.grants;
  ledger.profitTaxes += week.taxes;
  ledger.ownerDrawings += week.drawn;
  return exiting;
}

/** Grant intensity per region: the pot over the reference grants of its SMEs (last census). */
function setGrantIntensity(world: World, referenceGrantWeeks: number): void {
  const { regions, scratch } = world;
  const grantPaid = scratch.regionGrantDemand;
  for (let r = 0; r < regions.count; r++) {
    const demand = referenceGrantWeeks * regions.smeEmployment[r] * regions.wage[r];
    regions.smeGrantIntensity[r] = demand > 0 ? Math.min(1, regions.smeGrantSpend[r] / demand) : 0;
    grantPaid[r] = 0;
  }
}

/** Empties the census the settlement recounts: plants' SME contracts and regions' SME aggregates. */
function clearSmeCensus(world: World): void {
  const { plants, regions } = world;
  plants.smeContractCapacity.fill(0);
  plants.smeContracts.fill(0);
  regions.smeCount.fill(0);
  regions.smeAdopted.fill(0);
  regions.smeEmployment.fill(0);
  regions.smeInChain.fill(0);
  regions.smeCapabilitySum.fill(0);
}

/**
 * SME `i`'s accounts: wages out, its tech grant in, profit tax, owners' drawings above the cash
 * target. Returns the week's profit before tax at full precision (the store keeps it in 32 bits).
 */
function settleAccounts(world: World, i: number, week: SettlementWeek): number {
  const { smes, regions, params, scratch } = world;
  const r = smes.region[i];
  const wages = smes.employees[i] * regions.wage[r];
  const grant = regions.smeGrantIntensity[r] * week.referenceGrantWeeks * wages;
  const earned = smes.revenue[i] - smes.spend[i] - wages;
  const tax = earned > 0 ? params.profitTaxRate * earned : 0;
  let balance = smes.cash[i] + grant - wages - tax;
  const target = params.smeCashTargetWeeks * wages;
  if (balance > target) {
    const out = params.smeDrawRate * (balance - target);
    balance -= out;
    week.drawn += out;
  }
  smes.cash[i] = balance;
  week.wages += wages;
  week.grants += grant;
  scratch.regionGrantDemand[r] += grant;
  week.taxes += tax;
  smes.profit[i] = earned;
  smes.negativeCashWeeks[i] = balance < 0 ? Math.min(255, smes.negativeCashWeeks[i] + 1) : 0;
  return earned;
}

/**
 * Gibrat-like growth of SME `i` in proportion to its profit (hiring, above `expandUtilisation`)
 * or loss (shedding), in wage units; then next week's price, cost plus markup; and a contract
 * never covers more than the SME can now offer (it may have shed staff).
 */
function growAndPrice(world: World, i: number, earned: number, markup: number): void {
  const { smes, regions, params, scratch } = world;
  const r = smes.region[i];
  const labourPerUnit = params.labourPerComponent;
  const workerOutput = regions.productivity[r] * capabilityProductivity(smes.capability[i]);
  const perWorkerOutput = 1 / workerOutput; // one division, reused (divisions dominate this loop)
  const chainLabour = smes.chainOutput[i] * labourPerUnit * perWorkerOutput;
  const used = smes.employees[i] > 0 ? (smes.localLabour[i] + chainLabour) / smes.employees[i] : 0;
  smes.utilisation[i] = used;
  if (earned > 0 && used >= params.expandUtilisation) {
    smes.employees[i] = Math.min(params.smeMaxEmployees, smes.employees[i] + params.growthResponse * earned * scratch.regionInverseWage[r]);
  } else if (earned < 0) {
    smes.employees[i] = Math.max(1, smes.employees[i] + params.shrinkResponse * earned * scratch.regionInverseWage[r]);
  }
  smes.ordersLastWeek[i] = smes.ordersReceived[i];
  smes.price[i] = (labourPerUnit * regions.wage[r] * perWorkerOutput + smes.rawCost[i]) * markup;
  if (smes.contractCapacity[i] > 0) {
    const offer = (contractShareOf(world, i) * smes.employees[i] * workerOutput) / labourPerUnit;
    if (smes.contractCapacity[i] > offer) smes.contractCapacity[i] = offer;
  }
}

/** A contract ended at review keeps its buyer until its backlog is delivered; then the SME is free. */
function endFinishedContract(world: World, i: number): void {
  const { smes } = world;
  if (smes.buyerPlant[i] === NO_BUYER) smes.contractCapacity[i] = 0;
  else if (smes.contractCapacity[i] === 0 && smes.owedToBuyer[i] <= 1e-9) {
    smes.buyerPlant[i] = NO_BUYER;
    smes.owedToBuyer[i] = 0;
  }
}

/** Census of an SME that stays: its buyer plant's contracts, and its region's SME aggregates. */
function countStayingSme(world: World, i: number): void {
  const { smes, plants, regions } = world;
  const r = smes.region[i];
  const buyer = smes.buyerPlant[i];
  if (buyer !== NO_BUYER && smes.contractCapacity[i] > 0) {
    plants.smeContractCapacity[buyer] += smes.contractCapacity[i];
    plants.smeContracts[buyer]++;
  }
  regions.smeCount[r]++;
  regions.smeAdopted[r] += smes.digital[i];
  regions.smeEmployment[r] += smes.employees[i];
  if (buyer !== NO_BUYER) regions.smeInChain[r]++;
  regions.smeCapabilitySum[r] += smes.capability[i];
}
