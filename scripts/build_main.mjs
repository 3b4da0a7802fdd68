// Bundles the main-process entry points with esbuild. Dependencies stay external (native modules must be loaded
// from node_modules, and electron-builder packs node_modules as it is).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/shell/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    // CommonJS has no import.meta; code that needs its own location falls back to __filename when this is empty.
    define: { 'import.meta.url': '""' },
  }),
  // The sandboxed preload may only require('electron'): it is bundled whole, as CommonJS.
  build({
    ...common,
    entryPoints: ['electron/shell/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['electron/host/browser_host_main.ts'],
    outfile: 'dist/electron/host.mjs',
    format: 'esm',
  }),
  // The browser-mode supervisor, imported by scripts/start.mjs; it starts host.mjs beside it.
  build({
    ...common,
    entryPoints: ['electron/host/host_supervisor_main.ts'],
    outfile: 'dist/electron/host_supervisor.mjs',
    format: 'esm',
  }),
  build({
    ...common,
    entryPoints: ['electron/cli/cli_main.ts'],
    outfile: 'dist/electron/cli.mjs',
    format: 'esm',
  }),
]);
