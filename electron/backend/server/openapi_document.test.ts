import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backendMethodNames, backendMethods } from '../contract/methods.js';
import { backendOpenApiDocument, backendOpenApiText } from './backend_routes.js';

/**
 * The OpenAPI document is generated from the contract's zod schemas and committed as docs/backend-openapi.json
 * for gateway teams. When the contract changes, regenerate it:
 *
 *     npx balcao backend openapi --out docs/backend-openapi.json   (after npm run build)
 *     npx tsx electron/cli/cli_main.ts backend openapi --out docs/backend-openapi.json
 */

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; responses: object }>>;
  components: { schemas: Record<string, { type?: unknown }> };
};
const generated = backendOpenApiDocument() as Document;

describe('the OpenAPI document of the backend contract', () => {
  it('is the committed file, byte for byte (regenerate docs/backend-openapi.json when this fails)', () => {
    expect(readFileSync('docs/backend-openapi.json', 'utf8')).toBe(backendOpenApiText());
  });

  it('is OpenAPI 3.1 with one operation per contract method, at its route', () => {
    expect(generated.openapi).toBe('3.1.0');
    for (const name of backendMethodNames) {
      const spec = backendMethods[name];
      const operation = generated.paths[spec.path]?.[spec.http];
      expect(operation?.operationId, name).toBe(name);
      expect(Object.keys(operation!.responses)).toContain('200');
      if (spec.rejections.length > 0) expect(Object.keys(operation!.responses)).toContain('422');
      expect(operation!.requestBody !== undefined, name).toBe(spec.http === 'post');
    }
  });

  it('never marks a shared schema as accepting null (a nullable field says so where it is used)', () => {
    for (const [name, schema] of Object.entries(generated.components.schemas)) {
      expect(JSON.stringify(schema.type ?? ''), name).not.toContain('null');
    }
  });

  it('requires an idempotency key on every state change', () => {
    for (const name of backendMethodNames) {
      const spec = backendMethods[name];
      if (spec.effect !== 'change') continue;
      const shape = spec.request.safeParse({});
      expect(shape.success, name).toBe(false);
      if (!shape.success)
        expect(
          shape.error.issues.map((i) => i.path[0]),
          name,
        ).toContain('idempotencyKey');
    }
  });
});
