import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';

/** Regional SME totals (count, adopted, employment, in chain), read by later phases and reporters. */
export function aggregateSmes(world: World): void {
  const { smes, regions } = world;
  regions.smeCount.fill(0);
  regions.smeAdopted.fill(0);
  regions.smeEmployment.fill(0);
  regions.smeInChain.fill(0);
  regions.smeCapabilitySum.fill(0);
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    regions.smeCount[r]++;
    regions.smeAdopted[r] += smes.digital[i];
    regions.smeEmployment[r] += smes.employees[i];
    regions.smeCapabilitySum[r] += smes.capability[i];
    if (smes.buyerPlant[i] !== NO_BUYER) regions.smeInChain[r]++;
  }
}
