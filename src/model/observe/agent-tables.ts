import type { World } from '../world.ts';

/**
 * Agent-level microdata (a sweep's optional `agents.parquet`): for each agent kind, the store it
 * lives in, which slots hold a live agent, and the per-agent fields an analyst may ask for, each
 * with its unit and meaning. Fields are read straight from the typed-array stores, so a field
 * listed here must stay a per-agent array of its store (tests/unit/agent-tables.test.ts checks).
 */

export interface AgentField {
  unit: string;
  doc: string;
}

interface AgentTable {
  doc: string;
  store: (world: World) => { count: number } & object;
  /** Whether slot i holds a live agent (dead SMEs' slots are reused later). */
  live: (world: World, i: number) => boolean;
  fields: Record<string, AgentField>;
}

const f = (unit: string, doc: string): AgentField => ({ unit, doc });

export const AGENT_TABLES = {
  sme: {
    doc: 'SMEs (live ones; an id is a slot, reused after an exit: pair id with bornAtTick)',
    store: (world) => world.smes,
    live: (world, i) => world.smes.alive[i] === 1,
    fields: {
      region: f('index', 'region index (world order)'),
      bornAtTick: f('tick', 'simulation tick of its entry (negative: before week 0)'),
      employees: f('workers', 'employees'),
      capability: f('0–1', 'capability q_c'),
      digital: f('0/1', '1 once digitally adopted (visible to lead firms)'),
      cash: f('$', 'cash'),
      buyerPlant: f('id', 'plant it supplies, −1 outside any value chain'),
      contractCapacity: f('units/week', 'components its contract covers'),
      chainOutput: f('units/week', 'components delivered to its buyer this week'),
      customers: f('share', 'its share of the local market'),
      revenue: f('$/week', 'revenue this week'),
      profit: f('$/week', 'profit this week'),
      utilisation: f('share', 'capacity utilisation'),
      price: f('$/unit', 'component price it charges'),
      riskPerception: f('share', 'risk perception π'),
    },
  },
  firm: {
    doc: 'lead firms',
    store: (world) => world.firms,
    live: (world, i) => world.firms.alive[i] === 1,
    fields: {
      homeRegion: f('index', 'home region index'),
      homeBloc: f('index', 'home bloc index'),
      strategy: f('code', 'sourcing strategy: 0 GLOBAL, 1 DUAL, 2 NEARSHORE, 3 MULTILOCAL, 4 LOCAL'),
      cash: f('$', 'cash'),
      riskPerception: f('share', 'risk perception π'),
      revenue: f('$/week', 'revenue this week'),
      profit: f('$/week', 'profit this week'),
      strategySwitches: f('count', 'strategy switches so far'),
    },
  },
  plant: {
    doc: 'lead-firm plants (one slot per firm and bloc; active = 1 when it produces)',
    store: (world) => world.plants,
    live: () => true,
    fields: {
      firm: f('id', 'its lead firm'),
      bloc: f('index', 'bloc index'),
      region: f('index', 'region index'),
      active: f('0/1', '1 when the plant exists and produces'),
      capacity: f('units/week', 'production capacity'),
      finishedStock: f('units', 'finished goods in stock'),
      componentStock: f('units', 'components in stock'),
      production: f('units/week', 'output this week'),
      delivered: f('units/week', 'final goods delivered this week'),
      lostSales: f('units/week', 'demand not served this week'),
      unitCost: f('$/unit', 'unit cost'),
      employment: f('workers', 'employment'),
      valueAdded: f('$/week', 'value added this week'),
      co2: f('t/week', 'transport CO₂ this week'),
    },
  },
  hub: {
    doc: 'hub suppliers',
    store: (world) => world.hubs,
    live: () => true,
    fields: {
      region: f('index', 'region index'),
      componentCapacity: f('units/week', 'component capacity'),
      componentOutput: f('units/week', 'components made this week'),
      componentFill: f('share', 'share of component orders filled'),
      utilisation: f('share', 'capacity utilisation'),
      price: f('$/unit', 'component price'),
      employment: f('workers', 'employment'),
      valueAdded: f('$/week', 'value added this week'),
    },
  },
  cell: {
    doc: 'community cells',
    store: (world) => world.cells,
    live: () => true,
    fields: {
      region: f('index', 'region index'),
      population: f('people', 'population the cell stands for'),
      access: f('share', 'digital access a'),
      literacy: f('share', 'digital literacy l'),
      skill: f('share', 'skill'),
      income: f('$/week', 'income'),
      trustFirms: f('0–1', 'trust in firms'),
      trustGovernment: f('0–1', 'trust in government'),
    },
  },
} satisfies Record<string, AgentTable>;

export type AgentKindName = keyof typeof AGENT_TABLES;
export const AGENT_KINDS = Object.keys(AGENT_TABLES) as AgentKindName[];

/** One snapshot of chosen fields of every live agent of a kind: ids, and values row by row (id-major). */
export interface AgentSnapshot {
  id: Int32Array;
  /** `id.length × fields.length` values: agent i's field j at i × fields.length + j. */
  values: Float64Array;
}

/** Reads `fields` of every live agent of `kind` (fields must be names listed in AGENT_TABLES). */
export function readAgents(world: World, kind: AgentKindName, fields: readonly string[]): AgentSnapshot {
  const table: AgentTable = AGENT_TABLES[kind];
  const store = table.store(world) as { count: number } & Record<string, ArrayLike<number>>;
  const columns = fields.map((name) => {
    if (!(name in table.fields)) throw new Error(`unknown ${kind} field "${name}"`);
    return store[name];
  });
  const ids: number[] = [];
  for (let i = 0; i < store.count; i++) if (table.live(world, i)) ids.push(i);
  const values = new Float64Array(ids.length * fields.length);
  ids.forEach((id, row) => {
    for (let j = 0; j < columns.length; j++) values[row * columns.length + j] = columns[j][id];
  });
  return { id: Int32Array.from(ids), values };
}
