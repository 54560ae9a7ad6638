/**
 * Phase 3 for lead firms (MODEL.md §3 step 3; agents/firm/arrivals.ts): this week's pipeline slot
 * lands in each plant's component stock; goods arriving at a closed plant go to the firm's home
 * plant, or are written off where the firm has exited or its home plant is closed — for a second
 * firm whose home plant is in bloc B (index f × blocs + 1), so index slips show.
 */
import { describe, expect, it } from 'vitest';
import { receiveComponents } from '../../../agents/firm/arrivals.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, threeRegions, tinyWorld } from './tiny-world.ts';

const SLOT = 3;

/**
 * Firm 0 homed in HOM (home plant 0, bloc A), firm 1 in HUB (home plant 3, bloc B); plant 2 is
 * firm 1's bloc-A plant. Tick 8 + 3: this week's slot is 3; stocks and pipelines start empty.
 */
function arrivalsWorld(): World {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
  const { plants, firms, geo } = world;
  expect(Array.from(plants.region)).toEqual([HOM, HUB, HOM, HUB]);
  expect(Array.from(firms.homeBloc)).toEqual([0, 1]);
  world.tick = geo.pipelineWeeks + SLOT;
  plants.componentStock.fill(0);
  plants.pipeline.fill(0);
  world.ledger.componentsWrittenOff = 0;
  return world;
}

describe('§3 step 3 components arrive at a second firm’s plants', () => {
  it('an active plant that is not the home plant keeps its own arrivals; next week’s slot (plant 0 included) waits', () => {
    const world = arrivalsWorld();
    const { plants } = world;
    const P = plants.count;
    plants.active.set([1, 0, 1, 1]); // firm 1 runs both its plants
    plants.pipeline[SLOT * P + 2] = 5;
    plants.pipeline[SLOT * P + 3] = 8;
    plants.pipeline[(SLOT + 1) * P + 0] = 99; // plant 0's goods for next week
    receiveComponents(world);
    expect(Array.from(plants.componentStock)).toEqual([0, 0, 5, 8]);
    expect(plants.pipeline[SLOT * P + 2]).toBe(0);
    expect(plants.pipeline[SLOT * P + 3]).toBe(0);
    expect(plants.pipeline[(SLOT + 1) * P + 0]).toBe(99);
    expect(world.ledger.componentsWrittenOff).toBe(0);
  });

  it('arrivals at a closed plant go to the firm’s home plant in bloc B (plant 1·2 + 1 = 3), not to another firm’s plant', () => {
    const world = arrivalsWorld();
    const { plants } = world;
    const P = plants.count;
    plants.active.set([1, 1, 0, 1]); // firm 1's bloc-A plant has closed
    plants.componentStock[1] = 2;
    plants.pipeline[SLOT * P + 2] = 7;
    receiveComponents(world);
    // 7 units into plant 3; firm 0's plants 0 and 1 untouched.
    expect(Array.from(plants.componentStock)).toEqual([0, 2, 0, 7]);
    expect(world.ledger.componentsWrittenOff).toBe(0);
  });

  it('arrivals at a closed plant are written off when the home plant is closed too, though the firm lives, or when the firm has exited', () => {
    const world = arrivalsWorld();
    const { plants, firms, ledger } = world;
    const P = plants.count;
    plants.active.set([1, 0, 0, 0]); // firm 1 alive, both its plants closed
    plants.pipeline[SLOT * P + 2] = 7;
    receiveComponents(world);
    expect(ledger.componentsWrittenOff).toBe(7);
    expect(Array.from(plants.componentStock)).toEqual([0, 0, 0, 0]);
    // Firm 1 has exited though its home plant is (still) marked active: written off as well.
    plants.active.set([1, 0, 0, 1]);
    firms.alive[1] = 0;
    plants.pipeline[SLOT * P + 2] = 4;
    receiveComponents(world);
    expect(ledger.componentsWrittenOff).toBe(11);
    expect(plants.componentStock[3]).toBe(0);
  });
});
