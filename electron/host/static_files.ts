import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export type StaticFile = { ok: true; body: Buffer; contentType: string } | { ok: false; status: 403 | 404 };

/**
 * Reads one file of the built renderer. Paths are resolved inside `root` only: `..`, encoded separators and
 * absolute paths never leave it. Unknown routes get index.html (the renderer is a single page).
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return { ok: false, status: 403 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 403 };
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const rootPath = resolve(root);
  const full = resolve(rootPath, relative);
  if (full !== rootPath && !full.startsWith(rootPath + sep)) return { ok: false, status: 403 };
  const type = mimeTypes[extname(full)];
  try {
    if (!type) throw new Error('no type');
    return { ok: true, body: await readFile(full), contentType: type };
  } catch {
    if (extname(relative) !== '') return { ok: false, status: 404 };
    return {
      ok: true,
      body: await readFile(resolve(rootPath, 'index.html')),
      contentType: mimeTypes['.html']!,
    };
  }
}
