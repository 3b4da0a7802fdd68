/**
 * One measured figure. Every benchmark module under bench/ exports `run(): Promise<BenchResult[]>`;
 * `npm run bench` runs them and writes bench/results/<module>.json.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'us' | 'bytes' | 'ratio' | 'per-second' | 'count';
  /** The target, if it names one, and whether this run met it. */
  target?: { op: '<=' | '>='; value: number };
  details?: Record<string, unknown>;
}
