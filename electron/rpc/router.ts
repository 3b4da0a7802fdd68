import { z } from 'zod';
import {
  devMethodPrefix,
  type MethodName,
  type MethodParams,
  type MethodResult,
  maintenanceMethodPrefix,
  methods,
  type RpcError,
  type RpcResult,
} from './contract.js';

/** One handler per contract method; params arrive already validated. */
export type Handlers = {
  [M in MethodName]: (
    params: z.infer<(typeof methods)[M]['params']>,
  ) => Promise<MethodResult<M>> | MethodResult<M>;
};

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
  return { ok: false, error: { code, message } };
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
      const spec = methods[method];
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
        return { ok: true, value: checked.data };
      } catch (error) {
        options.onInternalError?.(method, error);
        return fail('internal', `${method} failed`);
      }
    },
  };
}

export type { MethodParams };
