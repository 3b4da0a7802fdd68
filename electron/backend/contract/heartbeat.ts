import { z } from 'zod';
import {
  CentreIdSchema,
  IdempotencyKeySchema,
  SiteKindSchema,
  TerminalIdSchema,
  TimestampSchema,
} from './common.js';

/**
 * The terminal's heartbeat: sent every N seconds and on every status change, queued while the backend is
 * unreachable and sent later in order. The backend keeps the latest report per terminal (by `sentAt`, so a late
 * old report never hides a newer one) and lists them at `GET /v1/terminals`, the base of a fleet view. No personal
 * data: ids, states, counters.
 */

const shortText = z.string().min(1).max(80);

export const TerminalModeSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('in-service') }),
    z.strictObject({ kind: z.literal('maintenance') }),
    z.strictObject({ kind: z.literal('out-of-service'), reasons: z.array(shortText).max(20) }),
  ])
  .meta({ id: 'TerminalMode' });

export const HeartbeatReportSchema = z
  .strictObject({
    terminalId: TerminalIdSchema,
    site: SiteKindSchema,
    centreId: CentreIdSchema,
    mode: TerminalModeSchema,
    devices: z
      .array(
        z.strictObject({
          id: shortText,
          kind: shortText,
          /** The device's state, e.g. `ready`, `no-paper`, `disconnected`, `error`. */
          state: shortText,
          code: shortText.optional(),
        }),
      )
      .max(64),
    paper: z
      .array(z.strictObject({ deviceId: shortText, printedSinceRefill: z.int().nonnegative() }))
      .max(16),
    jobsHeld: z.int().nonnegative(),
    version: shortText,
    uptimeSeconds: z.int().nonnegative(),
    sentAt: TimestampSchema,
  })
  .meta({ id: 'HeartbeatReport' });
export type HeartbeatReport = z.infer<typeof HeartbeatReportSchema>;

export const ReportHeartbeatRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  report: HeartbeatReportSchema,
});
export const HeartbeatReceivedSchema = z
  .strictObject({
    receivedAt: TimestampSchema,
    /** False when a newer report from the same terminal was already kept. */
    latest: z.boolean(),
  })
  .meta({ id: 'HeartbeatReceived' });

export const TerminalStateSchema = z
  .strictObject({ terminalId: TerminalIdSchema, receivedAt: TimestampSchema, report: HeartbeatReportSchema })
  .meta({ id: 'TerminalState' });
export const TerminalsReplySchema = z
  .strictObject({ terminals: z.array(TerminalStateSchema) })
  .meta({ id: 'Terminals' });
