import type { FlowServices } from '../flow.js';

/**
 * Development and test kiosks only: a simulated vending unit starts empty, as a machine does before staff load it,
 * while the embedded backend's planogram says what each slot holds. At start this puts in each simulated spiral
 * what the backend counts, so the screens, the backend and the spirals agree; the Dev dock then changes the
 * spirals alone (a slot emptied behind the backend's back, a jam). Real units are loaded by staff, never here.
 */
export async function loadSimulatedVendingUnits(
  services: Pick<FlowServices, 'backend' | 'config' | 'devices'>,
): Promise<void> {
  const { backend, config, devices } = services;
  if (config.mode === 'production') return;
  const simulated = devices.simulators().filter((d) => d.kind === 'vending-unit');
  if (simulated.length === 0) return;
  const reply = await backend.publications({ terminalId: config.terminal.id });
  if (!reply.ok) return;
  for (const unit of simulated) {
    const wired = new Set(unit.vending?.slots.map((s) => s.slot) ?? []);
    for (const slot of reply.value.slots) {
      if (!wired.has(slot.slot)) continue;
      await devices.simulate({
        action: 'slot-stock',
        deviceId: unit.deviceId,
        slot: slot.slot,
        count: slot.stock,
      });
    }
  }
}
