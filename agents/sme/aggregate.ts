import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';

/** Regional SME totals (count, adopted, employment, in chain), read by later phases and reporters. */
export function aggregateSmes(world: World): void {
  const { smes, smeRegions } = world;
  smeRegions.smeCount.fill(0);
  smeRegions.smeAdopted.fill(0);
  smeRegions.smeEmployment.fill(0);
  smeRegions.smeInChain.fill(0);
  smeRegions.smeCapabilitySum.fill(0);
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    smeRegions.smeCount[r]++;
    smeRegions.smeAdopted[r] += smes.digital[i];
    smeRegions.smeEmployment[r] += smes.employees[i];
    smeRegions.smeCapabilitySum[r] += smes.capability[i];
    if (smes.buyerPlant[i] !== NO_BUYER) smeRegions.smeInChain[r]++;
  }
}
