import { z } from 'zod';
import { err, ok } from '../../lib/result.js';
import { type MethodName, type Methods, methods } from './contract.js';
import { devMethodPrefix } from './dev_contract.js';
import { maintenanceMethodPrefix } from './flows/maintenance_contract.js';
import type { MethodSpec } from './method_spec.js';
import type { RpcError, RpcResult } from './wire.js';

/** One handler per method of `Specs`; params arrive already validated (defaults applied). */
export type MethodHandlers<Specs extends Record<string, MethodSpec>> = {
  [M in keyof Specs]: (
    params: z.output<Specs[M]['params']>,
  ) => Promise<z.input<Specs[M]['result']>> | z.input<Specs[M]['result']>;
};

/** The whole handler map: kiosk_app.ts spreads each domain's builder into it. */
export type Handlers = MethodHandlers<Methods>;

export interface RouterOptions {
  /** Dev dock methods are refused unless this is set (development and test modes). */
  allowDevMethods: boolean;
  /** Staff methods (`maintenance.*`) are refused unless the kiosk is in maintenance right now. */
  inMaintenance?: () => boolean;
  /** Called for handler exceptions (bugs): the caller gets `internal`, the log gets the error, never the params. */
  onInternalError?: (method: string, error: unknown) => void;
}

export interface Router {
  call(method: string, params: unknown): Promise<RpcResult<unknown>>;
}

function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

function fail(code: RpcError['code'], message: string): RpcResult<never> {
  return err({ code, message });
}

/**
 * Validates every call against the contract before any service sees it: unknown methods, malformed params and
 * dev-only methods outside development are refused with a typed error. Results are validated too, so a service
 * can never leak a field the contract does not declare.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  return {
    async call(method, params) {
      if (!isMethodName(method)) return fail('unknown-method', `unknown method "${method.slice(0, 100)}"`);
      if (method.startsWith(devMethodPrefix) && !options.allowDevMethods) {
        return fail('forbidden', `${method} is only available in development and test modes`);
      }
      if (method.startsWith(maintenanceMethodPrefix) && !options.inMaintenance?.()) {
        return fail('forbidden', `${method} is only available while the kiosk is in maintenance`);
      }
      const spec: MethodSpec = methods[method];
      const parsed = spec.params.safeParse(params ?? {});
      if (!parsed.success) {
        return fail('invalid-params', z.prettifyError(parsed.error));
      }
      try {
        const handler = handlers[method] as (p: unknown) => Promise<unknown> | unknown;
        const value = await handler(parsed.data);
        const checked = spec.result.safeParse(value);
        if (!checked.success) {
          options.onInternalError?.(method, checked.error);
          return fail('internal', `${method} produced a result outside the contract`);
        }
        return ok(checked.data);
      } catch (error) {
        options.onInternalError?.(method, error);
        return fail('internal', `${method} failed`);
      }
    },
  };
}
