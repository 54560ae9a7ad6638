import { percentileInterval, resampleIndices, DEFAULT_BOOTSTRAP, type BootstrapOptions, type Estimate } from './bootstrap.ts';

/**
 * Sobol' sensitivity indices from the outputs of a Saltelli design (src/sweep/designs): per base
 * sample i, the outputs f(A_i), f(AB_1,i) … f(AB_k,i), f(B_i), in that order.
 *
 * - First order, Saltelli et al. (2010), Table 2 (b): S_j = mean(f(B)·(f(AB_j) − f(A))) / V.
 * - Total, Jansen (1999): ST_j = mean((f(A) − f(AB_j))²) / (2V).
 * - V is the variance of f over the A and B samples together (as SALib computes it).
 * Confidence intervals: percentile bootstrap over base samples i (each resample keeps a base
 * sample's A, AB_j and B outputs together), with a seeded, deterministic resampling.
 */
export interface SobolIndex {
  factor: string;
  firstOrder: Estimate;
  total: Estimate;
}

export interface SobolAnalysis {
  baseSamples: number;
  /** Variance of the output over A and B. */
  variance: number;
  indices: SobolIndex[];
}

/** The A, B and AB_j output columns of a Saltelli design, read from its blocks of k + 2 points. */
export function saltelliColumns(outputs: ArrayLike<number>, factorCount: number): { a: Float64Array; b: Float64Array; ab: Float64Array[] } {
  const block = factorCount + 2;
  if (outputs.length % block !== 0) throw new RangeError(`a Saltelli design with ${factorCount} factors has a multiple of ${block} points, got ${outputs.length}`);
  const n = outputs.length / block;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = Array.from({ length: factorCount }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    a[i] = outputs[i * block];
    for (let j = 0; j < factorCount; j++) ab[j][i] = outputs[i * block + 1 + j];
    b[i] = outputs[i * block + factorCount + 1];
  }
  return { a, b, ab };
}

/** V, S_j and ST_j over the base samples `rows` (all of them when omitted). */
function pointEstimates(a: Float64Array, b: Float64Array, ab: Float64Array[], rows?: Uint32Array): { variance: number; first: number[]; total: number[] } {
  const n = rows ? rows.length : a.length;
  const at = (i: number) => (rows ? rows[i] : i);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const fa = a[at(i)];
    const fb = b[at(i)];
    sum += fa + fb;
    sumSquares += fa * fa + fb * fb;
  }
  const mean = sum / (2 * n);
  const variance = sumSquares / (2 * n) - mean * mean;
  const first: number[] = [];
  const total: number[] = [];
  for (const column of ab) {
    let firstSum = 0;
    let totalSum = 0;
    for (let i = 0; i < n; i++) {
      const r = at(i);
      firstSum += b[r] * (column[r] - a[r]);
      totalSum += (a[r] - column[r]) ** 2;
    }
    first.push(firstSum / n / variance);
    total.push(totalSum / n / (2 * variance));
  }
  return { variance, first, total };
}

/** First-order and total Sobol' indices with bootstrap confidence intervals. */
export function sobolIndices(outputs: ArrayLike<number>, factors: string[], options: BootstrapOptions = DEFAULT_BOOTSTRAP): SobolAnalysis {
  const { a, b, ab } = saltelliColumns(outputs, factors.length);
  const estimate = pointEstimates(a, b, ab);
  const firstReplicates = factors.map((): number[] => []);
  const totalReplicates = factors.map((): number[] => []);
  for (const rows of resampleIndices(a.length, options, 'sobol')) {
    const replicate = pointEstimates(a, b, ab, rows);
    factors.forEach((_, j) => {
      firstReplicates[j].push(replicate.first[j]);
      totalReplicates[j].push(replicate.total[j]);
    });
  }
  return {
    baseSamples: a.length,
    variance: estimate.variance,
    indices: factors.map((factor, j) => ({
      factor,
      firstOrder: percentileInterval(estimate.first[j], firstReplicates[j], options.confidence),
      total: percentileInterval(estimate.total[j], totalReplicates[j], options.confidence),
    })),
  };
}
