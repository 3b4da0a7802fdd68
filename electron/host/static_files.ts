import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';
import { err, ok, type Result } from '../../lib/result.js';

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

export type StaticFile = Result<{ body: Buffer; contentType: string }, { status: 403 | 404 }>;

/**
 * Reads one file of the built renderer. Paths are resolved inside `root` only: `..`, encoded separators and
 * absolute paths never leave it. Unknown routes get index.html (the renderer is a single page). Total: whatever the
 * path or the state of the folder, the answer is a file or a status.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return err({ status: 403 });
  }
  if (decoded.includes('\0')) return err({ status: 403 });
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const rootPath = resolve(root);
  const full = resolve(rootPath, relative);
  if (full !== rootPath && !full.startsWith(rootPath + sep)) return err({ status: 403 });
  const type = mimeTypes[extname(full)];
  const body = type ? await readOrNull(full) : null;
  if (type && body) return ok({ body, contentType: type });
  if (extname(relative) !== '') return err({ status: 404 });
  const index = await readOrNull(resolve(rootPath, 'index.html'));
  return index ? ok({ body: index, contentType: mimeTypes['.html']! }) : err({ status: 404 });
}

/** A missing file, a folder or an unreadable one is simply not served: never an exception for the host. */
async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}
