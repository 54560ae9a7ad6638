/** One phase of a tick: a named system (or group of systems) over a world. */
export interface Phase<W> {
  readonly name: string;
  readonly run: (world: W) => void;
}

/**
 * Runs every phase of `phases` once, in order, on `world`. Pass `clock` and `phaseSeconds` (one
 * slot per phase) to time the phases; the kernel itself never reads a clock. The caller owns the
 * clock of the world (it advances the tick after the phases), so nothing here changes time.
 */
export function runPhases<W>(
  world: W,
  phases: readonly Phase<W>[],
  clock?: () => number,
  phaseSeconds?: Float64Array,
): void {
  if (clock && phaseSeconds) {
    for (let k = 0; k < phases.length; k++) {
      const start = clock();
      phases[k].run(world);
      phaseSeconds[k] += clock() - start;
    }
  } else {
    for (let k = 0; k < phases.length; k++) phases[k].run(world);
  }
}
