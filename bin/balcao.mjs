#!/usr/bin/env node
// The `balcao` field-engineer command. It runs the bundled CLI that `npm run build` writes.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'electron', 'cli.mjs');
if (!existsSync(bundle)) {
  console.error('balcao: not built yet — run "npm run build" in the Balcão folder first.');
  process.exit(69);
}
await import(pathToFileURL(bundle).href);
