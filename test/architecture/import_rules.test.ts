import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, importViolations, type SourceFile } from './import_rules.js';

const roots = ['electron', 'renderer', 'devices', 'lib', 'test', 'bench', 'scripts', 'locales'];

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|mjs)$/.test(name)
      ? [{ path: path.split('\\').join('/'), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

/** A small tree that keeps every rule; each test below adds one file that breaks one. */
const lawful: SourceFile[] = [
  { path: 'lib/result.ts', text: 'export type Result = 1;' },
  { path: 'electron/rpc/languages.ts', text: 'export const languages = ["pt"] as const;' },
  { path: 'electron/rpc/contract.ts', text: "import { z } from 'zod';\nexport const methods = {};" },
  { path: 'electron/services/session_service.ts', text: 'export class SessionService {}' },
  {
    path: 'electron/shell/main.ts',
    text: "import { app } from 'electron';\nimport '../services/session_service.js';",
  },
  { path: 'devices/device_status.ts', text: "import { z } from 'zod';\nexport type DeviceStatus = 1;" },
  { path: 'devices/printer/printer.ts', text: "import type { Result } from '../../lib/result.js';" },
  { path: 'devices/printer/index.ts', text: "export type { Result } from './printer.js';" },
  {
    path: 'electron/services/print_service.ts',
    text: "import type { Result } from '../../devices/printer/index.js';\nimport '../../devices/device_status.js';",
  },
  { path: 'electron/cli/printer_commands.ts', text: "import '../../devices/printer/printer.js';" },
  {
    path: 'renderer/app.tsx',
    text: [
      "import { useState } from 'react';",
      "import { languages } from '../electron/rpc/languages.js';",
      "import type { methods } from '../electron/rpc/contract.js';",
      "import { type Result } from '../lib/result.js';",
    ].join('\n'),
  },
];

const withFile = (path: string, text: string) => importViolations([...lawful, { path, text }]);

describe('import rules', () => {
  it('reads every kind of import, and tells the erased ones', () => {
    const refs = importsOf({
      path: 'x.ts',
      text: [
        "import a from './a.js';",
        "import type { B } from './b.js';",
        "import { type C, type D } from './c.js';",
        "import { type E, f } from './e.js';",
        "export * from './g.js';",
        "export type { H } from './h.js';",
        "const i = await import('./i.js');",
        "const j = require('./j.js');",
        "type K = import('./k.js').K;",
      ].join('\n'),
    });
    expect(refs).toEqual([
      { specifier: './a.js', typeOnly: false },
      { specifier: './b.js', typeOnly: true },
      { specifier: './c.js', typeOnly: true },
      { specifier: './e.js', typeOnly: false },
      { specifier: './g.js', typeOnly: false },
      { specifier: './h.js', typeOnly: true },
      { specifier: './i.js', typeOnly: false },
      { specifier: './j.js', typeOnly: false },
      { specifier: './k.js', typeOnly: true },
    ]);
  });

  it('passes a tree that keeps its layers', () => {
    expect(importViolations(lawful)).toEqual([]);
  });

  it('refuses electron outside electron/shell/', () => {
    expect(withFile('electron/services/window.ts', "import { BrowserWindow } from 'electron';")).toEqual([
      'electron/services/window.ts → electron: only electron/shell/ imports electron',
    ]);
  });

  it('refuses a renderer import of the main process, even a type-only one', () => {
    expect(
      withFile(
        'renderer/screens/x.tsx',
        "import type { SessionService } from '../../electron/services/session_service.js';",
      ),
    ).toEqual([
      'renderer/screens/x.tsx → ../../electron/services/session_service.js: the renderer imports renderer/, electron/rpc/ and lib/ only (type-only imports too)',
    ]);
    expect(
      withFile('renderer/x.ts', "import type { DeviceStatus } from '../devices/device_status.js';"),
    ).toHaveLength(1);
  });

  it('refuses zod at run time in the renderer, directly or through a contract module', () => {
    expect(withFile('renderer/x.ts', "import { methods } from '../electron/rpc/contract.js';")).toEqual([
      'renderer/x.ts → electron/rpc/contract.ts → zod: the renderer bundle must not load zod',
    ]);
    expect(withFile('renderer/y.ts', "import { z } from 'zod';")).toEqual([
      'renderer/y.ts → zod: the renderer bundle must not load zod',
    ]);
  });

  it('refuses devices/ reaching above itself, and lib/ importing anything of ours', () => {
    expect(
      withFile('devices/scanner/x.ts', "import type { methods } from '../../electron/rpc/contract.js';"),
    ).toEqual([
      'devices/scanner/x.ts → ../../electron/rpc/contract.js: devices/ imports nothing above it (lib/ only)',
    ]);
    expect(withFile('lib/x.ts', "import '../devices/device_status.js';")).toEqual([
      'lib/x.ts → ../devices/device_status.js: lib/ imports nothing of ours',
    ]);
  });

  it('refuses a deep import of a device folder from the services', () => {
    expect(
      withFile('electron/services/x.ts', "import type { Result } from '../../devices/printer/printer.js';"),
    ).toEqual([
      'electron/services/x.ts → ../../devices/printer/printer.js: outside devices/, import a device folder through its index.ts',
    ]);
  });

  it('holds for the whole tree', () => {
    const files = roots.flatMap((root) => sourceFiles(root));
    expect(files.length).toBeGreaterThan(300);
    expect(importViolations(files)).toEqual([]);
  });
});
