import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deviceFaultCodes } from '../../devices/device_fault_codes.js';
import { stateOfFailure } from '../../devices/printer/failure_states.js';
import type { PrintFailure } from '../../devices/printer/printer.js';
import {
  holdReasonOf,
  printFailureReasons,
  printJobHoldReasons,
  voidReasonCodes,
} from '../../electron/journal/print_job_reasons.js';
import { attentionReason } from '../../electron/journal/printer_registration.js';
import { languages } from '../../electron/rpc/languages.js';

/**
 * Staff read print-job reasons and device fault codes in their own language, never as raw codes: every code of the
 * fixed lists has a text in all four locales (a code added to a list without its texts fails here), and what the
 * printers' shared failure mapping and the pipeline produce is in those lists.
 */
type Texts = {
  jobReason: Record<string, Record<string, string>>;
  faultCode: { codes: Record<string, string> };
};
const locale = (language: string): Texts =>
  JSON.parse(readFileSync(`locales/${language}/maintenance.json`, 'utf8')) as Texts;

const everyFailure: PrintFailure[] = printFailureReasons.map((reason) =>
  reason === 'job-aborted' || reason === 'spooler-unavailable' || reason === 'error'
    ? { reason, detail: 'usb-io: EPIPE' }
    : { reason },
);

describe.each(languages)('%s', (language) => {
  const texts = locale(language);
  const filled = (text: string | undefined) => typeof text === 'string' && text.trim().length > 0;

  it('every device fault code has a text, and no text is for a code that does not exist', () => {
    for (const code of deviceFaultCodes) expect(filled(texts.faultCode.codes[code]), code).toBe(true);
    expect(Object.keys(texts.faultCode.codes).sort()).toEqual([...deviceFaultCodes].sort());
  });

  it('every print-job reason has a text: held, failed and voided, and an unrecorded one', () => {
    const lists = {
      held: [...printJobHoldReasons, 'unrecorded'],
      failed: [...printFailureReasons, 'unrecorded'],
      voided: [...voidReasonCodes],
    };
    for (const [kind, codes] of Object.entries(lists)) {
      for (const code of codes) expect(filled(texts.jobReason[kind]?.[code]), `${kind}.${code}`).toBe(true);
      expect(Object.keys(texts.jobReason[kind] ?? {}).sort()).toEqual([...codes].sort());
    }
  });

  it('no two fault codes read the same (staff could not tell them apart)', () => {
    const seen = new Map<string, string>();
    for (const code of deviceFaultCodes) {
      const text = texts.faultCode.codes[code] ?? '';
      expect(seen.get(text), `${code} reads like ${seen.get(text)}`).toBeUndefined();
      seen.set(text, code);
    }
  });
});

describe('the codes the printers and the pipeline produce are in the lists', () => {
  it('a printer failure’s state carries a listed code, and a held job a listed reason', () => {
    for (const failure of everyFailure) {
      const state = stateOfFailure(failure);
      if (state.state === 'error') expect(deviceFaultCodes, failure.reason).toContain(state.code);
      expect(printJobHoldReasons).toContain(attentionReason(failure));
    }
  });

  it('a hold reason journalled as English text by an earlier version keeps its code', () => {
    expect(holdReasonOf('printer-error: usb-io: EPIPE')).toBe('printer-error');
    expect(holdReasonOf('interrupted-while-sending: outcome unknown, check the printer output')).toBe(
      'interrupted-while-sending',
    );
    expect(holdReasonOf('resident-session-ended-before-printing')).toBe(
      'resident-session-ended-before-printing',
    );
    expect(holdReasonOf('the printer caught fire')).toBe('unrecorded');
  });
});
