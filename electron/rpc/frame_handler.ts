import type { Router } from './router.js';
import { type EventFrame, RequestFrameSchema, type ResponseFrame } from './wire.js';

/** Largest request frame accepted from a renderer; the contract's biggest call is far smaller. */
export const maxRequestBytes = 64 * 1024;

/**
 * Turns one raw request frame into a response frame. Shared by both transports, so a malformed frame is
 * answered the same way whether it came over Electron IPC or the WebSocket.
 */
export async function handleRequestFrame(router: Router, raw: unknown): Promise<ResponseFrame | null> {
  const frame = RequestFrameSchema.safeParse(raw);
  if (!frame.success) {
    const id =
      typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'number'
        ? (raw as { id: number }).id
        : -1;
    return { id, ok: false, error: { code: 'invalid-params', message: 'malformed request frame' } };
  }
  const result = await router.call(frame.data.method, frame.data.params);
  return result.ok
    ? { id: frame.data.id, ok: true, value: result.value }
    : { id: frame.data.id, ok: false, error: result.error };
}

export function eventFrame(event: EventFrame['event'], payload: unknown): EventFrame {
  return { event, payload };
}
