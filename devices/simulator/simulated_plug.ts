/**
 * The USB cable of a simulated device. Every handle the host opens belongs to one plug-in "generation": an
 * unplug ends that generation for good, so its pending and later calls all resolve `disconnected`, exactly as a
 * real handle dies with its device; after `replug()` the host must open a fresh handle, as it would on a kiosk.
 */
export type PlugListener = (plugged: boolean) => void;

export class SimulatedPlug {
  private generationNo = 0;
  private isPlugged = true;
  private readonly listeners = new Set<PlugListener>();

  get plugged(): boolean {
    return this.isPlugged;
  }

  /** The generation a handle opened now belongs to. */
  get generation(): number {
    return this.generationNo;
  }

  /** Whether a handle of `generation` can still talk to the device. */
  alive(generation: number): boolean {
    return this.isPlugged && generation === this.generationNo;
  }

  unplug(): void {
    if (!this.isPlugged) return;
    this.isPlugged = false;
    this.generationNo += 1;
    this.emit();
  }

  replug(): void {
    if (this.isPlugged) return;
    this.isPlugged = true;
    this.generationNo += 1;
    this.emit();
  }

  onChange(listener: PlugListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener(this.isPlugged);
  }
}
