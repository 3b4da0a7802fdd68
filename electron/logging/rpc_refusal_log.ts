import type { Router } from '../rpc/router.js';
import type { KioskLogger } from './kiosk_logger.js';

/**
 * Logs every call the router refuses before a service sees it (unknown method, invalid params, forbidden,
 * unavailable): one `rpc-refused` line with the method and the code. The refusal's message is left out: it may
 * quote what the caller sent. Internal errors are logged where they happen (`rpc-internal-error`).
 */
export function logRpcRefusals(router: Router, logger: KioskLogger): Router {
  return {
    async call(method, params) {
      const result = await router.call(method, params);
      if (!result.ok && result.error.code !== 'internal') {
        logger.log('rpc-refused', { method: method.slice(0, 100), code: result.error.code });
      }
      return result;
    },
  };
}
