import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CallBackend } from '../contract/backend.js';
import type { BackendError } from '../contract/errors.js';
import { InvalidRequestReplySchema, RejectedReplySchema } from '../contract/errors.js';
import { type BackendMethodName, backendMethodNames, backendMethods } from '../contract/methods.js';
import { contractIssues } from '../contract/validate.js';

/**
 * The backend contract as HTTP routes (Hono with its zod OpenAPI package): one route per entry of the method
 * table, request bodies validated by the contract's own schemas, and the OpenAPI 3.1 document generated from the
 * same routes. The wire rules, for anyone writing a gateway:
 *
 * - `200` with the reply; `422` with `{ rejection }` when the backend refuses (the codes each route can answer
 *   with are listed in its description); `400` with `{ issues }` for a request outside the contract (issues name
 *   fields, never values); `500` for a bug; `502`/`503`/`504` when this server itself could not reach a backend.
 * - Every state change carries its `idempotencyKey` in the body; sending it again returns the first answer.
 * - Bodies are JSON, at most 256 KiB.
 */

export const maxBodyBytes = 256 * 1024;

export const documentInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Balcão backend',
    version: '1',
    description:
      'The contract between Balcão kiosks and the government services behind them: catalogue, availability, ' +
      'bookings and check-in, document collection, proofs of identity, Smart Locker, staff sign-in and heartbeat. ' +
      'Generated from the zod schemas in electron/backend/contract/.',
  },
} as const;

function routeOf(method: BackendMethodName): RouteConfig {
  const spec = backendMethods[method];
  const json = <S>(schema: S) => ({ 'application/json': { schema } });
  const rejections = spec.rejections.length > 0 ? ` Rejections: ${spec.rejections.join(', ')}.` : '';
  const idempotency = spec.effect === 'change' ? ' Idempotent by `idempotencyKey`.' : '';
  return createRoute({
    method: spec.http,
    path: spec.path,
    operationId: method,
    tags: [spec.area],
    summary: spec.summary,
    description: `${spec.summary}${idempotency}${rejections}`,
    ...(spec.http === 'post' ? { request: { body: { content: json(spec.request), required: true } } } : {}),
    responses: {
      200: { description: 'The reply.', content: json(spec.reply) },
      400: { description: 'The request is outside the contract.', content: json(InvalidRequestReplySchema) },
      ...(spec.rejections.length > 0
        ? {
            422: {
              description: `Refused: ${spec.rejections.join(', ')}.`,
              content: json(RejectedReplySchema),
            },
          }
        : {}),
      500: { description: 'A fault of the server.' },
      503: { description: 'The server could not reach the systems behind it.' },
    },
  });
}

function failure(c: Context, error: BackendError) {
  const status = (code: ContentfulStatusCode) => code;
  switch (error.kind) {
    case 'rejected':
      return c.json({ rejection: error.rejection }, status(422));
    case 'invalid-request':
      return c.json({ issues: error.issues }, status(400));
    case 'unreachable':
      return c.json({ error: 'unreachable' }, status(503));
    case 'timeout':
      return c.json({ error: 'timeout' }, status(504));
    case 'server-error':
    case 'invalid-reply':
      return c.json({ error: error.kind }, status(502));
  }
}

export interface BackendAppOptions {
  /** A bug in a handler: the caller gets 500, the log gets the error (never the request). */
  onInternalError?: (error: unknown) => void;
}

export function createBackendApp(call: CallBackend, options: BackendAppOptions = {}): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ issues: contractIssues(result.error) }, 400);
    },
  });
  app.use(
    '*',
    bodyLimit({ maxSize: maxBodyBytes, onError: (c) => c.json({ issues: ['body too large'] }, 413) }),
  );
  for (const method of backendMethodNames) {
    const route = routeOf(method);
    app.openapi(route, async (c) => {
      const request = route.method === 'post' ? (c.req.valid('json' as never) as unknown) : {};
      const result = await call(method, request);
      return (result.ok ? c.json(result.value as object, 200) : failure(c, result.error)) as never;
    });
  }
  app.get('/openapi.json', (c) => c.json(app.getOpenAPI31Document(documentInfo)));
  app.notFound((c) => c.json({ issues: ['no such route'] }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ issues: [error.message || 'malformed request'] }, error.status);
    }
    options.onInternalError?.(error);
    return c.json({ error: 'internal' }, 500);
  });
  return app;
}

/** The OpenAPI 3.1 document of the contract, exactly as `GET /openapi.json` serves it. */
export function backendOpenApiDocument(): unknown {
  const documentationOnly: CallBackend = () => {
    throw new Error('the documentation app serves no calls');
  };
  return createBackendApp(documentationOnly).getOpenAPI31Document(documentInfo);
}

/** The document as committed in docs/backend-openapi.json and written by `balcao backend openapi`. */
export function backendOpenApiText(): string {
  return `${JSON.stringify(backendOpenApiDocument(), null, 2)}\n`;
}
