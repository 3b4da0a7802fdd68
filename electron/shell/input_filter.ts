/** The subset of Electron's `Input` that shortcut filtering looks at. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

const blockedKeys = new Set([
  'F1',
  'F3',
  'F5',
  'F6',
  'F7',
  'F11',
  'F12',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
]);

/**
 * Whether a key press must never reach the page: reload, devtools, zoom, find, print, save, view-source,
 * navigation, full-screen toggles and window switching. A kiosk keyboard (or a keyboard-wedge scanner) may still
 * type letters, digits, Enter, Tab and Backspace.
 */
export function isBlockedShortcut(input: KeyInput, devTools: boolean): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (devTools && input.control && input.shift && input.key.toUpperCase() === 'I') return false;
  if (blockedKeys.has(input.key)) return true;
  if (input.alt || input.meta) return true;
  if (input.control) {
    // Ctrl + anything is a browser command (R reload, W close, P print, S save, U source, +/- zoom, F find…).
    return true;
  }
  return false;
}
