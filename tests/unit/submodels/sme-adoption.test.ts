/**
 * The SME adoption rule and capability (MODEL.md §7.6, `agents/sme/digital.ts`) at its edges,
 * against hand-computed values: adoption is `u < h` (strict) with the hazard
 * `h = (p + q · adoptedShare) · a · l · (1 + g · grant) / 52`; a region whose census holds no
 * SME yet reads an adopted share of 0; the census of adopters counts this week's adoptions;
 * only running plants give σ; dead slots neither adopt nor learn.
 */
import { describe, expect, it } from 'vitest';
import { adoptAndLearn } from '../../../agents/sme/digital.ts';
import { KeyedDraws } from '../../../src/sim/rng/keyed.ts';
import { exp } from '../../../src/sim/math.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, addSme, tinyWorld } from './tiny-world.ts';

const SEED = 7;
const TICK = 5;
const draws = new KeyedDraws(SEED, 'sme.adopt');
const u = (id: number) => draws.uniformPacked(id, TICK);

/** `n` offline SMEs in HOM at week 5, with access, literacy and census set by hand (grant 0). */
function world(n: number, params: Record<string, unknown>, access = 1, literacy = 1): World {
  const w = tinyWorld(undefined, params, undefined, SEED);
  for (let k = 0; k < n; k++) addSme(w, HOM, { employees: 5, capability: 0.5 });
  w.communityRegions.access[HOM] = access;
  w.communityRegions.literacy[HOM] = literacy;
  w.smeRegions.smeGrantIntensity[HOM] = 0;
  w.tick = TICK;
  return w;
}

/** Capability after one week: (1 − (1 − q) e^{−rate/52}) · e^{−δ/52}, stored as Float32 (the core's exp). */
const learned = (q: number, rate: number, depreciation = 0.02) =>
  Math.fround((1 - (1 - Math.fround(q)) * exp(-rate / 52)) * exp(-depreciation / 52));

describe('§7.6 adoption: u < h, with h from the census of the previous phase', () => {
  it('an SME whose draw equals h exactly does not adopt (P(u < h) = h for u on [0, 1))', () => {
    // The first SME with u < 1/104, so that a = 104 · u is a share ≤ 1. With p = 0.5, q = 0,
    // l = 1, no grant: h = (0.5 · 104u · 1 · 1) / 52 = u exactly (u is a multiple of 2^−32,
    // so 104u and 52u are exact and 52u / 52 rounds to u).
    let id = 0;
    while (u(id) >= 1 / 104) id++;
    const w = world(id + 1, { bassInnovation: 0.5, bassImitation: 0 }, 104 * u(id), 1);
    adoptAndLearn(w);
    expect(w.scratch.regionAdoptedShare[HOM]).toBe(u(id)); // the hazard the rule used: h = u
    expect(w.smes.digital[id]).toBe(0);
    // The SMEs before it had u ≥ 1/104 > h: none adopts either.
    expect(w.smeRegions.smeAdoptions[HOM]).toBe(0);
  });

  it('a region whose census holds no SME yet (entrants since) adopts at the external rate p alone', () => {
    // smeCount = 0: the adopted share is 0, not 0 / 0; h = (0.5 + 2 · 0) · 1 · 1 · 1 / 52 = 0.009615.
    const w = world(2000, { bassInnovation: 0.5, bassImitation: 2 });
    w.smeRegions.smeCount[HOM] = 0;
    w.smeRegions.smeAdopted[HOM] = 0;
    const h = 0.5 / 52;
    adoptAndLearn(w);
    let expected = 0;
    for (let i = 0; i < 2000; i++) {
      const adopts = u(i) < h ? 1 : 0;
      expect(w.smes.digital[i], `SME ${i}`).toBe(adopts);
      expected += adopts;
    }
    expect(expected).toBeGreaterThan(0); // 2000 · 0.0096 ≈ 19 adopters expected; the seed gives some
    expect(w.smeRegions.smeAdoptions[HOM]).toBe(expected);
  });

  it('adds this week’s adopters to the census of adopted SMEs and to the week’s adoptions', () => {
    // 1000 SMEs, 100 of them digital (ids 0–99): share 0.1, h = (0.5 + 2 · 0.1) · 0.8 · 0.5 / 52.
    const w = world(1000, { bassInnovation: 0.5, bassImitation: 2 }, 0.8, 0.5);
    for (let i = 0; i < 100; i++) w.smes.digital[i] = 1;
    w.smeRegions.smeCount[HOM] = 1000;
    w.smeRegions.smeAdopted[HOM] = 100;
    const h = ((0.5 + 2 * 0.1) * 0.8 * 0.5) / 52; // 0.005385
    let adopters = 0;
    for (let i = 100; i < 1000; i++) if (u(i) < h) adopters++;
    expect(adopters).toBeGreaterThan(0);
    adoptAndLearn(w);
    expect(w.smeRegions.smeAdoptions[HOM]).toBe(adopters);
    expect(w.smeRegions.smeAdopted[HOM]).toBe(100 + adopters);
  });

  it('dead slots neither adopt nor learn', () => {
    // h = (0.5 + 2 · 0.5) · 1 · 1 · (1 + 10 · 1) / 52 = 0.3173: about a third of the draws are below it.
    const w = world(40, { bassInnovation: 0.5, bassImitation: 2, techGrantEffect: 10 });
    w.smeRegions.smeCount[HOM] = 40;
    w.smeRegions.smeAdopted[HOM] = 20;
    w.smeRegions.smeGrantIntensity[HOM] = 1;
    const h = ((0.5 + 2 * 0.5) * 11) / 52;
    for (let i = 0; i < 40; i += 2) w.smes.alive[i] = 0;
    let deadBelow = 0;
    for (let i = 0; i < 40; i += 2) if (u(i) < h) deadBelow++;
    expect(deadBelow).toBeGreaterThan(0); // a live SME with these draws would have adopted
    adoptAndLearn(w);
    for (let i = 0; i < 40; i++) {
      if (i % 2 === 0) {
        expect(w.smes.digital[i], `dead ${i}`).toBe(0);
        expect(w.smes.capability[i], `dead ${i}`).toBe(Math.fround(0.5));
      } else {
        expect(w.smes.digital[i], `live ${i}`).toBe(u(i) < h ? 1 : 0);
      }
    }
  });
});

describe('§7.6 capability: σ only where a plant runs', () => {
  it('an SME in a region with an idle plant learns at κ; once the plant runs, at κ(1 + σ); idle again, at κ', () => {
    // HUB holds plant 1, not running. Outside a chain, no grant: rate κ = 0.15, then κ(1 + 0.5) = 0.225.
    const w = tinyWorld(undefined, {}, undefined, SEED);
    expect(w.plants.region[1]).toBe(HUB);
    expect(w.plants.active[1]).toBe(0);
    const id = addSme(w, HUB, { employees: 5, capability: 0.4 });
    adoptAndLearn(w);
    const week1 = learned(0.4, 0.15);
    expect(w.smes.capability[id]).toBe(week1);
    w.plants.active[1] = 1;
    adoptAndLearn(w);
    const week2 = learned(week1, 0.15 * 1.5);
    expect(w.smes.capability[id]).toBe(week2);
    w.plants.active[1] = 0;
    adoptAndLearn(w);
    expect(w.smes.capability[id]).toBe(learned(week2, 0.15));
  });
});
