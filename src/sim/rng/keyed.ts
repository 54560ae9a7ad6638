import { philox4x32 } from './philox.ts';
import { hashString32 } from './hash.ts';
import { cos, exp, log } from '../math.ts';

const INV_2_32 = 1 / 4294967296;
const TWO_PI = 2 * Math.PI;

/**
 * In-tick randomness for one purpose (say `sme.adopt`). Every draw is a pure function of
 * (run seed, purpose, entity id, tick, draw index): the Philox key is (seed, purpose hash)
 * and the counter is (entity, tick, draw block, 0). One Philox call yields four 32-bit words,
 * so draw indices 0–3 of the same (entity, tick) cost a single call.
 */
export class KeyedDraws {
  readonly purpose: string;
  private readonly key0: number;
  private readonly key1: number;
  private readonly words = new Uint32Array(4);
  private cachedEntity = -1;
  private cachedTick = -1;
  private cachedBlock = -1;
  private readonly packedWords = new Uint32Array(4);
  private packedBlock = -1;
  private packedTick = -1;

  constructor(seed: number, purpose: string) {
    this.purpose = purpose;
    this.key0 = seed >>> 0;
    this.key1 = hashString32(purpose);
  }

  /** The raw 32-bit word for (entity, tick, draw). */
  word(entity: number, tick: number, draw = 0): number {
    const block = draw >>> 2;
    if (entity !== this.cachedEntity || tick !== this.cachedTick || block !== this.cachedBlock) {
      philox4x32(entity, tick, block, 0, this.key0, this.key1, this.words);
      this.cachedEntity = entity;
      this.cachedTick = tick;
      this.cachedBlock = block;
    }
    return this.words[draw & 3];
  }

  /** Uniform on [0, 1). */
  uniform(entity: number, tick: number, draw = 0): number {
    return this.word(entity, tick, draw) * INV_2_32;
  }

  /**
   * Uniform on [0, 1) for a once-per-tick draw of a very common purpose (SME adoption): four
   * neighbouring entities share one Philox block (counter (entity >> 2, tick, 0, 1), lane
   * entity & 3), so a sweep over ids costs a quarter of the calls. Still a pure function of
   * (seed, purpose, entity, tick).
   */
  uniformPacked(entity: number, tick: number): number {
    const block = entity >>> 2;
    if (block !== this.packedBlock || tick !== this.packedTick) {
      philox4x32(block, tick, 0, 1, this.key0, this.key1, this.packedWords);
      this.packedBlock = block;
      this.packedTick = tick;
    }
    return this.packedWords[entity & 3] * INV_2_32;
  }

  /** Uniform on (0, 1): safe for logarithms. */
  uniformOpen(entity: number, tick: number, draw = 0): number {
    return (this.word(entity, tick, draw) + 0.5) * INV_2_32;
  }

  /** Standard normal by Box–Muller from draws `draw` and `draw + 1`. */
  normal(entity: number, tick: number, draw = 0): number {
    const u1 = this.uniformOpen(entity, tick, draw);
    const u2 = this.uniform(entity, tick, draw + 1);
    return Math.sqrt(-2 * log(u1)) * cos(TWO_PI * u2);
  }

  /** Standard Gumbel variate, for logit choices by the Gumbel-max rule. */
  gumbel(entity: number, tick: number, draw = 0): number {
    return -log(-log(this.uniformOpen(entity, tick, draw)));
  }

  /**
   * Poisson count with the given mean, by inversion for small means and a rounded normal
   * approximation above 30 (entry counts per region and week are small in practice).
   * Uses draws from `firstDraw` on; at most 64 of them.
   */
  poisson(entity: number, tick: number, mean: number, firstDraw = 0): number {
    if (!(mean > 0)) return 0;
    if (mean > 30) {
      const value = Math.round(mean + Math.sqrt(mean) * this.normal(entity, tick, firstDraw));
      return value < 0 ? 0 : value;
    }
    const u = this.uniform(entity, tick, firstDraw);
    let k = 0;
    let probability = exp(-mean);
    let cumulative = probability;
    while (u > cumulative && k < 200) {
      k++;
      probability *= mean / k;
      cumulative += probability;
    }
    return k;
  }
}

/** One `KeyedDraws` per purpose, created once per run (never inside the tick loop). */
export class DrawRegistry {
  private readonly byPurpose = new Map<string, KeyedDraws>();
  constructor(readonly seed: number) {}

  for(purpose: string): KeyedDraws {
    let draws = this.byPurpose.get(purpose);
    if (!draws) {
      draws = new KeyedDraws(this.seed, purpose);
      this.byPurpose.set(purpose, draws);
    }
    return draws;
  }
}
