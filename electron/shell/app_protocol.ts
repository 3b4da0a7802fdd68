import { securityHeaders } from '../host/content_security_policy.js';
import { readStaticFile } from '../host/static_files.js';
import type { ElectronApi } from './electron_api.js';
import { appHost, appScheme } from './window_options.js';

/** Must run before the app is ready: the app scheme behaves like https (secure origin, standard URLs). */
export function registerAppScheme(electron: ElectronApi): void {
  electron.protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer on app://balcao/ with the same CSP and headers as browser mode. */
export function serveRenderer(electron: ElectronApi, rendererRoot: string): void {
  electron.protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response(null, { status: 404 });
    const file = await readStaticFile(rendererRoot, url.pathname);
    const headers = securityHeaders();
    if (!file.ok) return new Response(null, { status: file.error.status, headers });
    return new Response(new Uint8Array(file.value.body), {
      status: 200,
      headers: { ...headers, 'Content-Type': file.value.contentType },
    });
  });
}
