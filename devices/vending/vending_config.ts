import { z } from 'zod';

/**
 * `DeviceConfig.options` of a publications vending unit. Example (the default, one 8-channel USBRelay board):
 *   { "rows": { "A": 1, "B": 2, "C": 3, "D": 4 }, "columns": { "1": 5, "2": 6, "3": 7, "4": 8 },
 *     "dropSensorInput": 1, "turnMs": 1200 }
 *
 * Spiral motors are wired as a matrix, as vending machines do: each motor sits between a row line and a column
 * line, so slot B3 turns while the row-B relay and the column-3 relay are both energised, and one 8-channel
 * board drives 16 spirals. The drop sensor (a light curtain across the delivery chute) is an input of the same
 * board's input-capable variant (byte 6 of the feature report, as the locker's door sensors); our assumption,
 * as for the doors, is that the board latches a beam break until the next status read, so a drop shorter than
 * the poll interval is never missed.
 */
const channel = z.number().int().min(1).max(8);

export const VendingOptionsSchema = z
  .object({
    rows: z.record(z.string().regex(/^[A-F]$/), channel).default({ A: 1, B: 2, C: 3, D: 4 }),
    columns: z.record(z.string().regex(/^[1-8]$/), channel).default({ '1': 5, '2': 6, '3': 7, '4': 8 }),
    dropSensorInput: channel.default(1),
    /** How long both relays stay on: one full turn of the spiral (its cam switch is not wired). */
    turnMs: z.number().int().min(10).max(10_000).default(1_200),
    /** How long after the turn an item may still be falling through the chute. */
    dropWindowMs: z.number().int().min(0).max(5_000).default(600),
    pollMs: z.number().int().min(5).max(1_000).default(50),
    /** Interval of the idle health read that notices an unplugged board between sales. */
    healthCheckMs: z.number().int().min(100).max(60_000).default(2_000),
  })
  .strict();
export type VendingOptions = z.infer<typeof VendingOptionsSchema>;

/** The two relay channels of a slot, or undefined for a slot this unit does not have. */
export function slotChannels(
  options: VendingOptions,
  slot: string,
): { row: number; column: number } | undefined {
  const row = options.rows[slot.slice(0, 1)];
  const column = options.columns[slot.slice(1)];
  return row === undefined || column === undefined ? undefined : { row, column };
}

export function slotsOf(options: VendingOptions): string[] {
  return Object.keys(options.rows).flatMap((row) =>
    Object.keys(options.columns).map((column) => row + column),
  );
}
