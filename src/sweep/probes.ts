import type { World } from '../model/world.ts';
import { NO_BUYER } from '../../agents/sme/index.ts';

/**
 * Probes: named measurements taken inside a run, for validation and sweeps, when the recorded
 * indicators are not enough (distributions, per-agent series). A probe sees the world after
 * each recorded week and returns plain data at the end.
 */
export interface Probe<State = unknown> {
  doc: string;
  start(world: World): State;
  week(world: World, week: number, state: State): void;
  result(state: State, world: World): unknown;
}

/** Employees of every living SME at the end of the run. */
const smeSizes: Probe<null> = {
  doc: 'Employees of every living SME at the end of the run.',
  start: () => null,
  week: () => {},
  result: (_state, world) => {
    const out: number[] = [];
    for (let i = 0; i < world.smes.count; i++) if (world.smes.alive[i]) out.push(world.smes.employees[i]);
    return out;
  },
};

interface OrderState {
  customerOrders: number[][];
  plantOrders: number[][];
  hubRawOrders: number[][];
  smeRawOrders: Map<number, number[]>;
  smeBuyer: Map<number, number>;
}

/**
 * Weekly order series for the bullwhip pattern (P11): each running plant's customer orders
 * (final demand it faces, ordered from it or from its firm's distribution hubs, §9.5) and component orders, each hub supplier's raw-input orders, and the
 * raw orders of SMEs that kept the same buyer throughout.
 */
const orderSeries: Probe<OrderState> = {
  doc: 'Per-firm weekly order series: final demand per plant, plant component orders, tier-1 raw orders (hubs and SMEs).',
  start: (world) => ({
    customerOrders: Array.from({ length: world.plants.count }, () => []),
    plantOrders: Array.from({ length: world.plants.count }, () => []),
    hubRawOrders: Array.from({ length: world.hubs.count }, () => []),
    smeRawOrders: new Map(),
    smeBuyer: new Map(),
  }),
  week: (world, _week, state) => {
    const { plants, hubs, smes } = world;
    for (let p = 0; p < plants.count; p++) {
      state.customerOrders[p].push(plants.active[p] ? world.scratch.plantFinalDemand[p] : NaN);
      state.plantOrders[p].push(plants.active[p] ? plants.componentOrders[p] : NaN);
    }
    for (let j = 0; j < hubs.count; j++) state.hubRawOrders[j].push(hubs.rawOrderInternal[j]);
    for (let i = 0; i < smes.count; i++) {
      const buyer = smes.alive[i] ? smes.buyerPlant[i] : NO_BUYER;
      const known = state.smeBuyer.get(i);
      if (known === undefined) {
        if (buyer !== NO_BUYER && state.customerOrders[0].length === 1) {
          state.smeBuyer.set(i, buyer);
          state.smeRawOrders.set(i, [smes.rawOrdered[i]]);
        }
      } else if (known === buyer) {
        state.smeRawOrders.get(i)?.push(smes.rawOrdered[i]);
      } else {
        state.smeBuyer.set(i, -2); // changed buyer or exited: not a stable series
        state.smeRawOrders.delete(i);
      }
    }
  },
  result: (state) => ({
    customerOrders: state.customerOrders,
    plantOrders: state.plantOrders,
    hubRawOrders: state.hubRawOrders,
    smeRawOrders: [...state.smeRawOrders.values()],
  }),
};

export const PROBES = { smeSizes, orderSeries } as const;
export type ProbeName = keyof typeof PROBES;
export const PROBE_NAMES = Object.keys(PROBES) as ProbeName[];
