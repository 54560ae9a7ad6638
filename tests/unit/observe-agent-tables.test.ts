/**
 * readAgents (src/model/observe/agent-tables.ts) on a tiny world with hand-set fields: which
 * slots are live for each kind, and the id-major layout of the values.
 */
import { describe, expect, it } from 'vitest';
import { AGENT_KINDS, AGENT_TABLES, readAgents } from '../../src/model/observe/agent-tables.ts';
import { HOM, NBR, addSme, tinyWorld, twoFirmsTwoHubs } from './submodels/tiny-world.ts';

describe('readAgents', () => {
  it('lists the five kinds', () => {
    expect(AGENT_KINDS).toEqual(['sme', 'firm', 'plant', 'hub', 'cell']);
  });

  it('SMEs: live slots only (alive = 1), values id-major in the order the fields are asked for', () => {
    const world = tinyWorld();
    const a = addSme(world, HOM, { employees: 3, capability: 0.5, cash: 10 });
    const dead = addSme(world, NBR, { employees: 4, capability: 0.5, cash: 20 });
    const c = addSme(world, NBR, { employees: 5, capability: 0.5, cash: 30 });
    world.smes.alive[dead] = 0;
    const table = readAgents(world, 'sme', ['cash', 'region', 'employees']);
    expect(Array.from(table.id)).toEqual([a, c]);
    expect(Array.from(table.values)).toEqual([10, HOM, 3, 30, NBR, 5]);
    expect(Array.from(readAgents(world, 'sme', []).values)).toEqual([]);
    expect(Array.from(readAgents(world, 'sme', []).id)).toEqual([a, c]);
    expect(() => readAgents(world, 'sme', ['cash', 'alive'])).toThrow('unknown sme field "alive"');
  });

  it('firms: living ones only; plants, hubs and cells: every slot', () => {
    const world = twoFirmsTwoHubs();
    world.firms.cash.set([5, 6]);
    world.firms.alive[0] = 0;
    const firms = readAgents(world, 'firm', ['homeRegion', 'cash']);
    expect(Array.from(firms.id)).toEqual([1]);
    expect(Array.from(firms.values)).toEqual([NBR, 6]);

    world.plants.active.set([1, 0, 0, 1]);
    world.plants.capacity.set([10, 0, 0, 40]);
    const plants = readAgents(world, 'plant', ['active', 'capacity', 'firm']);
    expect(Array.from(plants.id)).toEqual([0, 1, 2, 3]); // idle plant slots are rows too
    expect(Array.from(plants.values)).toEqual([1, 10, 0, 0, 0, 0, 0, 0, 1, 1, 40, 1]);

    world.hubs.price.set([2, 3]);
    const hubs = readAgents(world, 'hub', ['price']);
    expect(Array.from(hubs.id)).toEqual([0, 1]);
    expect(Array.from(hubs.values)).toEqual([2, 3]);

    const cells = readAgents(world, 'cell', ['region']);
    expect(cells.id.length).toBe(world.cells.count);
    expect(Array.from(cells.values)).toEqual(Array.from(world.cells.region.subarray(0, world.cells.count)));
  });

  it('documents every kind and every field with a unit and a meaning', () => {
    for (const kind of AGENT_KINDS) {
      const table = AGENT_TABLES[kind];
      expect(table.doc.length, kind).toBeGreaterThan(0);
      const fields = Object.entries(table.fields) as [string, { unit: string; doc: string }][];
      expect(fields.length, kind).toBeGreaterThan(0);
      for (const [name, field] of fields) {
        expect(typeof field.unit, `${kind}.${name}`).toBe('string');
        expect(field.unit.length, `${kind}.${name} unit`).toBeGreaterThan(0);
        expect(field.doc.length, `${kind}.${name} doc`).toBeGreaterThan(0);
      }
    }
  });

  it('every table reads its own store', () => {
    const world = tinyWorld();
    expect(AGENT_TABLES.sme.store(world)).toBe(world.smes);
    expect(AGENT_TABLES.firm.store(world)).toBe(world.firms);
    expect(AGENT_TABLES.plant.store(world)).toBe(world.plants);
    expect(AGENT_TABLES.hub.store(world)).toBe(world.hubs);
    expect(AGENT_TABLES.cell.store(world)).toBe(world.cells);
  });
});
