/**
 * Parsers for what CUPS' `lp` and `lpstat` print (formats from OpenPrinting/cups `systemv/lp.c` and
 * `systemv/lpstat.c`). The command line tools are the stable interface to the spooler on every kiosk OS image;
 * their output is parsed here and nowhere else. Parsers return typed errors, never throw.
 *
 * - lp:            `request id is <queue>-<n> (<k> file(s))`
 * - lpstat -o -l:  `%-23s %-13s %8.0f   %s` (`<queue>-<n>`, user, bytes, date), then `\tStatus: <message>`,
 *                  `\tAlerts: <job-state-reasons…>`, `\tqueued for <queue>`
 * - lpstat -p -l:  `printer <q> is idle.  enabled since <date>` | `printer <q> now printing <q>-<n>.  enabled since…`
 *                  | `printer <q> disabled since <date> -` | `printer <q> is holding new jobs.  enabled since…`,
 *                  then `\t<message>` (or `\treason unknown` when stopped), `\tAlerts: <printer-state-reasons…>`
 */

export type CupsParseError =
  | { code: 'no-request-id'; output: string }
  | { code: 'no-printer-line'; output: string };

export type CupsParseResult<T> = { ok: true; value: T } | { ok: false; error: CupsParseError };

/** Job ids as CUPS prints them: `<queue>-<number>`. */
export function parseLpRequestId(stdout: string): CupsParseResult<string> {
  const match = /request id is (\S+-\d+)/.exec(stdout);
  if (!match) return { ok: false, error: { code: 'no-request-id', output: stdout.slice(0, 200) } };
  return { ok: true, value: match[1]! };
}

export interface CupsJobLine {
  jobId: string;
  user: string;
  bytes: number;
  date: string;
  status: string | undefined;
  alerts: string[];
}

/** Parse `lpstat [-l] -W … -o <queue>` output into jobs. Lines that are not jobs are skipped. */
export function parseLpstatJobs(stdout: string): CupsJobLine[] {
  const jobs: CupsJobLine[] = [];
  for (const line of stdout.split('\n')) {
    const job = /^(\S+-\d+)\s+(\S+)\s+(\d+)\s+(.*?)\s*$/.exec(line);
    if (job) {
      jobs.push({
        jobId: job[1]!,
        user: job[2]!,
        bytes: Number(job[3]),
        date: job[4]!,
        status: undefined,
        alerts: [],
      });
      continue;
    }
    const current = jobs.at(-1);
    if (!current) continue;
    const status = /^\tStatus: (.*)$/.exec(line);
    if (status) current.status = status[1]!.trim();
    const alerts = /^\tAlerts: (.*)$/.exec(line);
    if (alerts) current.alerts = alerts[1]!.trim().split(/\s+/).filter(Boolean);
  }
  return jobs;
}

export type CupsPrinterState = 'idle' | 'printing' | 'disabled' | 'holding';

export interface CupsPrinterLine {
  queue: string;
  state: CupsPrinterState;
  /** The job being printed, for `now printing`. */
  printingJob: string | undefined;
  message: string | undefined;
  /** printer-state-reasons, e.g. `media-empty-error`, `cover-open-report`; `none` when healthy. */
  alerts: string[];
}

/** Labels of the `-l` detail lines, which are not the state message. */
const detailLabels =
  /^(Form mounted|Content types|Printer types|Description|Alerts|Location|Connection|Interface|On fault|After fault|Users allowed|Users denied|Forms allowed|Banner required|Charset sets|Default pitch|Default page size|Default port settings):?/;

/** Parse `lpstat -l -p <queue>` output for one printer. */
export function parseLpstatPrinter(stdout: string): CupsParseResult<CupsPrinterLine> {
  const lines = stdout.split('\n');
  const index = lines.findIndex((l) => l.startsWith('printer '));
  if (index < 0) return { ok: false, error: { code: 'no-printer-line', output: stdout.slice(0, 200) } };
  const header = lines[index]!;
  let parsed: { queue: string; state: CupsPrinterState; printingJob?: string } | undefined;
  let m = /^printer (\S+) is idle\./.exec(header);
  if (m) parsed = { queue: m[1]!, state: 'idle' };
  m = /^printer (\S+) is holding new jobs\./.exec(header);
  if (m) parsed = { queue: m[1]!, state: 'holding' };
  m = /^printer (\S+) now printing (\S+?)\.\s/.exec(header);
  if (m) parsed = { queue: m[1]!, state: 'printing', printingJob: m[2]! };
  m = /^printer (\S+) disabled since /.exec(header);
  if (m) parsed = { queue: m[1]!, state: 'disabled' };
  if (!parsed) return { ok: false, error: { code: 'no-printer-line', output: header.slice(0, 200) } };
  let message: string | undefined;
  let alerts: string[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('\t')) break;
    const body = line.slice(1);
    const alert = /^Alerts: (.*)$/.exec(body);
    if (alert) alerts = alert[1]!.trim().split(/\s+/).filter(Boolean);
    else if (i === index + 1 && !detailLabels.test(body)) message = body.trim();
  }
  return {
    ok: true,
    value: { queue: parsed.queue, state: parsed.state, printingJob: parsed.printingJob, message, alerts },
  };
}
