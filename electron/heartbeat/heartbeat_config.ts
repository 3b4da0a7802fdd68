import { z } from 'zod';

/**
 * The configuration's `heartbeat` section: how often the kiosk reports its state to the backend (it also reports on
 * every change), and how many reports it keeps in the journal while the backend cannot be reached.
 */
export const HeartbeatConfigSchema = z
  .object({
    intervalSeconds: z.number().int().min(10).max(3600).default(60),
    /** Reports kept while offline; past this the oldest are dropped (and counted in the log). */
    queueLimit: z.number().int().min(10).max(100_000).default(1000),
  })
  .strict();
export type HeartbeatConfig = z.infer<typeof HeartbeatConfigSchema>;

export const defaultHeartbeatConfig: HeartbeatConfig = { intervalSeconds: 60, queueLimit: 1000 };
