/**
 * A real, private cupsd for tests, with one cups-pdf queue: Debian's CUPS 2.4 (`cups`, `cups-client`,
 * `cups-ipp-utils` for ipptool, `printer-driver-cups-pdf`), never the system's spooler.
 *
 * What it takes, found by running it as root (as this machine and CI do):
 * - cupsd runs in the foreground (`-f`) from its own cupsd.conf / cups-files.conf in a temporary directory, with
 *   its own spool (RequestRoot), TempDir, CacheDir, StateDir and logs there, listening only on a domain socket in
 *   that directory (no port, so parallel runs cannot collide), and is stopped by its process id.
 * - Filters and backends stay in the system's ServerBin (/usr/lib/cups) and DataDir (/usr/share/cups). cupsd runs
 *   a filter or backend only if root owns it and others cannot write it: a backend owned by another user is
 *   refused with "has insecure permissions" (printer reason `cups-insecure-filter-warning`, job stopped), as
 *   tried here. The packages' own files pass; a root-owned copy would too, but there is nothing to gain by it.
 * - Filters run as user `lp`, so the temporary directory is made 0755: a 0700 mkdtemp directory would keep them
 *   from reading the spooled document ("Filter failed"). cupsd itself sets its spool to 0710 root:lp.
 * - The cups-pdf backend is mode 0700 root, so cupsd runs it as root: this is why the tests need root.
 * - cups-pdf reads its settings only from /etc/cups (compiled in): `cups-pdf-<queue>.conf` for a device URI
 *   `cups-pdf:/<queue>`. The helper writes that one file for a uniquely named queue, pointing `Out` and its
 *   spool into the temporary directory, and removes it at stop. cups-pdf hands the PDF to Ghostscript as the
 *   job's user (or `nobody` for an unknown one): its spool must not sit under cupsd's 0710 spool, and the output
 *   directory belongs to `nobody`, or Ghostscript cannot write — and cups-pdf still exits 0, so the job ends
 *   `completed` with no file. Tests therefore check the PDF itself, not only the job state.
 * - Where any of this is missing (not root, a package not installed), the tests skip and say why; under CI
 *   (`CI` set) they fail instead, because CI installs everything (.ci/run) and must run them.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';

const cupsd = '/usr/sbin/cupsd';
const cupsPdfBackend = '/usr/lib/cups/backend/cups-pdf';
const cupsPdfPpd = '/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd';
const cupsPdfConfigDir = '/etc/cups';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Why a real cupsd cannot run here, or `undefined` when it can. */
export function realCupsdUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'real CUPS tests run on Linux only';
  if (process.getuid?.() !== 0)
    return 'needs root: the cups-pdf backend is 0700 root, so cupsd must run as root';
  for (const [path, pkg] of [
    [cupsd, 'cups'],
    [cupsPdfBackend, 'printer-driver-cups-pdf'],
    [cupsPdfPpd, 'printer-driver-cups-pdf'],
  ] as const) {
    if (!existsSync(path)) return `${path} missing (Debian package ${pkg})`;
  }
  for (const [command, pkg] of [
    ['lpadmin', 'cups-client'],
    ['ipptool', 'cups-ipp-utils'],
    ['pdftotext', 'poppler-utils'],
  ] as const) {
    if (!onPath(command)) return `${command} missing (Debian package ${pkg})`;
  }
  try {
    accessSync(cupsPdfConfigDir, constants.W_OK);
  } catch {
    return `${cupsPdfConfigDir} is not writable (cups-pdf reads its queue settings only from there)`;
  }
  return undefined;
}

/**
 * `describe` for tests that need a real cupsd: skipped with the reason where it cannot run, failing under CI.
 */
export function describeWithRealCups(name: string, body: () => void): void {
  const reason = realCupsdUnavailable();
  if (reason && process.env.CI) {
    describe(name, () => {
      it('has a real CUPS to test against (CI installs it)', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  describe.skipIf(reason !== undefined)(reason ? `${name} (skipped: ${reason})` : name, body);
}

export interface RealCupsd {
  /** The domain socket cupsd listens on: the driver's `cupsServer`. */
  readonly socket: string;
  /** The cups-pdf queue. */
  readonly queue: string;
  readonly dir: string;
  readonly pid: number;
  /** PDFs cups-pdf has written so far. */
  outputs(): string[];
  /** Runs a CUPS admin command (`cupsdisable`, `cupsaccept`…) against this cupsd. */
  admin(command: string, ...args: string[]): void;
  /** `lpstat -W not-completed` for the queue: what CUPS would still print. Empty after any failure. */
  jobsLeft(): string;
  stop(): Promise<void>;
}

function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`cupsd: timed out waiting for ${what}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

function writeConfig(dir: string, socket: string): void {
  writeFileSync(
    join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`,
      `RequestRoot ${dir}/spool`,
      `TempDir ${dir}/spool/tmp`,
      `CacheDir ${dir}/cache`,
      `StateDir ${dir}/state`,
      'ServerBin /usr/lib/cups',
      'DataDir /usr/share/cups',
      `AccessLog ${dir}/log/access_log`,
      `ErrorLog ${dir}/log/error_log`,
      `PageLog ${dir}/log/page_log`,
      'User lp',
      'Group lp',
      'SystemGroup root',
      '',
    ].join('\n'),
  );
  // Only this test's socket; no authentication, as the test is the only client.
  writeFileSync(
    join(dir, 'cupsd.conf'),
    [
      'LogLevel info',
      `Listen ${socket}`,
      'Browsing Off',
      'WebInterface No',
      'DefaultAuthType None',
      'PreserveJobHistory Yes',
      'PreserveJobFiles No',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order allow,deny',
      '    Allow all',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
}

function nobodyIds(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'nobody']).stdout.toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Starts a private cupsd with one cups-pdf queue; call `stop()` in `afterAll`. */
export async function startRealCupsd(): Promise<RealCupsd> {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-cupsd-'));
  chmodSync(dir, 0o755);
  const socket = join(dir, 'cups.sock');
  const queue = `balcao_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const out = join(dir, 'out');
  for (const sub of ['spool/tmp', 'cache', 'state', 'log', 'out', 'pdf-spool']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  const nobody = nobodyIds();
  chownSync(out, nobody.uid, nobody.gid);
  writeConfig(dir, socket);
  const pdfConfig = join(cupsPdfConfigDir, `cups-pdf-${queue}.conf`);
  writeFileSync(
    pdfConfig,
    [`Out ${out}`, `AnonDirName ${out}`, `Spool ${dir}/pdf-spool`, 'Grp lp', `Log ${dir}/log`, ''].join('\n'),
  );

  const child = spawn(cupsd, ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const pid = child.pid ?? -1;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killer);
    }
    rmSync(pdfConfig, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  const admin = (command: string, ...args: string[]): void => {
    const run = spawnSync(command, ['-h', socket, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${run.stderr.trim()}`);
  };
  try {
    await waitFor(() => existsSync(socket) || child.exitCode !== null, 10_000, 'its socket');
    if (child.exitCode !== null) {
      const log = join(dir, 'log', 'error_log');
      const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-1500) : '';
      throw new Error(`cupsd exited with ${child.exitCode}: ${stderr.trim()} ${tail}`);
    }
    admin('lpadmin', '-p', queue, '-E', '-v', `cups-pdf:/${queue}`, '-P', cupsPdfPpd);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    socket,
    queue,
    dir,
    pid,
    outputs: () =>
      readdirSync(out)
        .filter((name) => name.endsWith('.pdf'))
        .map((name) => join(out, name)),
    admin,
    jobsLeft: () =>
      spawnSync('lpstat', ['-h', socket, '-W', 'not-completed', '-o', queue], {
        encoding: 'utf8',
      }).stdout.trim(),
    stop,
  };
}

/** pdftotext of a printed PDF. */
export function printedText(path: string): string {
  const run = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext: ${run.stderr}`);
  return run.stdout;
}

/** pdfinfo's page count and page size of a printed PDF, e.g. `{ pages: 1, size: '595 x 842 pts (A4)' }`. */
export function printedPages(path: string): { pages: number; size: string } {
  const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout;
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.*)$/m.exec(info)?.[1]?.trim() ?? '',
  };
}
