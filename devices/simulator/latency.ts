/**
 * How long a simulated device takes to answer one transfer. Real HID scanners answer every 1–8 ms (their
 * polling interval) and V-USB relay boards take a few ms per control transfer; tests and the bench use
 * zero so that they measure our code, not a timer.
 */
export interface SimulatedLatency {
  /** Fixed part of every transfer, in ms. */
  baseMs: number;
  /** Uniform random extra in [0, jitterMs). */
  jitterMs: number;
}

export const noLatency: SimulatedLatency = { baseMs: 0, jitterMs: 0 };

/** Waits one transfer's latency; with zero latency it resolves on the next microtask, never via a timer. */
export function waitLatency(latency: SimulatedLatency, random: () => number = Math.random): Promise<void> {
  const ms = latency.baseMs + (latency.jitterMs > 0 ? random() * latency.jitterMs : 0);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
