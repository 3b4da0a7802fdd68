import type { z } from 'zod';
import { devMethods } from './dev_contract.js';
import { flowMethods } from './flow_contract.js';
import { guidanceDevMethods, guidanceEvents, helpMethods, speechMethods } from './guidance_contract.js';
import { kioskEvents, kioskMethods } from './kiosk_contract.js';
import { printEvents } from './print_contract.js';
import { sessionEvents, sessionMethods } from './session_contract.js';

/**
 * The one door between the renderer and the main process, composed from one module per domain: the kiosk, the
 * session, the flows (one module each, composed in flow_contract.ts), printing, staff maintenance and the dev
 * dock (the staff flows, sign-in and maintenance, are flows). Every method and event is declared once, with zod schemas; the router validates every call and every
 * result against them, and the renderer takes its types from them. Both transports (Electron IPC, the loopback
 * WebSocket) carry exactly these messages (wire.ts).
 *
 * A new method goes into its domain's module (and its handler into that domain's handler builder); this file
 * only changes when a domain is added.
 */
export const methods = {
  ...kioskMethods,
  ...sessionMethods,
  ...flowMethods,
  ...devMethods,
  ...speechMethods,
  ...helpMethods,
  ...guidanceDevMethods,
} as const;

export const events = {
  ...kioskEvents,
  ...sessionEvents,
  ...printEvents,
  ...guidanceEvents,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodParams<M extends MethodName> = z.input<Methods[M]['params']>;
export type MethodResult<M extends MethodName> = z.infer<Methods[M]['result']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
