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

/** Hoisted arrays and constants of the SME settlement (built once a week: the loop is the model's hottest). */
interface Settlement {
  referenceGrantWeeks: number;
  taxRate: number;
  cashTarget: number;
  drawRate: number;
  expand: number;
  maxEmployees: number;
  labourPerUnit: number;
  growthResponse: number;
  shrinkResponse: number;
  markup: number;
  exitWeeks: number;
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
  const { smes, regions, params, ledger, economy, scratch, smeRegions } = world;
  const c: Settlement = {
    referenceGrantWeeks: params.smeGrantReferenceWeeks / 52,
    taxRate: params.profitTaxRate,
    cashTarget: params.smeCashTargetWeeks,
    drawRate: params.smeDrawRate,
    expand: params.expandUtilisation,
    maxEmployees: params.smeMaxEmployees,
    labourPerUnit: params.labourPerComponent,
    growthResponse: params.growthResponse,
    shrinkResponse: params.shrinkResponse,
    markup: 1 + params.markup,
    exitWeeks: params.smeExitWeeks,
  };
  setGrantIntensity(world, c.referenceGrantWeeks);
  clearSmeCensus(world);
  const inverseWage = scratch.regionInverseWage;
  for (let r = 0; r < regions.count; r++) inverseWage[r] = regions.wage[r] > 0 ? 1 / regions.wage[r] : 0;
  const { alive, region, employees, cash, revenue, spend, profit, negativeCashWeeks } = smes;
  const wageOf = regions.wage;
  const grantPaid = scratch.regionGrantDemand;
  let wagesTotal = 0;
  let grantsTotal = 0;
  let taxTotal = 0;
  let drawn = 0;
  const exiting: number[] = [];
  for (let i = 0; i < smes.count; i++) {
    profit[i] = 0;
    if (!alive[i]) continue;
    const r = region[i];
    // Accounts: wages out, the tech grant in, profit tax, owners' drawings above the cash target.
    const wages = employees[i] * wageOf[r];
    const grant = smeRegions.smeGrantIntensity[r] * c.referenceGrantWeeks * wages;
    const earned = revenue[i] - spend[i] - wages;
    const tax = earned > 0 ? c.taxRate * earned : 0;
    const beforeDrawing = cash[i] + grant - wages - tax;
    const out = ownerDrawing(beforeDrawing, c.cashTarget * wages, c.drawRate);
    const balance = out > 0 ? beforeDrawing - out : beforeDrawing;
    drawn += out;
    cash[i] = balance;
    wagesTotal += wages;
    grantsTotal += grant;
    grantPaid[r] += grant;
    taxTotal += tax;
    profit[i] = earned;
    growAndPrice(world, c, i, earned);
    negativeCashWeeks[i] = balance < 0 ? Math.min(255, negativeCashWeeks[i] + 1) : 0;
    endFinishedContract(world, i);
    if (negativeCashWeeks[i] >= c.exitWeeks) exiting.push(i);
    else countStayingSme(world, i);
  }
  for (let r = 0; r < regions.count; r++) recordSpend(world, r, SME_TECH_GRANT, grantPaid[r] / economy.sampleFactor);
  ledger.wages += wagesTotal;
  ledger.grants += grantsTotal;
  ledger.profitTaxes += taxTotal;
  ledger.ownerDrawings += drawn;
  return exiting;
}

/** What owners draw out this week: `drawRate` of the cash above the target buffer (0 at or below it). */
function ownerDrawing(balance: number, target: number, drawRate: number): number {
  return balance > target ? drawRate * (balance - target) : 0;
}

/** Grant intensity per region: the pot over the reference grants of its SMEs (last census). */
function setGrantIntensity(world: World, referenceGrantWeeks: number): void {
  const { regions, scratch, smeRegions } = world;
  const grantPaid = scratch.regionGrantDemand;
  for (let r = 0; r < regions.count; r++) {
    const demand = referenceGrantWeeks * smeRegions.smeEmployment[r] * regions.wage[r];
    smeRegions.smeGrantIntensity[r] = demand > 0 ? Math.min(1, regions.smeGrantSpend[r] / demand) : 0;
    grantPaid[r] = 0;
  }
}

/** Empties the census the settlement recounts: regions' SME aggregates. */
function clearSmeCensus(world: World): void {
  const { smeRegions } = world;
  smeRegions.smeCount.fill(0);
  smeRegions.smeAdopted.fill(0);
  smeRegions.smeEmployment.fill(0);
  smeRegions.smeInChain.fill(0);
  smeRegions.smeCapabilitySum.fill(0);
}

/**
 * Gibrat-like growth of SME `i` in proportion to its profit `earned` (hiring, above
 * `expandUtilisation`) or loss (shedding), in wage units; next week's price, cost plus markup;
 * and a contract never covers more than the SME can now offer (it may have shed staff).
 */
function growAndPrice(world: World, c: Settlement, i: number, earned: number): void {
  const { smes, regions, scratch } = world;
  const r = smes.region[i];
  const workerOutput = regions.productivity[r] * capabilityProductivity(smes.capability[i]);
  const perWorkerOutput = 1 / workerOutput; // one division, reused (divisions dominate this loop)
  const chainLabour = smes.chainOutput[i] * c.labourPerUnit * perWorkerOutput;
  const employees = smes.employees[i];
  const used = employees > 0 ? (smes.localLabour[i] + chainLabour) / employees : 0;
  smes.utilisation[i] = used;
  if (earned > 0 && used >= c.expand) {
    smes.employees[i] = Math.min(c.maxEmployees, employees + c.growthResponse * earned * scratch.regionInverseWage[r]);
  } else if (earned < 0) {
    smes.employees[i] = Math.max(1, employees + c.shrinkResponse * earned * scratch.regionInverseWage[r]);
  }
  smes.ordersLastWeek[i] = smes.ordersReceived[i];
  smes.price[i] = (c.labourPerUnit * regions.wage[r] * perWorkerOutput + smes.rawCost[i]) * c.markup;
  if (smes.contractCapacity[i] > 0) {
    const offer = (contractShareOf(world, i) * smes.employees[i] * workerOutput) / c.labourPerUnit;
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

/** Census of an SME that stays: its region's SME aggregates (its buyer plant's contracts are tallied by the firm kind, `tallyContracts`). */
function countStayingSme(world: World, i: number): void {
  const { smes, smeRegions } = world;
  const r = smes.region[i];
  const buyer = smes.buyerPlant[i];
  smeRegions.smeCount[r]++;
  smeRegions.smeAdopted[r] += smes.digital[i];
  smeRegions.smeEmployment[r] += smes.employees[i];
  if (buyer !== NO_BUYER) smeRegions.smeInChain[r]++;
  smeRegions.smeCapabilitySum[r] += smes.capability[i];
}
