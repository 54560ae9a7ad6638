import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { capabilityProductivity } from './costs.ts';
import { LOCAL } from '../firm/index.ts';

/** Share of its capacity an SME offers its contract: all of it to a LOCAL firm (§ODD 7.1). */
function contractShareOf(world: World, id: number): number {
  const p = world.smes.buyerPlant[id];
  return p !== NO_BUYER && world.firms.strategy[world.plants.firm[p]] === LOCAL ? 1 : world.params.smeMaxChainShare;
}
import { recordSpend } from '../policymaker/index.ts';
import { SME_TECH_GRANT } from '../policymaker/index.ts';

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
  const R = regions.count;
  const referenceGrantWeeks = params.smeGrantReferenceWeeks / 52;
  // Grant intensity per region: the pot over the reference grants of its SMEs (last census).
  const grantPaid = scratch.regionGrantDemand;
  for (let r = 0; r < R; r++) {
    const demand = referenceGrantWeeks * regions.smeEmployment[r] * regions.wage[r];
    regions.smeGrantIntensity[r] = demand > 0 ? Math.min(1, regions.smeGrantSpend[r] / demand) : 0;
    grantPaid[r] = 0;
  }
  const markup = 1 + params.markup;
  const taxRate = params.profitTaxRate;
  const cashTarget = params.smeCashTargetWeeks;
  const drawRate = params.smeDrawRate;
  const expand = params.expandUtilisation;
  const maxEmployees = params.smeMaxEmployees;
  const labourPerUnit = params.labourPerComponent;
  let wagesTotal = 0;
  let grantsTotal = 0;
  let taxTotal = 0;
  let drawn = 0;
  const { alive, region, employees, cash, revenue, spend, profit, chainOutput, localLabour, utilisation } = smes;
  const { plants } = world;
  const exiting: number[] = [];
  plants.smeContractCapacity.fill(0);
  plants.smeContracts.fill(0);
  regions.smeCount.fill(0);
  regions.smeAdopted.fill(0);
  regions.smeEmployment.fill(0);
  regions.smeInChain.fill(0);
  regions.smeCapabilitySum.fill(0);
  // Arrays and scalars read in the loop, hoisted (the loop body pushes to a list, which keeps the
  // compiler from hoisting them itself).
  const { capability, negativeCashWeeks, ordersLastWeek, ordersReceived, price, rawCost, contractCapacity, buyerPlant, owedToBuyer, digital } = smes;
  const wageOf = regions.wage;
  const productivityOf = regions.productivity;
  const grantIntensity = regions.smeGrantIntensity;
  const { smeCount, smeAdopted, smeEmployment, smeInChain, smeCapabilitySum } = regions;
  const growthResponse = params.growthResponse;
  const shrinkResponse = params.shrinkResponse;
  const exitWeeks = params.smeExitWeeks;
  const inverseWage = scratch.regionInverseWage;
  for (let r = 0; r < R; r++) inverseWage[r] = wageOf[r] > 0 ? 1 / wageOf[r] : 0;
  for (let i = 0; i < smes.count; i++) {
    profit[i] = 0;
    if (!alive[i]) continue;
    const r = region[i];
    const wage = wageOf[r];
    const wages = employees[i] * wage;
    const grant = grantIntensity[r] * referenceGrantWeeks * wages;
    const earned = revenue[i] - spend[i] - wages;
    const tax = earned > 0 ? taxRate * earned : 0;
    let balance = cash[i] + grant - wages - tax;
    const target = cashTarget * wages;
    if (balance > target) {
      const out = drawRate * (balance - target);
      balance -= out;
      drawn += out;
    }
    cash[i] = balance;
    wagesTotal += wages;
    grantsTotal += grant;
    grantPaid[r] += grant;
    taxTotal += tax;
    profit[i] = earned;
    const productivity = capabilityProductivity(capability[i]);
    const workerOutput = productivityOf[r] * productivity;
    const perWorkerOutput = 1 / workerOutput; // one division, reused (divisions dominate this loop)
    const chainLabour = chainOutput[i] * labourPerUnit * perWorkerOutput;
    const used = employees[i] > 0 ? (localLabour[i] + chainLabour) / employees[i] : 0;
    utilisation[i] = used;
    // Gibrat-like growth: in proportion to profit (hiring) or loss (shedding), in wage units.
    if (earned > 0 && used >= expand) {
      employees[i] = Math.min(maxEmployees, employees[i] + growthResponse * earned * inverseWage[r]);
    } else if (earned < 0) {
      employees[i] = Math.max(1, employees[i] + shrinkResponse * earned * inverseWage[r]);
    }
    negativeCashWeeks[i] = balance < 0 ? Math.min(255, negativeCashWeeks[i] + 1) : 0;
    ordersLastWeek[i] = ordersReceived[i];
    price[i] = (labourPerUnit * wage * perWorkerOutput + rawCost[i]) * markup;
    // A contract never covers more than the SME can now offer (it may have shed staff).
    if (contractCapacity[i] > 0) {
      const offer =
        (contractShareOf(world, i) * employees[i] * workerOutput) / labourPerUnit;
      if (contractCapacity[i] > offer) contractCapacity[i] = offer;
    }
    if (buyerPlant[i] === NO_BUYER) contractCapacity[i] = 0;
    else if (contractCapacity[i] === 0 && owedToBuyer[i] <= 1e-9) {
      buyerPlant[i] = NO_BUYER; // an ended contract whose backlog is delivered
      owedToBuyer[i] = 0;
    }
    if (negativeCashWeeks[i] >= exitWeeks) {
      exiting.push(i);
      continue;
    }
    // Census of the SMEs that stay.
    const buyer = buyerPlant[i];
    if (buyer !== NO_BUYER && contractCapacity[i] > 0) {
      plants.smeContractCapacity[buyer] += contractCapacity[i];
      plants.smeContracts[buyer]++;
    }
    smeCount[r]++;
    smeAdopted[r] += digital[i];
    smeEmployment[r] += employees[i];
    if (buyer !== NO_BUYER) smeInChain[r]++;
    smeCapabilitySum[r] += capability[i];
  }
  for (let r = 0; r < R; r++) recordSpend(world, r, SME_TECH_GRANT, grantPaid[r] / economy.sampleFactor);
  ledger.wages += wagesTotal;
  ledger.grants += grantsTotal;
  ledger.profitTaxes += taxTotal;
  ledger.ownerDrawings += drawn;
  return exiting;
}
