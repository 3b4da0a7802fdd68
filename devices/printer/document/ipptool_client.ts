/**
 * The kiosk's IPP client for CUPS: four operations (Get-Printer-Attributes, Print-Job, Get-Job-Attributes,
 * Cancel-Job) sent with `ipptool`, answers read from its XML property list (`-X`) and checked with zod.
 *
 * Why ipptool: it is OpenPrinting's own IPP client, released with CUPS itself (Debian `cups-ipp-utils`), so it is
 * maintained with, and speaks the same IPP as, the spooler it talks to. The npm `ipp` package declares
 * `engines: node <4` and has not been released since; `ipp-encoder` is a bare codec of the same era, using
 * the deprecated `new Buffer`. ipptool's plist output is its machine-readable form: enums arrive as the
 * standard's integers (job-state 9), keywords as keywords, and the IPP status code as its keyword.
 *
 * ipptool reads its test files and the document by name (it cannot read them from a Node child's stdin, which is a
 * socket). They live in the user's private directory (0700, files 0600): the four test files are static text; the
 * PDF is written for one Print-Job and removed as soon as CUPS has answered (by then cupsd holds its own spool
 * copy), so no resident's document stays behind.
 * Values reach a request only as `-d` variables validated first (job name, job id), so no input can change it.
 *
 * Where CUPS listens: `host:port` (e.g. `localhost:631`) or the path of its domain socket
 * (`/run/cups/cups.sock`), which ipptool takes as a URI host with the slashes percent-encoded.
 */
import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parse as parsePlist } from 'plist';
import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import type { CommandRunner } from './command_runner.js';
import {
  type CupsJob,
  type CupsQueue,
  ippJobStates,
  ippPrinterStates,
  type MarkerLevel,
} from './ipp_states.js';

export type IppFailure =
  | { code: 'ipptool-missing' }
  /** No answer at all: cupsd is not running, or not listening where configured. */
  | { code: 'spooler-unreachable'; detail: string }
  | { code: 'timeout' }
  /** CUPS answered with an IPP status other than successful-ok, e.g. `server-error-not-accepting-jobs`. */
  | { code: 'ipp-status'; status: string; message: string | undefined }
  | { code: 'unreadable-answer'; detail: string }
  /** The private directory or the document file could not be written. */
  | { code: 'local-io'; detail: string };

export type IppResult<T> = Result<T, IppFailure>;

/** What the CUPS route of the A4 printer asks of the spooler. The fake CUPS implements it too. */
export interface CupsIppClient {
  queue(): Promise<IppResult<CupsQueue>>;
  submit(pdf: Uint8Array, jobName: string): Promise<IppResult<number>>;
  job(jobId: number): Promise<IppResult<CupsJob>>;
  cancel(jobId: number): Promise<IppResult<void>>;
}

export interface IpptoolClientOptions {
  queue: string;
  /** `host:port` or an absolute domain-socket path. */
  server: string;
  runner: CommandRunner;
  /** Longest one operation may take, document upload included. */
  timeoutMs?: number;
  /** Where the test files and the document in transit are written; a new private directory by default. */
  workDir?: string;
}

type Operation = 'queue' | 'submit' | 'job' | 'cancel';

/** Job names reach the spooler's logs and `lpstat`: never personal data, and nothing ipptool would interpret. */
const jobNamePattern = /^[A-Za-z0-9._-]{1,64}$/;

const ippValue = z.union([z.string(), z.number(), z.boolean()]);
const attributeGroup = z.record(z.string(), z.union([ippValue, z.array(ippValue)]));
const testReport = z.object({
  StatusCode: z.string(),
  ResponseAttributes: z.array(attributeGroup).default([]),
});
const ipptoolReport = z.object({
  Tests: z.array(testReport),
  ErrorMessage: z.string().optional(),
});
type TestReport = z.infer<typeof testReport>;

const operationHeader = [
  'GROUP operation-attributes-tag',
  'ATTR charset attributes-charset utf-8',
  'ATTR naturalLanguage attributes-natural-language en',
  'ATTR uri printer-uri $uri',
  'ATTR name requesting-user-name $user',
];

function ippTest(operation: string, lines: readonly string[]): string {
  return `{\n  NAME "${operation}"\n  OPERATION ${operation}\n  ${[...operationHeader, ...lines].join('\n  ')}\n}\n`;
}

const tests: Record<Operation, string> = {
  queue: ippTest('Get-Printer-Attributes', [
    'ATTR keyword requested-attributes printer-state,printer-state-reasons,printer-state-message,printer-is-accepting-jobs,marker-names,marker-types,marker-levels',
  ]),
  submit: ippTest('Print-Job', [
    'ATTR name job-name $jobname',
    'ATTR mimeMediaType document-format application/pdf',
    'FILE $filename',
  ]),
  job: ippTest('Get-Job-Attributes', [
    'ATTR integer job-id $jobid',
    'ATTR keyword requested-attributes job-id,job-state,job-state-reasons',
  ]),
  cancel: ippTest('Cancel-Job', ['ATTR integer job-id $jobid']),
};

function values(group: Record<string, unknown>, name: string): unknown[] {
  const value = group[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Attributes of the response's object group (job or printer): every group after the operation group. */
function attributes(report: TestReport): Record<string, unknown> {
  return Object.assign({}, ...report.ResponseAttributes.slice(1));
}

const reasonsOf = (group: Record<string, unknown>, name: string): string[] =>
  values(group, name).filter((r): r is string => typeof r === 'string' && r !== 'none');

/** marker-names, -types and -levels are parallel lists; a printer that gives no names reports no markers. */
function markersOf(group: Record<string, unknown>): MarkerLevel[] {
  const types = values(group, 'marker-types');
  const levels = values(group, 'marker-levels');
  return values(group, 'marker-names').flatMap((name, i) => {
    if (typeof name !== 'string') return [];
    const type = types[i];
    const level = levels[i];
    return [
      {
        name,
        type: typeof type === 'string' ? type : 'unknown',
        percent: typeof level === 'number' && level >= 0 && level <= 100 ? level : null,
      },
    ];
  });
}

function enumOf<T extends string>(table: Record<number, T>, value: unknown): T | undefined {
  return typeof value === 'number' ? table[value] : undefined;
}

/** The plist ipptool prints; ipptool 2.4 appends a text summary after `</plist>`, which is not part of it. */
export function readIpptoolReport(stdout: string): Result<z.infer<typeof ipptoolReport>, string> {
  const end = stdout.indexOf('</plist>');
  if (end < 0) return err('no plist in ipptool output');
  let parsed: unknown;
  try {
    parsed = parsePlist(stdout.slice(0, end + '</plist>'.length));
  } catch (e) {
    return err(`plist: ${(e as Error).message}`);
  }
  const report = ipptoolReport.safeParse(parsed);
  return report.success ? ok(report.data) : err(`unexpected plist: ${report.error.issues[0]?.message}`);
}

let sharedWorkDir: string | undefined;
let nextDocument = 1;

/**
 * The user's private directory for ipptool's files, the same for every process of that user (so test runs and
 * restarts do not leave directories behind): `<tmp>/balcao-ipp-<uid>`, used only if it is a real directory owned
 * by this user that nobody else can enter; otherwise a fresh one (someone else made that path first).
 */
function processWorkDir(): string {
  if (sharedWorkDir) return sharedWorkDir;
  const uid = process.getuid?.() ?? 0;
  const fixed = join(tmpdir(), `balcao-ipp-${uid}`);
  mkdirSync(fixed, { mode: 0o700, recursive: true });
  const info = lstatSync(fixed);
  const private_ =
    info.isDirectory() && !info.isSymbolicLink() && info.uid === uid && (info.mode & 0o077) === 0;
  sharedWorkDir = private_ ? fixed : mkdtempSync(join(tmpdir(), 'balcao-ipp-'));
  return sharedWorkDir;
}

export class IpptoolClient implements CupsIppClient {
  private readonly uri: string;
  private readonly timeoutMs: number;
  private readonly user: string;
  private workDir: string | undefined;

  constructor(private readonly options: IpptoolClientOptions) {
    const host = options.server.startsWith('/') ? encodeURIComponent(options.server) : options.server;
    this.uri = `ipp://${host}/printers/${options.queue}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.user = userInfo().username;
  }

  /** The private directory with the four test files, made on first use. */
  private dir(): string {
    if (this.workDir) return this.workDir;
    const dir = this.options.workDir ?? processWorkDir();
    for (const [operation, text] of Object.entries(tests)) {
      // Written aside, then renamed: another process of this user may be running ipptool on the same file.
      const file = join(dir, `${operation}.test`);
      writeFileSync(`${file}.${process.pid}`, text, { mode: 0o600 });
      renameSync(`${file}.${process.pid}`, file);
    }
    this.workDir = dir;
    return dir;
  }

  async queue(): Promise<IppResult<CupsQueue>> {
    const answer = await this.ask('queue', []);
    if (!answer.ok) return answer;
    const group = attributes(answer.value);
    const state = enumOf(ippPrinterStates, values(group, 'printer-state')[0]);
    if (!state) return err({ code: 'unreadable-answer', detail: 'printer-state missing' });
    const message = values(group, 'printer-state-message')[0];
    return ok({
      state,
      reasons: reasonsOf(group, 'printer-state-reasons'),
      message: typeof message === 'string' && message !== '' ? message : undefined,
      acceptingJobs: values(group, 'printer-is-accepting-jobs')[0] !== false,
      markers: markersOf(group),
    });
  }

  async submit(pdf: Uint8Array, jobName: string): Promise<IppResult<number>> {
    const name = jobNamePattern.test(jobName) ? jobName : 'balcao-document';
    const file = join(this.dir(), `document-${process.pid}-${nextDocument++}.pdf`);
    let answer: IppResult<TestReport>;
    try {
      writeFileSync(file, pdf, { mode: 0o600, flag: 'wx' });
      answer = await this.ask('submit', ['-d', `jobname=${name}`, '-f', file]);
    } catch (e) {
      return err({ code: 'local-io', detail: (e as Error).message });
    } finally {
      rmSync(file, { force: true });
    }
    if (!answer.ok) return answer;
    const id = values(attributes(answer.value), 'job-id')[0];
    return typeof id === 'number' ? ok(id) : err({ code: 'unreadable-answer', detail: 'job-id missing' });
  }

  async job(jobId: number): Promise<IppResult<CupsJob>> {
    const answer = await this.ask('job', ['-d', `jobid=${Math.trunc(jobId)}`]);
    if (!answer.ok) return answer;
    const group = attributes(answer.value);
    const state = enumOf(ippJobStates, values(group, 'job-state')[0]);
    if (!state) return err({ code: 'unreadable-answer', detail: 'job-state missing' });
    return ok({ id: jobId, state, reasons: reasonsOf(group, 'job-state-reasons') });
  }

  async cancel(jobId: number): Promise<IppResult<void>> {
    const answer = await this.ask('cancel', ['-d', `jobid=${Math.trunc(jobId)}`]);
    return answer.ok ? ok() : answer;
  }

  /** One operation: the answer's report, or why there is none. */
  private async ask(operation: Operation, args: readonly string[]): Promise<IppResult<TestReport>> {
    const seconds = String(Math.max(1, Math.ceil(this.timeoutMs / 1000)));
    let test: string;
    try {
      test = join(this.dir(), `${operation}.test`);
    } catch (e) {
      return err({ code: 'local-io', detail: (e as Error).message });
    }
    const run = await this.options.runner.run(
      'ipptool',
      ['-X', '-T', seconds, '-d', `user=${this.user}`, ...args, this.uri, test],
      {},
      this.timeoutMs + 2000,
    );
    if (!run.ok) {
      switch (run.error.code) {
        case 'not-found':
          return err({ code: 'ipptool-missing' });
        case 'timeout':
          return err({ code: 'timeout' });
        case 'spawn-failed':
          return err({ code: 'unreadable-answer', detail: run.error.detail });
        default: {
          const unreachable: never = run.error;
          return unreachable;
        }
      }
    }
    const report = readIpptoolReport(run.value.stdout);
    if (!report.ok) return err({ code: 'unreadable-answer', detail: report.error });
    const answered = report.value.Tests[0];
    // No test ran: ipptool could not even connect.
    if (!answered)
      return err({ code: 'spooler-unreachable', detail: report.value.ErrorMessage ?? 'no answer from CUPS' });
    if (!answered.StatusCode.startsWith('successful-ok')) {
      const message = values(answered.ResponseAttributes[0] ?? {}, 'status-message')[0];
      return err({
        code: 'ipp-status',
        status: answered.StatusCode,
        message: typeof message === 'string' ? message : undefined,
      });
    }
    return ok(answered);
  }
}
