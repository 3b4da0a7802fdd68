/**
 * The renderer's Content-Security-Policy: only its own scripts, styles, images and fonts; no inline script, no
 * eval, no plugins, no frames, no forms; network only to the RPC endpoint. Shared by the Electron protocol
 * handler and the browser-mode host.
 */
export function contentSecurityPolicy(rpcOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${rpcOrigin ? ` ${rpcOrigin}` : ''}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every renderer file, in both hosts. */
export function securityHeaders(rpcOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(rpcOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), hid=(), serial=(), bluetooth=()',
  };
}
