import { z } from 'zod';

/**
 * `DeviceConfig.options` of a locker controller, validated strictly at start-up (devices/device_options.ts). Example:
 *   { "doors": { "A1": { "relay": 1, "sensor": 1 }, "A2": { "relay": 2, "sensor": 2 } }, "pulseMs": 500 }
 *
 * Assumption (no public board combines both): a door's latch is wired to a relay channel of a USBRelay
 * board, and its door-closed switch to input `sensor` of the same board's input-capable variant, read in
 * byte 6 of the same feature report (bit = 1 when the door is closed). Stock relay-only boards read 0
 * there, so every door looks open and `waitClosed` times out rather than ever claiming a door is shut.
 */
const channel = z.number().int().min(1).max(8);

export const LockerOptionsSchema = z
  .object({
    doors: z.record(z.string().min(1), z.object({ relay: channel, sensor: channel }).strict()),
    /** How long the latch relay stays energised. Solenoid latches want 200–1000 ms. */
    pulseMs: z.number().int().min(20).max(5_000).default(500),
    /** Interval of the door-sensor reads while waiting for a door to close. */
    sensorPollMs: z.number().int().min(10).max(2_000).default(100),
    /** Interval of the idle health read that notices an unplugged board. */
    healthCheckMs: z.number().int().min(100).max(60_000).default(2_000),
  })
  .strict();
export type LockerOptions = z.infer<typeof LockerOptionsSchema>;
