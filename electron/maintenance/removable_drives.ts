/**
 * The USB drives staff plug in, as places to write a support bundle: the mount points the system lists in
 * /proc/mounts that lie below one of the configured roots (udisks mounts a drive at /media/<user>/<label> or
 * /run/media/<user>/<label>). Nothing is mounted by the kiosk itself. Elsewhere (no /proc/mounts) the list is empty.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';

export interface RemovableDrive {
  /** The mount point. */
  path: string;
  /** What staff read on the button: the drive's label (the mount point's last part). */
  label: string;
}

/** /proc/mounts writes a space in a path as \040 (and a tab, newline, backslash likewise, in octal). */
function unescapeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

export function removableDrives(roots: readonly string[], mountsFile = '/proc/mounts'): RemovableDrive[] {
  let text: string;
  try {
    text = readFileSync(mountsFile, 'utf8');
  } catch {
    return [];
  }
  const under = roots.map((root) => resolve(root) + sep);
  const drives: RemovableDrive[] = [];
  for (const line of text.split('\n')) {
    const field = line.split(' ')[1];
    if (field === undefined) continue;
    const path = unescapeMountPath(field);
    if (under.some((root) => path.startsWith(root)) && !drives.some((d) => d.path === path))
      drives.push({ path, label: basename(path) });
  }
  return drives;
}
