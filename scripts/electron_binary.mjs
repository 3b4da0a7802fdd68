// Where Electron's binary is, without side effects: requiring the `electron` package would try to download a
// missing binary, which fails (noisily) on machines that cannot reach Electron's servers.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Electron executable's path, or null when the binary is not installed. */
export function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const full = join(distDir, executable);
  return existsSync(full) ? full : null;
}
