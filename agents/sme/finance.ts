import type { World } from '../../src/sim/world.ts';
import { NO_BUYER } from './schema.ts';
import { smeComponentPrice, smeWeeklyCost, smeWorkerOutput } from './costs.ts';
import { recordSpend } from '../policymaker/spending.ts';
import { SME_TECH_GRANT } from '../policymaker/schema.ts';

/**
 * Phase 8 — SME accounts and growth (§7.6): wages out, technology grants in, profit tax, owners
 * draw cash above the target buffer. Growth is Gibrat-like: with positive profit and utilisation
 * above `expandUtilisation` an SME hires in proportion to its profit; with a loss it sheds staff
 * in proportion to the loss. Returns nothing; exits are decided in `demography.ts`.
 */
export function settleSmes(world: World): void {
  const { smes, regions, params, ledger, economy } = world;
  const grantDemand = world.scratch.regionGrantDemand;
  grantDemand.fill(0);
  const referenceGrantWeeks = params.smeGrantReferenceWeeks / 52;
  for (let i = 0; i < smes.count; i++) {
    if (smes.alive[i]) grantDemand[smes.region[i]] += referenceGrantWeeks * smeWeeklyCost(world, i);
  }
  for (let r = 0; r < regions.count; r++) {
    const intensity = grantDemand[r] > 0 ? Math.min(1, regions.smeGrantSpend[r] / grantDemand[r]) : 0;
    regions.smeGrantIntensity[r] = intensity;
    recordSpend(world, r, SME_TECH_GRANT, (intensity * grantDemand[r]) / economy.sampleFactor);
  }
  for (let i = 0; i < smes.count; i++) {
    smes.profit[i] = 0;
    smes.valueAdded[i] = 0;
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    const wage = regions.wage[r];
    const wages = smes.employees[i] * wage;
    const grant = regions.smeGrantIntensity[r] * referenceGrantWeeks * wages;
    const profit = smes.revenue[i] - smes.spend[i] - wages;
    const tax = params.profitTaxRate * Math.max(0, profit);
    smes.cash[i] += grant - wages - tax;
    ledger.wages += wages;
    ledger.grants += grant;
    ledger.profitTaxes += tax;
    const target = params.smeCashTargetWeeks * wages;
    if (smes.cash[i] > target) {
      const drawn = params.smeDrawRate * (smes.cash[i] - target);
      smes.cash[i] -= drawn;
      ledger.ownerDrawings += drawn;
    }
    smes.profit[i] = profit;
    smes.valueAdded[i] = smes.revenue[i] - smes.spend[i];
    const chainLabour = (smes.chainOutput[i] * params.labourPerComponent) / smeWorkerOutput(world, i);
    const utilisation = smes.employees[i] > 0 ? (smes.localLabour[i] + chainLabour) / smes.employees[i] : 0;
    smes.utilisation[i] = utilisation;
    // Gibrat-like growth: in proportion to profit (hiring) or loss (shedding), in wage units.
    if (profit > 0 && utilisation >= params.expandUtilisation) {
      smes.employees[i] = Math.min(params.smeMaxEmployees, smes.employees[i] + (params.growthResponse * profit) / wage);
    } else if (profit < 0) {
      smes.employees[i] = Math.max(1, smes.employees[i] + (params.shrinkResponse * profit) / wage);
    }
    smes.negativeCashWeeks[i] = smes.cash[i] < 0 ? Math.min(255, smes.negativeCashWeeks[i] + 1) : 0;
    smes.ordersLastWeek[i] = smes.ordersReceived[i];
    smes.price[i] = smeComponentPrice(world, i);
    if (smes.buyerPlant[i] === NO_BUYER) smes.contractCapacity[i] = 0;
  }
}
