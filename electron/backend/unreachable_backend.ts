import { err } from '../../lib/result.js';
import { type Backend, backendFromCall } from './contract/backend.js';

/**
 * The backend of a kiosk app built without one (tests of parts that never call it): it behaves as a gateway that
 * cannot be reached with its circuit open, so every call is refused at once, nothing is sent, and a flow that asks
 * anyway says the service is not available right now.
 */
export function unreachableBackend(): Backend {
  return backendFromCall(
    'http',
    async () => err({ kind: 'unreachable', detail: 'no backend configured', circuitOpen: true }),
    async () => {},
  );
}
