import { percentile } from './stats.ts';
import type { Measurement } from './zaken-load.ts';

const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * One side of a page benchmark as a line: requests per second and p50/p95/p99, with the p95 target when one is given.
 * A side where no request completed says so, rather than reporting a p95 of 0 ms as a target met.
 */
export function measurementLine(label: string, measurement: Measurement, targetP95Ms?: number): string {
  const { latencies } = measurement;
  const failed = measurement.failed > 0 ? `   ${measurement.failed} FAILED (${measurement.firstFailure ?? ''})` : '';
  if (latencies.length === 0) return `  ${label.padEnd(6)} no request completed${failed}`;
  const p95 = percentile(latencies, 95);
  const target = targetP95Ms === undefined ? '' : `   (target p95 <= ${targetP95Ms} ms: ${p95 <= targetP95Ms ? 'met' : 'MISSED'})`;
  return (
    `  ${label.padEnd(6)} ${fixed(measurement.perSecond, 0).padStart(7)}/s   p50 ${fixed(percentile(latencies, 50))} ms   p95 ${fixed(p95)} ms   p99 ${fixed(percentile(latencies, 99))} ms` +
    target +
    failed
  );
}
