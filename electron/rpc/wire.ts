import { z } from 'zod';
import type { Result } from '../../lib/result.js';
import type { EventName } from './contract.js';

/**
 * The frames both transports (Electron IPC, the loopback WebSocket) carry, and the typed errors a call can get
 * back. Every contract method answers with a `ResponseFrame`; every event travels as an `EventFrame`.
 */

export const RpcErrorCodeSchema = z.enum([
  'unknown-method',
  'invalid-params',
  'forbidden',
  'unavailable',
  'internal',
]);
export type RpcErrorCode = z.infer<typeof RpcErrorCodeSchema>;
export type RpcError = { code: RpcErrorCode; message: string };
export type RpcResult<T> = Result<T, RpcError>;

export const RequestFrameSchema = z
  .object({ id: z.number().int().nonnegative(), method: z.string().max(100), params: z.unknown() })
  .strict();
export type RequestFrame = z.infer<typeof RequestFrameSchema>;
export type ResponseFrame =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: RpcError };
export type EventFrame = { event: EventName; payload: unknown };
