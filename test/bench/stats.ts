/** Order statistics over samples (nearest-rank percentiles; the median averages the middle pair). */
function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('bench: no samples');
  return samples.toSorted((a, b) => a - b);
}

export function median(samples: readonly number[]): number {
  const values = sorted(samples);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
  const values = sorted(samples);
  const rank = Math.min(values.length, Math.max(1, Math.ceil((p / 100) * values.length)));
  return values[rank - 1]!;
}

export function p95(samples: readonly number[]): number {
  return percentile(samples, 95);
}
