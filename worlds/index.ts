import type { WorldDefinition } from '../src/sim/world-definition.ts';
import { twoHubs } from './two-hubs/world.ts';
import twoHubsBaseline from './two-hubs/scenarios/baseline.json' with { type: 'json' };
import twoHubsLockdown from './two-hubs/scenarios/hub-lockdown.json' with { type: 'json' };
import { world2019 } from './world-2019/world.ts';
import world2019Baseline from './world-2019/scenarios/baseline-2019.json' with { type: 'json' };
import world2019Covid from './world-2019/scenarios/covid-2020.json' with { type: 'json' };
import world2019Recession from './world-2019/scenarios/recession.json' with { type: 'json' };
import world2019TradeBloc from './world-2019/scenarios/trade-bloc.json' with { type: 'json' };

/** A world and its built-in scenarios (raw JSON: validate with `parseScenario`). */
export interface WorldEntry {
  definition: () => WorldDefinition;
  scenarios: Record<string, unknown>;
  defaultScenario: string;
  description: string;
}

export const WORLDS: Record<string, WorldEntry> = {
  'two-hubs': {
    definition: () => twoHubs,
    scenarios: { baseline: twoHubsBaseline, 'hub-lockdown': twoHubsLockdown },
    defaultScenario: 'baseline',
    description: 'Classroom world: 12 synthetic regions in three blocs with two low-cost hubs.',
  },
  'world-2019': {
    definition: world2019,
    scenarios: {
      'baseline-2019': world2019Baseline,
      'covid-2020': world2019Covid,
      recession: world2019Recession,
      'trade-bloc': world2019TradeBloc,
    },
    defaultScenario: 'baseline-2019',
    description: 'Research world: 225 countries and territories of 2019 (Free data from Gapminder.org), 4 blocs, 5 computed hubs.',
  },
};

export const WORLD_NAMES = Object.keys(WORLDS);

/** The definition of a world by name; throws a message listing the worlds otherwise. */
export function lookupWorld(name: string): WorldDefinition {
  const entry = WORLDS[name];
  if (!entry) throw new Error(`unknown world "${name}"; expected one of ${WORLD_NAMES.join(', ')}`);
  return entry.definition();
}
