import type { World } from '../world.ts';
import type { IndicatorInfo, Recorder } from './recorder.ts';
import { smeValueAdded } from '../../../agents/sme/index.ts';

/** Weeks after the last shock ends over which losses are still counted (§6). */
export const LOSS_TAIL_WEEKS = 52;
/** The world counts as recovered once its final deliveries are back to this share of the reference. */
const RECOVERED_SHARE = 0.95;

export const LOSS_INDICATORS: IndicatorInfo[] = [
  { name: 'gvaLossGrossDirect', unit: '$', doc: 'Cumulative gross value added lost by agents in regions in the weeks they are locked down (vs the same-seed run without shocks).' },
  { name: 'gvaLossGrossIndirect', unit: '$', doc: 'Cumulative gross value added lost everywhere else, and in a locked-down region once its lockdown ends.' },
  { name: 'gvaLossNetDirect', unit: '$', doc: 'Cumulative net value-added change (reference − shocked) of direct agents; negative when activity moved to them.' },
  { name: 'gvaLossNetIndirect', unit: '$', doc: 'Cumulative net value-added change of indirect agents.' },
  { name: 'lossRatioMeasured', unit: 'ratio', doc: 'Indirect / direct gross value-added loss so far.' },
  { name: 'lossRatioAccounting', unit: 'ratio', doc: 'Pure value-added accounting ratio: the value added of the lost final units made outside / inside the locked-down regions, each tier (raw inputs, components, assembly) weighted by its value-added share and placed where the reference run made it (n/a, not recorded, when no final units are lost).' },
  { name: 'lostFinalDeliveries', unit: 'units', doc: 'Cumulative final deliveries short of the reference run (units, the customers’ loss).' },
  { name: 'recoveryWeeks', unit: 'weeks', doc: 'Weeks from the first shock’s start to the end of the last week in which final deliveries were below 95% of the reference (0 if never).' },
  { name: 'lostDeliveriesShare', unit: 'share of demand', doc: 'Per region: cumulative final deliveries short of the reference / cumulative reference demand.' },
];

/**
 * Loss measures of §6 for a shocked world against its same-seed reference world without the
 * scenario's shocks (common random numbers). Value added is compared agent by agent before any
 * sum, so no agent's gain cancels another's loss in the gross figures: each plant, each hub
 * supplier, each region's domestic raw source, and each SME, matched between the two runs by id
 * and birth week (an SME alive in one run only counts against zero in the other).
 */
export class LossTracker {
  private grossDirect = 0;
  private grossIndirect = 0;
  private netDirect = 0;
  private netIndirect = 0;
  private lostUnits = 0;
  private accountingOutside = 0;
  private accountingInside = 0;
  private recoveryWeeks = 0;
  private readonly lostByRegion: Float64Array;
  private readonly demandByRegion: Float64Array;

  constructor(private readonly world: World, private readonly reference: World) {
    const R = world.regions.count;
    this.lostByRegion = new Float64Array(R);
    this.demandByRegion = new Float64Array(R);
  }

  /** Whether `week` falls in the loss window: from the first shock to 52 weeks after the last. */
  inWindow(week: number): boolean {
    const { shockStartWeek, shockEndWeek } = this.world.scenario;
    return shockStartWeek >= 0 && week >= shockStartWeek && week < shockEndWeek + LOSS_TAIL_WEEKS;
  }

  /** Call after both worlds have completed `week`. */
  update(week: number): void {
    if (!this.inWindow(week)) return;
    const direct = this.world.regions.lockedDown;
    this.addValueAddedLosses(direct);
    this.addDeliveryLosses(week, direct);
  }

  /** Gross and net value added lost, agent by agent, split into direct and indirect. */
  private addValueAddedLosses(direct: Uint8Array): void {
    const { world, reference } = this;
    const add = (region: number, shocked: number, referenceValue: number) => {
      const net = referenceValue - shocked;
      const gross = Math.max(0, net);
      if (direct[region]) {
        this.grossDirect += gross;
        this.netDirect += net;
      } else {
        this.grossIndirect += gross;
        this.netIndirect += net;
      }
    };
    for (let p = 0; p < world.plants.count; p++) add(world.plants.region[p], world.plants.valueAdded[p], reference.plants.valueAdded[p]);
    for (let j = 0; j < world.hubs.count; j++) add(world.hubs.region[j], world.hubs.valueAdded[j], reference.hubs.valueAdded[j]);
    forEachSmePair(world, reference, add);
    const domesticShock = domesticValueAdded(world);
    const domesticReference = domesticValueAdded(reference);
    for (let r = 0; r < world.regions.count; r++) add(r, domesticShock[r], domesticReference[r]);
  }

  /** Final deliveries short of the reference (by region and overall), recovery, and the accounting ratio. */
  private addDeliveryLosses(week: number, direct: Uint8Array): void {
    const { world, reference } = this;
    const R = world.regions.count;
    let delivered = 0;
    let deliveredReference = 0;
    for (let r = 0; r < R; r++) {
      const shortfall = Math.max(0, reference.finalMarket.finalDelivered[r] - world.finalMarket.finalDelivered[r]);
      this.lostByRegion[r] += shortfall;
      this.demandByRegion[r] += reference.finalMarket.finalDemand[r];
      delivered += world.finalMarket.finalDelivered[r];
      deliveredReference += reference.finalMarket.finalDelivered[r];
    }
    const lostThisWeek = Math.max(0, deliveredReference - delivered);
    this.lostUnits += lostThisWeek;
    if (delivered < RECOVERED_SHARE * deliveredReference) {
      this.recoveryWeeks = week - world.scenario.shockStartWeek + 1;
    }
    // Accounting (§9.2): each lost final unit's value added, split by tier (raw inputs, components,
    // assembly) in their value-added shares, and each tier's part by where the reference run made it.
    if (lostThisWeek > 0) {
      const inside = lockedValueAddedShare(reference, direct);
      this.accountingInside += lostThisWeek * inside;
      this.accountingOutside += lostThisWeek * (1 - inside);
    }
  }

  /** Appends this week's cumulative loss measures to the recorder. */
  record(recorder: Recorder, week: number): void {
    recorder.recordExtra(week, 'gvaLossGrossDirect', this.grossDirect);
    recorder.recordExtra(week, 'gvaLossGrossIndirect', this.grossIndirect);
    recorder.recordExtra(week, 'gvaLossNetDirect', this.netDirect);
    recorder.recordExtra(week, 'gvaLossNetIndirect', this.netIndirect);
    recorder.recordExtra(week, 'lossRatioMeasured', this.grossDirect > 0 ? this.grossIndirect / this.grossDirect : 0);
    if (this.lostUnits > 0 && this.accountingInside > 0) {
      recorder.recordExtra(week, 'lossRatioAccounting', this.accountingOutside / this.accountingInside);
    }
    recorder.recordExtra(week, 'lostFinalDeliveries', this.lostUnits);
    recorder.recordExtra(week, 'recoveryWeeks', this.recoveryWeeks);
    for (let r = 0; r < this.world.regions.count; r++) {
      const share = this.demandByRegion[r] > 0 ? this.lostByRegion[r] / this.demandByRegion[r] : 0;
      recorder.recordExtra(week, 'lostDeliveriesShare', share, r);
    }
  }

  /** Plain-data state, for checkpoints. */
  state(): Record<string, number | number[]> {
    return {
      grossDirect: this.grossDirect,
      grossIndirect: this.grossIndirect,
      netDirect: this.netDirect,
      netIndirect: this.netIndirect,
      lostUnits: this.lostUnits,
      accountingOutside: this.accountingOutside,
      accountingInside: this.accountingInside,
      recoveryWeeks: this.recoveryWeeks,
      lostByRegion: Array.from(this.lostByRegion),
      demandByRegion: Array.from(this.demandByRegion),
    };
  }

  restoreState(state: Record<string, number | number[]>): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(state)) {
      const current = self[key];
      if (ArrayBuffer.isView(current)) (current as Float64Array).set(value as number[]);
      else self[key] = value;
    }
  }
}

/**
 * Value-added shares of the three tiers of a final unit — raw inputs, components, assembly — which
 * follow their labour per unit (§7.5).
 */
export function tierValueAddedShares(world: World): [number, number, number] {
  const { labourPerRawUnit, labourPerComponent, labourPerAssembly } = world.params;
  const total = labourPerRawUnit + labourPerComponent + labourPerAssembly;
  return [labourPerRawUnit / total, labourPerComponent / total, labourPerAssembly / total];
}

/**
 * Share of a final unit's value added made in the `direct` regions this week: Σ over tiers of the
 * tier's value-added share × the share of its output made there (tiers with no output this week
 * are left out and the rest renormalised; 0 when no tier produced).
 */
export function lockedValueAddedShare(world: World, direct: Uint8Array): number {
  const { plants, hubs, smes, regions, rawSources } = world;
  const made = [0, 0, 0];
  const inside = [0, 0, 0];
  const add = (tier: number, region: number, units: number) => {
    made[tier] += units;
    if (direct[region]) inside[tier] += units;
  };
  for (let r = 0; r < regions.count; r++) add(0, r, rawSources.domesticRawOutput[r] + rawSources.recycledRawOutput[r]);
  for (let j = 0; j < hubs.count; j++) {
    add(0, hubs.region[j], hubs.rawOutputExternal[j] + hubs.rawOutputInternal[j]);
    add(1, hubs.region[j], hubs.componentOutput[j]);
  }
  for (let i = 0; i < smes.count; i++) if (smes.alive[i]) add(1, smes.region[i], smes.chainOutput[i]);
  for (let p = 0; p < plants.count; p++) add(2, plants.region[p], plants.production[p]);
  const shares = tierValueAddedShares(world);
  let weight = 0;
  let locked = 0;
  for (let t = 0; t < 3; t++) {
    if (made[t] <= 0) continue;
    weight += shares[t];
    locked += (shares[t] * inside[t]) / made[t];
  }
  return weight > 0 ? locked / weight : 0;
}

/**
 * Calls `visit(region, shocked value added, reference value added)` once per SME: the same slot
 * with the same birth week is the same SME in both runs; one alive in a single run (it exited, or
 * entered, in one run only) is compared against zero value added in the other.
 */
export function forEachSmePair(world: World, reference: World, visit: (region: number, shocked: number, referenceValue: number) => void): void {
  const a = world.smes;
  const b = reference.smes;
  const n = Math.max(a.count, b.count);
  for (let i = 0; i < n; i++) {
    const inShocked = i < a.count && a.alive[i] === 1;
    const inReference = i < b.count && b.alive[i] === 1;
    if (inShocked && inReference && a.bornAtTick[i] === b.bornAtTick[i]) {
      visit(a.region[i], smeValueAdded(world, i), smeValueAdded(reference, i));
      continue;
    }
    if (inShocked) visit(a.region[i], smeValueAdded(world, i), 0);
    if (inReference) visit(b.region[i], 0, smeValueAdded(reference, i));
  }
}

function domesticValueAdded(world: World): Float64Array {
  const { rawSources } = world;
  const price = world.params.domesticRawPremium * world.economy.referenceRawPrice;
  const recycledPrice = (1 + world.params.recycledPricePremium) * world.economy.referenceRawPrice;
  const recycled = rawSources.recycledRawOutput;
  return rawSources.domesticRawOutput.map((output, r) => output * price + recycled[r] * recycledPrice);
}
