/** Figures the benchmarks print: a percentile of measured times, and one line p50 / p95 / max. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export function timingLine(label: string, values: readonly number[], labelWidth = 34): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(0).padStart(5);
  return `${label.padEnd(labelWidth)} p50 ${ms(percentile(sorted, 50))} ms   p95 ${ms(percentile(sorted, 95))} ms   max ${ms(sorted[sorted.length - 1])} ms`;
}
