import seedrandom from 'seedrandom';
import { cos, log } from '../math.ts';

/**
 * Sequential stream for initialisation only (sizes, positions, initial states): seedrandom's
 * Alea generator seeded with the run seed and a purpose, so adding a new purpose never shifts
 * the draws of another.
 */
export interface InitStream {
  uniform(): number;
  normal(): number;
  /** Integer in [lo, hi]. */
  integer(lo: number, hi: number): number;
}

export function initStream(seed: number, purpose: string): InitStream {
  const prng = seedrandom.alea(`glocal:${seed >>> 0}:${purpose}`);
  const uniform = (): number => prng.double();
  return {
    uniform,
    normal(): number {
      let u1 = uniform();
      while (u1 <= 0) u1 = uniform();
      const u2 = uniform();
      return Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
    },
    integer(lo: number, hi: number): number {
      return lo + Math.floor(uniform() * (hi - lo + 1));
    },
  };
}
