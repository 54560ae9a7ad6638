import type { WorldDefinition } from '../src/model/world-definition.ts';
import { twoHubs } from './two-hubs/world.ts';
import twoHubsBaseline from './two-hubs/scenarios/baseline.json' with { type: 'json' };
import twoHubsLockdown from './two-hubs/scenarios/hub-lockdown.json' with { type: 'json' };
import twoHubsNodes from './two-hubs/scenarios/smart-sourcing-nodes.json' with { type: 'json' };
import twoHubsCircular from './two-hubs/scenarios/circular-procurement.json' with { type: 'json' };
import twoHubsLastMile from './two-hubs/scenarios/last-mile-hubs.json' with { type: 'json' };
import { buildWorld2019, world2019, type BlocScheme, type StartYear } from './world-2019/world.ts';
import world2019Baseline from './world-2019/scenarios/baseline-2019.json' with { type: 'json' };
import world2019Covid from './world-2019/scenarios/covid-2020.json' with { type: 'json' };
import world2019Recession from './world-2019/scenarios/recession.json' with { type: 'json' };
import world2019TradeBloc from './world-2019/scenarios/trade-bloc.json' with { type: 'json' };
import world2019Nodes from './world-2019/scenarios/smart-sourcing-nodes.json' with { type: 'json' };
import world2019Circular from './world-2019/scenarios/circular-procurement.json' with { type: 'json' };
import world2019LastMile from './world-2019/scenarios/last-mile-hubs.json' with { type: 'json' };

/** Options some worlds accept (world-2019: the start year of internet use, the bloc scheme). */
export interface WorldOptions {
  startYear?: number;
  blocs?: string;
}

/** A world and its built-in scenarios (raw JSON: validate with `checkScenario`). */
export interface WorldEntry {
  definition: (options?: WorldOptions) => WorldDefinition;
  /** Which options the world accepts, with a description of each. */
  options: Partial<Record<keyof WorldOptions, string>>;
  scenarios: Record<string, unknown>;
  defaultScenario: string;
  description: string;
}

export const WORLDS: Record<string, WorldEntry> = {
  'two-hubs': {
    definition: () => twoHubs,
    options: {},
    scenarios: { baseline: twoHubsBaseline, 'hub-lockdown': twoHubsLockdown, 'smart-sourcing-nodes': twoHubsNodes, 'circular-procurement': twoHubsCircular, 'last-mile-hubs': twoHubsLastMile },
    defaultScenario: 'baseline',
    description: 'Classroom world: 12 synthetic regions in three blocs with two low-cost hubs.',
  },
  'world-2019': {
    definition: (options?: WorldOptions) =>
      options && (options.startYear !== undefined || options.blocs !== undefined)
        ? buildWorld2019({
            startYear: options.startYear as StartYear | undefined,
            blocs: options.blocs as BlocScheme | undefined,
          })
        : world2019(),
    options: {
      startYear: 'year of the internet-use data the world starts from (1995–2019; 2019 default; 2010 for the backcast)',
      blocs: 'bloc scheme: 4region (default) or 6region (Gapminder)',
    },
    scenarios: {
      'baseline-2019': world2019Baseline,
      'covid-2020': world2019Covid,
      recession: world2019Recession,
      'trade-bloc': world2019TradeBloc,
      'smart-sourcing-nodes': world2019Nodes,
      'circular-procurement': world2019Circular,
      'last-mile-hubs': world2019LastMile,
    },
    defaultScenario: 'baseline-2019',
    description: 'Research world: 225 countries and territories of 2019 (Free data from Gapminder.org), 4 blocs, 5 computed hubs.',
  },
};

export const WORLD_NAMES = Object.keys(WORLDS);

/** The definition of a world by name; throws a message listing the worlds otherwise. */
export function lookupWorld(name: string, options?: WorldOptions): WorldDefinition {
  const entry = WORLDS[name];
  if (!entry) throw new Error(`unknown world "${name}"; expected one of ${WORLD_NAMES.join(', ')}`);
  return entry.definition(options);
}
