/**
 * A fake CUPS behind the `CommandRunner` interface: `lp`, `lpstat` and `cancel` answer with the output formats of
 * OpenPrinting/cups `systemv/lp.c` and `systemv/lpstat.c` (C locale), over a queue whose printer can run out of
 * paper, open its cover or abort jobs. A job advances one step per `lpstat -o` poll, so tests are deterministic.
 */
import type { CommandResult, CommandRunner } from '../document/command_runner.js';

type JobState = 'pending' | 'processing' | 'completed' | 'canceled' | 'aborted';

interface FakeJob {
  number: number;
  name: string;
  bytes: Uint8Array;
  state: JobState;
  stepsLeft: number;
  reasons: string[];
}

const DATE = 'Fri Nov 27 08:00:00 2026';

function ok(stdout: string, exitCode = 0, stderr = ''): CommandResult {
  return { ok: true, value: { exitCode, stdout, stderr } };
}

export class FakeCups implements CommandRunner {
  readonly jobs: FakeJob[] = [];
  readonly calls: string[][] = [];
  /** printer-state-reasons, e.g. ['media-empty-error']; empty means `none`. */
  printerReasons: string[] = [];
  printerMessage = '';
  stopped = false;
  /** Polls a job needs before it completes. */
  stepsPerJob = 2;
  /** When set, the next job ends in this state and job-state-reason instead of completing. */
  nextJobOutcome: { state: 'aborted' | 'canceled'; reason: string } | undefined;
  /** Completed jobs are forgotten (CUPS with PreserveJobHistory off). */
  forgetCompleted = false;
  installed = true;
  private nextNumber = 17;

  constructor(readonly queue = 'Kiosk_A4') {}

  async run(command: string, args: readonly string[], stdin: Uint8Array | undefined): Promise<CommandResult> {
    this.calls.push([command, ...args]);
    if (!this.installed) return { ok: false, error: { code: 'not-found', command } };
    switch (command) {
      case 'lp':
        return this.lp(args, stdin);
      case 'lpstat':
        return this.lpstat(args);
      case 'cancel':
        return this.cancel(args);
      default:
        return { ok: false, error: { code: 'not-found', command } };
    }
  }

  private lp(args: readonly string[], stdin: Uint8Array | undefined): CommandResult {
    const dest = args[args.indexOf('-d') + 1];
    if (dest !== this.queue) {
      return ok('', 1, `lp: The printer or class does not exist.\n`);
    }
    if (this.stopped) return ok('', 1, `lp: Destination "${dest}" is not accepting jobs.\n`);
    const title = args.includes('-t') ? (args[args.indexOf('-t') + 1] ?? 'untitled') : 'untitled';
    const number = this.nextNumber++;
    this.jobs.push({
      number,
      name: title,
      bytes: stdin ?? new Uint8Array(0),
      state: 'pending',
      stepsLeft: this.stepsPerJob,
      reasons: ['job-incoming'],
    });
    return ok(`request id is ${this.queue}-${number} (0 file(s))\n`);
  }

  private advance(): void {
    const job = this.jobs.find((j) => j.state === 'pending' || j.state === 'processing');
    if (!job) return;
    if (this.printerReasons.some((r) => r.endsWith('-error')) || this.stopped) {
      job.state = 'processing';
      job.reasons = ['job-printing'];
      return;
    }
    job.state = 'processing';
    job.reasons = ['job-printing'];
    job.stepsLeft--;
    if (job.stepsLeft > 0) return;
    if (this.nextJobOutcome) {
      job.state = this.nextJobOutcome.state;
      job.reasons = [this.nextJobOutcome.reason];
      this.nextJobOutcome = undefined;
    } else {
      job.state = 'completed';
      job.reasons = ['job-completed-successfully'];
    }
  }

  private jobLines(jobs: FakeJob[], long: boolean): string {
    let out = '';
    for (const job of jobs) {
      const id = `${this.queue}-${job.number}`;
      out += `${id.padEnd(23)} ${'kiosk'.padEnd(13)} ${String(Math.ceil(job.bytes.length / 1024) * 1024).padStart(8)}   ${DATE}\n`;
      if (long) {
        if (job.state === 'processing' && this.printerMessage) out += `\tStatus: ${this.printerMessage}\n`;
        out += `\tAlerts: ${job.reasons.join(' ')}\n`;
        out += `\tqueued for ${this.queue}\n`;
      }
    }
    return out;
  }

  private lpstat(args: readonly string[]): CommandResult {
    const long = args.includes('-l');
    if (args.includes('-p')) return ok(this.printerStatus(long));
    if (args.includes('-o')) {
      const which = args.includes('-W') ? args[args.indexOf('-W') + 1] : 'not-completed';
      if (which === 'not-completed') this.advance();
      const done = (j: FakeJob): boolean =>
        j.state === 'completed' || j.state === 'canceled' || j.state === 'aborted';
      const jobs =
        which === 'completed'
          ? this.forgetCompleted
            ? []
            : this.jobs.filter(done)
          : which === 'all'
            ? this.jobs
            : this.jobs.filter((j) => !done(j));
      return ok(this.jobLines(jobs, long));
    }
    return ok('');
  }

  private printerStatus(long: boolean): string {
    const active = this.jobs.find((j) => j.state === 'processing');
    let out: string;
    if (this.stopped) out = `printer ${this.queue} disabled since ${DATE} -\n`;
    else if (active)
      out = `printer ${this.queue} now printing ${this.queue}-${active.number}.  enabled since ${DATE}\n`;
    else out = `printer ${this.queue} is idle.  enabled since ${DATE}\n`;
    if (this.printerMessage || this.stopped) out += `\t${this.printerMessage || 'reason unknown'}\n`;
    if (long) {
      out += '\tForm mounted:\n\tContent types: any\n\tPrinter types: unknown\n';
      out += '\tDescription: Kiosk A4 printer\n';
      out += `\tAlerts: ${this.printerReasons.length > 0 ? this.printerReasons.join(' ') : 'none'}\n`;
      out += '\tLocation: \n\tConnection: direct\n';
    }
    return out;
  }

  private cancel(args: readonly string[]): CommandResult {
    const target = args[0] ?? '';
    const job = this.jobs.find((j) => `${this.queue}-${j.number}` === target);
    if (!job) return ok('', 1, `cancel: Job #${target} does not exist.\n`);
    job.state = 'canceled';
    job.reasons = ['job-canceled-by-user'];
    return ok('');
  }
}
