/**
 * The ipptool client's reading of ipptool's plist, on output shaped as ipptool 2.4.2 prints it (enums as integers,
 * one value as a scalar and several as an array, a text summary after `</plist>`), with a runner that records
 * what would have been run. The real exchange with cupsd is in test/devices/printer/real_cups_print.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../lib/result.js';
import type { CommandInput, CommandResult, CommandRunner } from './command_runner.js';
import { IpptoolClient, readIpptoolReport } from './ipptool_client.js';

function plist(tests: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
<key>ipptoolVersion</key>
<string>CUPS v2.4.2</string>
<key>Tests</key>
<array>
${tests}
</array>
${extra}
<key>Successful</key>
<true />
</dict>
</plist>

Summary: 1 tests, 1 passed, 0 failed, 0 skipped
`;
}

function test(status: string, groups: string): string {
  return `<dict>
<key>Name</key>
<string>op</string>
<key>StatusCode</key>
<string>${status}</string>
<key>ResponseAttributes</key>
<array>
<dict>
<key>attributes-charset</key>
<string>utf-8</string>
</dict>
${groups}
</array>
</dict>`;
}

class RecordingRunner implements CommandRunner {
  readonly runs: { args: readonly string[]; files: Record<string, string> }[] = [];
  constructor(private readonly stdout: string) {}
  async run(_command: string, args: readonly string[], _input: CommandInput): Promise<CommandResult> {
    const files: Record<string, string> = {};
    for (const arg of args)
      if (arg.startsWith('/') && existsSync(arg)) files[arg] = readFileSync(arg, 'latin1');
    this.runs.push({ args, files });
    return ok({ exitCode: 0, stdout: this.stdout, stderr: '' });
  }
}

describe('ipptool client', () => {
  it('reads a job: job-state as the standard enum, several reasons as an array', async () => {
    const runner = new RecordingRunner(
      plist(
        test(
          'successful-ok',
          `<dict><key>job-id</key><integer>7</integer><key>job-state</key><integer>6</integer>
<key>job-state-reasons</key><array><string>job-completed-with-errors</string><string>job-printing</string></array></dict>`,
        ),
      ),
    );
    const client = new IpptoolClient({ queue: 'Kiosk_A4', server: '/run/cups/cups.sock', runner });
    expect(await client.job(7)).toEqual({
      ok: true,
      value: { id: 7, state: 'processing-stopped', reasons: ['job-completed-with-errors', 'job-printing'] },
    });
    const args = runner.runs[0]?.args ?? [];
    expect(args).toContain('ipp://%2Frun%2Fcups%2Fcups.sock/printers/Kiosk_A4');
    expect(args).toContain('jobid=7');
  });

  it('reads a queue, dropping `none`', async () => {
    const runner = new RecordingRunner(
      plist(
        test(
          'successful-ok',
          `<dict><key>printer-state</key><integer>5</integer><key>printer-state-reasons</key><string>paused</string>
<key>printer-state-message</key><string>toner change</string><key>printer-is-accepting-jobs</key><true /></dict>`,
        ),
      ),
    );
    const client = new IpptoolClient({ queue: 'Kiosk_A4', server: 'localhost:631', runner });
    expect(await client.queue()).toEqual({
      ok: true,
      value: {
        state: 'stopped',
        reasons: ['paused'],
        message: 'toner change',
        acceptingJobs: true,
        markers: [],
      },
    });
  });

  it('reads the supply levels a printer passes on (marker-*), unknown levels as null', async () => {
    // As CUPS answers for a laser printer whose driver reads its supplies: parallel lists, -3 = "some remaining".
    const runner = new RecordingRunner(
      plist(
        test(
          'successful-ok',
          `<dict><key>printer-state</key><integer>3</integer><key>printer-state-reasons</key><string>none</string>
<key>printer-is-accepting-jobs</key><true />
<key>marker-names</key><array><string>Black Toner Cartridge</string><string>Waste Toner Box</string></array>
<key>marker-types</key><array><string>toner</string><string>waste-toner</string></array>
<key>marker-levels</key><array><integer>14</integer><integer>-3</integer></array></dict>`,
        ),
      ),
    );
    const queue = await new IpptoolClient({ queue: 'Kiosk_A4', server: 'localhost:631', runner }).queue();
    expect(queue.ok && queue.value.markers).toEqual([
      { name: 'Black Toner Cartridge', type: 'toner', percent: 14 },
      { name: 'Waste Toner Box', type: 'waste-toner', percent: null },
    ]);
    // Asked for in the Get-Printer-Attributes request itself.
    expect(Object.values(runner.runs[0]?.files ?? {}).join('')).toContain(
      'marker-names,marker-types,marker-levels',
    );
  });

  it('turns an IPP error status into a typed failure with CUPS’ message', async () => {
    const runner = new RecordingRunner(
      plist(
        `<dict><key>StatusCode</key><string>server-error-not-accepting-jobs</string><key>ResponseAttributes</key>
<array><dict><key>attributes-charset</key><string>utf-8</string><key>status-message</key>
<string>Destination "Kiosk_A4" is not accepting jobs.</string></dict></array></dict>`,
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), 'balcao-ipp-test-'));
    const client = new IpptoolClient({ queue: 'Kiosk_A4', server: 'localhost:631', runner, workDir: dir });
    const pdf = new TextEncoder().encode('%PDF-1.7 personal data');
    expect(await client.submit(pdf, 'balcao-identity-proof')).toEqual({
      ok: false,
      error: {
        code: 'ipp-status',
        status: 'server-error-not-accepting-jobs',
        message: 'Destination "Kiosk_A4" is not accepting jobs.',
      },
    });
    // The document was on disk only while ipptool ran: the private directory keeps the four test files only.
    const run = runner.runs[0];
    expect(Object.values(run?.files ?? {})).toContain('%PDF-1.7 personal data');
    expect(readdirSync(dir).sort()).toEqual(['cancel.test', 'job.test', 'queue.test', 'submit.test']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('never lets a job name reach ipptool unless it is a plain word', async () => {
    const runner = new RecordingRunner(
      plist(test('successful-ok', '<dict><key>job-id</key><integer>3</integer></dict>')),
    );
    const client = new IpptoolClient({ queue: 'Kiosk_A4', server: 'localhost:631', runner });
    expect(await client.submit(new Uint8Array(4), 'CHAN TAI MAN "proof"')).toEqual({ ok: true, value: 3 });
    expect(runner.runs[0]?.args).toContain('jobname=balcao-document');
  });

  it('reads no answer at all (no cupsd) as spooler-unreachable, and junk as unreadable', async () => {
    const down = new RecordingRunner(
      plist(
        '',
        '<key>ErrorMessage</key><string>Unable to connect to "localhost" on port 631 - Connection refused</string>',
      ),
    );
    expect(await new IpptoolClient({ queue: 'q', server: 'localhost:631', runner: down }).queue()).toEqual({
      ok: false,
      error: {
        code: 'spooler-unreachable',
        detail: 'Unable to connect to "localhost" on port 631 - Connection refused',
      },
    });
    expect(readIpptoolReport('ipptool: Unable to open test file').ok).toBe(false);
    expect(readIpptoolReport('<plist><dict><key>Tests</key><string>x</string></dict></plist>').ok).toBe(
      false,
    );
  });
});
