import type { DeviceKind } from '../device_status.js';
import type { PlugControls } from './simulator_controls.js';

/** The USB cable every device simulator has: whether it is in, and pulling it out or putting it back. */
export interface PluggableSimulator {
  readonly plugged: boolean;
  unplug(): void;
  replug(): void;
}

/**
 * The dock controls of one simulated device: its kind and id, the cable handed straight to the simulator, plus the
 * kind's own controls (`own`). Every simulated device builds them this way; done in one place because `plugged`
 * must stay a live getter (copying the object with a spread would freeze it at its value of the moment). `own` is
 * copied member by member, so give it functions and objects, not getters.
 */
export function simulatorControlsWithPlug<C extends PlugControls & { readonly kind: DeviceKind }>(
  kind: C['kind'],
  deviceId: string,
  simulator: PluggableSimulator,
  own: Omit<C, keyof PlugControls | 'kind'>,
): C {
  const plug = {
    kind,
    deviceId,
    get plugged() {
      return simulator.plugged;
    },
    unplug: () => simulator.unplug(),
    replug: () => simulator.replug(),
  };
  return Object.assign(plug, own) as C;
}
