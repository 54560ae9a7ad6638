import { PIPELINE_WEEKS } from '../../src/model/geography.ts';
import { FreeList, resized } from '../../src/sim/store.ts';

/** `SmeStore.rawSource` value for the region's generic domestic raw-input source. */
export const DOMESTIC_SOURCE = -1;
/** `SmeStore.buyerPlant` value for an SME outside any value chain. */
export const NO_BUYER = -1;

/**
 * SMEs: one slot per firm, id = slot for life. Deaths mark `alive = 0` and free the slot at the
 * end of the phase; births take the lowest free slot, else a new one (capacity grows by half).
 */
export interface SmeStore {
  /** Slots in use (live + dead). */
  count: number;
  capacity: number;
  /** Weekly slots of the raw-input pipeline ring (the world's `geo.pipelineWeeks`). */
  pipelineWeeks: number;
  freeSlots: FreeList;
  alive: Uint8Array;
  region: Uint16Array;
  bornAtTick: Int32Array;
  employees: Float32Array;
  /** q_c in [0, 1]. */
  capability: Float32Array;
  /** d: 1 once digitally adopted (visible to lead firms). */
  digital: Uint8Array;
  cash: Float64Array;
  negativeCashWeeks: Uint8Array;
  /** Plant id of the lead-firm plant it supplies, or NO_BUYER. */
  buyerPlant: Int16Array;
  /** Units/week the contract covers. */
  contractCapacity: Float32Array;
  /** Chain orders received this week and last week (units). */
  ordersReceived: Float32Array;
  ordersLastWeek: Float32Array;
  /** Components owed to the buyer (backlog, units). */
  owedToBuyer: Float64Array;
  rawStock: Float64Array;
  /** Raw inputs in transit (ring of `pipelineWeeks` slots, SME-major: id × pipelineWeeks + slot, see `pipelineIndex`). */
  rawPipeline: Float64Array;
  owedByHub: Float64Array;
  owedByDomestic: Float64Array;
  /** Raw inputs owed by the region's recycled source (§9.5). */
  owedByRecycled: Float64Array;
  /** Hub supplier id it buys raw inputs from, or DOMESTIC_SOURCE. */
  rawSource: Int16Array;
  /** Share of raw orders placed with the hub (shifts toward the source that delivered). */
  rawHubShare: Float32Array;
  /** D̂ of raw needs (from last week's chain orders). */
  rawForecast: Float32Array;
  /** Raw inputs ordered this week (P11's tier-1 orders). */
  rawOrdered: Float32Array;
  riskPerception: Float32Array;
  /** ĥ of its hub's region (onsets per week). */
  observedHazard: Float32Array;
  hubReliability: Float32Array;
  chainOutput: Float64Array;
  /**
   * Customer base in the local market (capacity × capability units): follows the SME's
   * capacity × capability slowly, so a shrinking SME keeps its customers for a while.
   */
  customers: Float32Array;
  localRevenue: Float32Array;
  /** Worker-weeks used for the local market this week. */
  localLabour: Float32Array;
  revenue: Float32Array;
  /** Paid this week for raw inputs, freight and tariffs. */
  spend: Float32Array;
  profit: Float32Array;
  utilisation: Float32Array;
  /** Component price it charges ($/unit). */
  price: Float32Array;
  /** Landed raw cost per unit (EMA). */
  rawCost: Float32Array;
}

/**
 * Where slot `slot` of SME `id`'s raw-input ring lies in `rawPipeline`. SME-major, so the weekly
 * in-transit sum of one SME reads adjacent values (slot-major cost a cache miss per slot).
 */
export function pipelineIndex(store: SmeStore, id: number, slot: number): number {
  return id * store.pipelineWeeks + slot;
}

/** Room for the entrants of the first weeks (before the first exits free slots), so they do not reallocate every array. */
const START_HEADROOM = 1.05;
/** Capacity grows by this factor when full (not 2: at 10⁶ SMEs a doubling costs ~200 MB). */
const GROWTH_FACTOR = 1.5;

/**
 * Lead firms' exposure through their SME suppliers (§2, §7.1), firm × region: 1 where a firm's
 * SME supplier sits (first tier) or, for a digitally visible SME, where its hub raw inputs come
 * from (second tier). Owned and written by the SME kind when it ships; read by firms when they
 * update observed hazards. Rewritten every week.
 */
export interface SmeSupplyExposure {
  regionCount: number;
  byFirmRegion: Uint8Array;
}

export function createSmeSupplyExposure(firmCount: number, regionCount: number): SmeSupplyExposure {
  return { regionCount, byFirmRegion: new Uint8Array(firmCount * regionCount) };
}

export function createSmeStore(initialCapacity: number, pipelineWeeks = PIPELINE_WEEKS): SmeStore {
  const n = Math.max(16, Math.ceil(initialCapacity * START_HEADROOM));
  return {
    count: 0,
    capacity: n,
    pipelineWeeks,
    freeSlots: new FreeList(),
    alive: new Uint8Array(n),
    region: new Uint16Array(n),
    bornAtTick: new Int32Array(n),
    employees: new Float32Array(n),
    capability: new Float32Array(n),
    digital: new Uint8Array(n),
    cash: new Float64Array(n),
    negativeCashWeeks: new Uint8Array(n),
    buyerPlant: new Int16Array(n).fill(NO_BUYER),
    contractCapacity: new Float32Array(n),
    ordersReceived: new Float32Array(n),
    ordersLastWeek: new Float32Array(n),
    owedToBuyer: new Float64Array(n),
    rawStock: new Float64Array(n),
    rawPipeline: new Float64Array(n * pipelineWeeks),
    owedByHub: new Float64Array(n),
    owedByDomestic: new Float64Array(n),
    owedByRecycled: new Float64Array(n),
    rawSource: new Int16Array(n).fill(DOMESTIC_SOURCE),
    rawHubShare: new Float32Array(n),
    rawForecast: new Float32Array(n),
    rawOrdered: new Float32Array(n),
    riskPerception: new Float32Array(n),
    observedHazard: new Float32Array(n),
    hubReliability: new Float32Array(n).fill(1),
    chainOutput: new Float64Array(n),
    customers: new Float32Array(n),
    localRevenue: new Float32Array(n),
    localLabour: new Float32Array(n),
    revenue: new Float32Array(n),
    spend: new Float32Array(n),
    profit: new Float32Array(n),
    utilisation: new Float32Array(n),
    price: new Float32Array(n),
    rawCost: new Float32Array(n),
  };
}

/** Grows capacity; the SME-major pipeline grows with it (its slots keep their indices). */
export function growSmeStore(store: SmeStore, minimumCapacity: number): void {
  if (minimumCapacity <= store.capacity) return;
  let capacity = store.capacity;
  while (capacity < minimumCapacity) capacity = Math.ceil(capacity * GROWTH_FACTOR);
  const target = store as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(store)) {
    if (!ArrayBuffer.isView(value)) continue;
    const array = value as Float64Array;
    const next = resized(array, name === 'rawPipeline' ? capacity * store.pipelineWeeks : capacity);
    if (name === 'buyerPlant') next.fill(NO_BUYER, store.capacity);
    if (name === 'rawSource') next.fill(DOMESTIC_SOURCE, store.capacity);
    if (name === 'hubReliability') next.fill(1, store.capacity);
    target[name] = next;
  }
  store.capacity = capacity;
}

/** Takes a slot for a new SME (lowest free slot first) and clears it. */
export function allocateSme(store: SmeStore): number {
  let id = store.freeSlots.take();
  if (id < 0) {
    if (store.count >= store.capacity) growSmeStore(store, store.count + 1);
    id = store.count++;
  }
  clearSme(store, id);
  return id;
}

/** Resets every per-slot field of a reused slot (written out: dynamic keys are slow in the tick loop). */
function clearSme(store: SmeStore, id: number): void {
  store.alive[id] = 0;
  store.region[id] = 0;
  store.bornAtTick[id] = 0;
  store.employees[id] = 0;
  store.capability[id] = 0;
  store.digital[id] = 0;
  store.cash[id] = 0;
  store.negativeCashWeeks[id] = 0;
  store.buyerPlant[id] = 0;
  store.contractCapacity[id] = 0;
  store.ordersReceived[id] = 0;
  store.ordersLastWeek[id] = 0;
  store.owedToBuyer[id] = 0;
  store.rawStock[id] = 0;
  store.owedByHub[id] = 0;
  store.owedByDomestic[id] = 0;
  store.owedByRecycled[id] = 0;
  store.rawSource[id] = 0;
  store.rawHubShare[id] = 0;
  store.rawForecast[id] = 0;
  store.rawOrdered[id] = 0;
  store.riskPerception[id] = 0;
  store.observedHazard[id] = 0;
  store.hubReliability[id] = 0;
  store.chainOutput[id] = 0;
  store.customers[id] = 0;
  store.localRevenue[id] = 0;
  store.localLabour[id] = 0;
  store.revenue[id] = 0;
  store.spend[id] = 0;
  store.profit[id] = 0;
  store.utilisation[id] = 0;
  store.price[id] = 0;
  store.rawCost[id] = 0;
  store.rawPipeline.fill(0, id * store.pipelineWeeks, (id + 1) * store.pipelineWeeks);
  store.buyerPlant[id] = NO_BUYER;
  store.rawSource[id] = DOMESTIC_SOURCE;
  store.hubReliability[id] = 1;
}

/** Size class of an SME: 0 micro (1–9), 1 small (10–49), 2 medium (50–249). */
export function sizeClass(employees: number): number {
  return employees < 10 ? 0 : employees < 50 ? 1 : 2;
}

/**
 * §9.2: each region's importer of its SMEs' local-market inputs (one per region, index = region):
 * the region's SMEs buy their imported inputs through it, at its landed cost. Stock on hand,
 * forecast of use (D̂), a pipeline ring (slot × regions + region, `geo.pipelineWeeks` slots), what
 * each hub owes it (region × hubs + hub), its cash (a pass-through at cost: it pays hubs on dispatch
 * and is paid as SMEs use the inputs) and its landed cost per unit (EMA). Owned by the SME kind.
 */
export interface ImporterStore {
  count: number;
  stock: Float64Array;
  forecast: Float64Array;
  pipeline: Float64Array;
  owed: Float64Array;
  /**
   * Availability: the share of its hubs that can ship to it, followed by at most `reorderShiftRate`
   * a week. The imported share of SMEs' inputs is the region's `importedInputShare` × this, so SMEs
   * turn to domestic inputs over weeks when imports cannot come (a closed border); a lockdown's
   * partial fills stay Leontief shortages.
   */
  availability: Float64Array;
  /** Share of orders with each hub, chosen at the start (region × hubs + hub). */
  hubShare: Float64Array;
  /** Record of each hub's deliveries (region × hubs + hub; EMA of fill fractions, §2). */
  reliability: Float64Array;
  cash: Float64Array;
  cost: Float64Array;
}

export function createImporterStore(regionCount: number, hubCount: number, pipelineWeeks: number): ImporterStore {
  const perRegion = () => new Float64Array(regionCount);
  return {
    count: regionCount,
    stock: perRegion(),
    forecast: perRegion(),
    pipeline: new Float64Array(regionCount * pipelineWeeks),
    owed: new Float64Array(regionCount * hubCount),
    availability: perRegion().fill(1),
    hubShare: new Float64Array(regionCount * hubCount),
    reliability: new Float64Array(regionCount * hubCount).fill(1),
    cash: perRegion(),
    cost: perRegion(),
  };
}
