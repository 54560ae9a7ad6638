/** Weighted Gini coefficient of `values` with weights (0 when there is no spread or weight). */
export function weightedGini(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => weights[i] > 0);
  order.sort((a, b) => values[a] - values[b] || a - b);
  let totalWeight = 0;
  let totalValue = 0;
  for (const i of order) {
    totalWeight += weights[i];
    totalValue += weights[i] * values[i];
  }
  if (totalWeight <= 0 || totalValue <= 0) return 0;
  // Area under the Lorenz curve by trapezoids.
  let cumulativeValue = 0;
  let area = 0;
  for (const i of order) {
    const share = weights[i] / totalWeight;
    const next = cumulativeValue + (weights[i] * values[i]) / totalValue;
    area += share * (cumulativeValue + next);
    cumulativeValue = next;
  }
  return Math.min(1, Math.max(0, 1 - area));
}

/** Herfindahl–Hirschman index of shares of `sizes` (0–1; 0 when there is nothing). */
export function herfindahl(sizes: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < sizes.length; i++) total += Math.max(0, sizes[i]);
  if (total <= 0) return 0;
  let hhi = 0;
  for (let i = 0; i < sizes.length; i++) {
    const share = Math.max(0, sizes[i]) / total;
    hhi += share * share;
  }
  return hhi;
}
