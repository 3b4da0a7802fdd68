import { z } from 'zod';

/**
 * What an intent (a resident's choice on a flow step) gets back. The screen does not need it to move on — the new
 * step arrives as `session.changed` — but a refusal says why nothing happened, for tests and logs:
 * - `no-session`: no resident session runs (it timed out while the finger was on its way);
 * - `other-flow` / `other-step`: the intent belongs to a step that is no longer showing (a stale double tap);
 * - `unavailable`: the choice cannot be served right now (a service whose device is out).
 */
export const IntentRefusalSchema = z.enum(['no-session', 'other-flow', 'other-step', 'unavailable']);
export type IntentRefusal = z.infer<typeof IntentRefusalSchema>;

export const IntentResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: IntentRefusalSchema }),
]);
export type IntentResult = z.infer<typeof IntentResultSchema>;
