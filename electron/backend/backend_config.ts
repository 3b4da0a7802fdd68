import { z } from 'zod';

/**
 * The `backend` section of the terminal's configuration:
 *
 * - `{ "kind": "embedded" }` (the default): the embedded SQLite backend, in `path` or beside the journal as
 *   `backend.sqlite`;
 * - `{ "kind": "http", "baseUrl": "https://gateway…" }`: a government gateway or `balcao backend serve`, with a
 *   per-attempt `timeoutMs`, `retries`, a `circuit` breaker and mutual TLS files (`tls.certFile`, `tls.keyFile`:
 *   this terminal's client certificate and key; `tls.caFile`: the CA that signs the gateway's certificate).
 */

const TlsSchema = z
  .object({
    certFile: z.string().min(1).optional(),
    keyFile: z.string().min(1).optional(),
    caFile: z.string().min(1).optional(),
  })
  .strict()
  .refine((tls) => (tls.certFile === undefined) === (tls.keyFile === undefined), {
    message: 'certFile and keyFile go together',
    path: ['keyFile'],
  });

export const BackendConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded'), path: z.string().min(1).optional() }).strict(),
  z
    .object({
      kind: z.literal('http'),
      baseUrl: z.url({ protocol: /^https?$/ }),
      /** Per attempt. */
      timeoutMs: z.number().int().positive().max(120_000).default(8000),
      retries: z
        .object({
          attempts: z.number().int().min(1).max(10).default(3),
          baseDelayMs: z.number().int().nonnegative().default(200),
          maxDelayMs: z.number().int().nonnegative().default(2000),
        })
        .strict()
        .default({ attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 }),
      circuit: z
        .object({
          failureThreshold: z.number().int().min(1).default(3),
          cooldownMs: z.number().int().positive().default(15_000),
        })
        .strict()
        .default({ failureThreshold: 3, cooldownMs: 15_000 }),
      tls: TlsSchema.optional(),
    })
    .strict(),
]);
export type BackendConfig = z.infer<typeof BackendConfigSchema>;
