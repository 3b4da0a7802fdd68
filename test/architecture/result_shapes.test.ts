import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from './import_rules.js';
import { RESULT_SHAPE_EXEMPTIONS, resultShapesIn, resultShapeViolations } from './result_shapes.js';

const productionRoots = ['electron', 'renderer', 'devices', 'lib', 'bench', 'scripts'];

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name)
      ? [{ path: path.split('\\').join('/'), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

const violations = (path: string, text: string) => resultShapeViolations([{ path, text }]);

describe('one Result shape', () => {
  it('refuses a hand-written union of the two arms, whatever the keys', () => {
    expect(
      violations(
        'electron/config/loader.ts',
        'export type Loaded = { ok: true; config: Config } | { ok: false; error: ConfigError };',
      ),
    ).toEqual([
      'electron/config/loader.ts:1: type member ok: true; — declare Result<T, E> from lib/result.ts (ok() / err()) instead',
      'electron/config/loader.ts:1: type member ok: false; — declare Result<T, E> from lib/result.ts (ok() / err()) instead',
    ]);
    // One arm alone (an inline return type, an interface, an Extract argument) is the same habit.
    expect(
      violations('devices/x.ts', 'function f(): Promise<{ ok: false; failure: F } | Done> { return g(); }'),
    ).toHaveLength(1);
    expect(
      violations('devices/x.ts', 'interface Outcome {\n  readonly ok: true;\n  value: number;\n}'),
    ).toEqual([
      'devices/x.ts:2: type member readonly ok: true; — declare Result<T, E> from lib/result.ts (ok() / err()) instead',
    ]);
    expect(violations('renderer/x.tsx', 'type F = Extract<R, { ok: false }>;')).toHaveLength(1);
  });

  it('refuses a shape fixed by hand in an object literal, and a zod schema of it', () => {
    expect(violations('devices/x.ts', "const r = { ok: false as const, error: 'x' };")).toEqual([
      'devices/x.ts:1: object literal ok: false as const — declare Result<T, E> from lib/result.ts (ok() / err()) instead',
    ]);
    expect(
      violations('electron/x.ts', 'const S = z.object({ ok: z.literal(true), value: z.string() });'),
    ).toEqual([
      'electron/x.ts:1: zod schema ok: z.literal(true) — declare Result<T, E> from lib/result.ts (ok() / err()) instead',
    ]);
  });

  it('lets through what is not a result shape', () => {
    const lawful = [
      "import { err, ok, type Result } from '../lib/result.js';",
      'type Loaded = Result<Config, ConfigError>;',
      // Building a result as a plain literal that a Result type checks is the one shape already.
      'function f(): Loaded { return flag ? { ok: true, value: config } : err({ code: "x" }); }',
      'if (!loaded.ok) return loaded;',
      'interface Health { ok: boolean; detail: string }',
      "const state = { kind: 'ok' as const };",
    ].join('\n');
    expect(violations('electron/config/loader.ts', lawful)).toEqual([]);
  });

  it('skips tests and the exempted wire formats, and finds them otherwise', () => {
    const union = 'type R = { ok: true; value: 1 } | { ok: false; error: 2 };';
    expect(violations('devices/x.test.ts', union)).toEqual([]);
    expect(violations('electron/rpc/wire.ts', union)).toEqual([]);
    expect(resultShapesIn({ path: 'electron/rpc/wire.ts', text: union })).toHaveLength(2);
  });

  it('every exemption names a file that exists and still has a shape of its own', () => {
    for (const [path, reason] of Object.entries(RESULT_SHAPE_EXEMPTIONS)) {
      expect(existsSync(path), path).toBe(true);
      expect(reason.length, path).toBeGreaterThan(20);
      expect(resultShapesIn({ path, text: readFileSync(path, 'utf8') }).length, path).toBeGreaterThan(0);
    }
  });

  it('holds for the whole tree', () => {
    const files = productionRoots.flatMap((root) => sourceFiles(root));
    expect(files.length).toBeGreaterThan(300);
    expect(resultShapeViolations(files)).toEqual([]);
  });
});
