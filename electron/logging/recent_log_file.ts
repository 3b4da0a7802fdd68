/**
 * The kiosk's recent log lines on disk, beside the journal, for the maintenance screen's log view and the support
 * bundle: the same JSON lines as stdout (already redacted by the logger, so no personal data), appended
 * synchronously — a line is in the file before the next statement runs, as on stdout — to `path`, which rolls to
 * `path.1`, `path.2`, … once it passes `maxBytes`; the oldest file beyond `files` is deleted. The disk it may
 * take is bounded: `files × maxBytes`.
 *
 * A file that cannot be opened or written (a read-only or full disk) never stops the kiosk: the line still goes to
 * stdout, the fault is remembered for the caller to log once, and the file is opened again every hundred lines.
 */
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where the recent log is kept, and how much of it (the configuration's `maintenance.recentLogs`, resolved). */
export interface RecentLogLocation {
  path: string;
  maxBytes: number;
  files: number;
}

/** The files of a recent log, oldest first (those that may exist; the reader skips the missing ones). */
export function recentLogFiles(config: Pick<RecentLogLocation, 'path' | 'files'>): string[] {
  const older = Array.from({ length: config.files - 1 }, (_, i) => `${config.path}.${config.files - 1 - i}`);
  return [...older, config.path];
}

export class RecentLogFile {
  readonly #config: RecentLogLocation;
  #fd: number | null = null;
  #size = 0;
  /** The last fault, until `takeFault()` hands it to the logger. */
  #fault: string | null = null;
  #linesSinceFault = 0;

  constructor(config: RecentLogLocation) {
    this.#config = config;
    this.#open();
  }

  /** pino's destination interface: one JSON line per call, newline included. */
  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.#fd === null && ++this.#linesSinceFault >= 100) {
      this.#linesSinceFault = 0;
      this.#open();
    }
    if (this.#fd !== null && this.#size + bytes > this.#config.maxBytes && this.#size > 0) this.#roll();
    if (this.#fd === null) return;
    try {
      writeSync(this.#fd, line);
      this.#size += bytes;
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Why lines are not being kept, once: the caller logs it (to stdout, which still works). */
  takeFault(): string | null {
    const fault = this.#fault;
    this.#fault = null;
    return fault;
  }

  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }

  #open(): void {
    try {
      mkdirSync(dirname(this.#config.path), { recursive: true });
      this.#fd = openSync(this.#config.path, 'a', 0o640);
      this.#size = fstatSync(this.#fd).size;
    } catch (error) {
      this.#fail(error);
    }
  }

  #roll(): void {
    this.close();
    try {
      const files = recentLogFiles(this.#config);
      rmSync(files[0]!, { force: true });
      // path.(n-2) → path.(n-1), …, path → path.1
      for (let i = 1; i < files.length; i++) {
        try {
          renameSync(files[i]!, files[i - 1]!);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    } catch (error) {
      this.#fail(error);
    }
    this.#open();
  }

  #fail(error: unknown): void {
    this.#fault = (error as NodeJS.ErrnoException).code ?? String(error);
    if (this.#fd !== null) {
      try {
        closeSync(this.#fd);
      } catch {
        // Already unusable: nothing more to do with it.
      }
    }
    this.#fd = null;
  }
}
