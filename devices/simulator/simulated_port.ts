import { err, ok, type Result } from '../../lib/result.js';
import { noLatency, type SimulatedLatency, waitLatency } from './latency.js';
import { SimulatedPlug } from './simulated_plug.js';

/** A host handle on a simulated port: killed (every pending and later call `disconnected`) when unplugged. */
export interface KillableHandle {
  kill(): void;
}

export const disconnectedResult = err({ code: 'disconnected' } as const);

/**
 * What every simulated port shares, HID or USB: the plug, the handles the host holds open, their death on
 * unplug, and the latency of opening one. Subclasses say how a handle is made and what the device sends.
 */
export abstract class SimulatedPort<H extends KillableHandle> {
  readonly plug = new SimulatedPlug();
  protected readonly open = new Set<H>();

  constructor(public latency: SimulatedLatency = noLatency) {
    this.plug.onChange((plugged) => {
      if (plugged) return;
      for (const handle of [...this.open]) handle.kill();
      this.open.clear();
    });
  }

  protected abstract createHandle(generation: number): H;

  /** A new handle on the device, or `disconnected` when it is unplugged. */
  protected async openHandle(): Promise<Result<H, (typeof disconnectedResult)['error']>> {
    await waitLatency(this.latency);
    if (!this.plug.plugged) return disconnectedResult;
    const handle = this.createHandle(this.plug.generation);
    this.open.add(handle);
    return ok(handle);
  }

  /** How many handles the host holds open now (tests check that drivers close what they open). */
  get openHandles(): number {
    return this.open.size;
  }

  unplug(): void {
    this.plug.unplug();
  }

  replug(): void {
    this.plug.replug();
  }

  forget(handle: H): void {
    this.open.delete(handle);
  }
}
