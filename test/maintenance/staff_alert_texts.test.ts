import { describe, expect, it } from 'vitest';
import { printJobHoldReasons } from '../../electron/journal/print_job_reasons.js';
import {
  readDetail,
  releaseProblems,
  type StaffAlertDetail,
  StaffAlertDetailSchema,
  staffAlertDetailCodes,
  storedDetail,
  unprintableReasons,
} from '../../electron/journal/staff_alert_details.js';
import { supportBundleFailures } from '../../electron/rpc/flows/maintenance_views.js';
import {
  needsStaffReasonFamilies,
  needsStaffReasons,
  readNeedsStaffReason,
} from '../../electron/rpc/flows/needs_staff_reasons.js';
import { languages } from '../../electron/rpc/languages.js';
import { alertDetailText, needsStaffText } from '../../renderer/flows/maintenance/alert_detail_text.js';
import { createI18n } from '../../renderer/i18n/i18n.js';

/**
 * Staff read alert details, "needs staff" reasons and support-bundle failures in their own language, never as
 * English code text: every code of the lists (staff_alert_details.ts, needs_staff_reasons.ts,
 * `supportBundleFailures`) has a description in each of the four languages — a code added without its texts fails
 * here — and no description is left as its message key or falls back to another language.
 */
const sample = (code: StaffAlertDetail['code']): StaffAlertDetail[] => {
  switch (code) {
    case 'transaction-stopped':
      return [
        ...needsStaffReasons.map((reason) => ({
          code,
          transactionId: 7,
          kind: 'collection',
          state: 'reserved',
          reason,
        })),
        ...needsStaffReasonFamilies.map((family) => ({
          code,
          transactionId: 7,
          kind: 'locker-pickup',
          state: 'dispensed',
          reason: `${family}-E42`,
        })),
      ];
    case 'resident-asked':
      return [{ code, terminal: 'MO-DEV-01', flow: 'collect-document', step: 'choose' }];
    case 'missing-glyphs':
      return [1, 3].map((characters) => ({ code, template: 'identity-proof', characters }));
    case 'cannot-render':
      return unprintableReasons.map((reason) => ({ code, template: 'queue-ticket', reason }));
    case 'print-job-held':
      return printJobHoldReasons.map((reason) => ({ code, printJobId: 12, reason }));
    case 'print-job-expired':
      return [1, 72].map((hours) => ({ code, printJobId: 12, hours }));
    case 'release-stopped':
      return releaseProblems.map((problem) => ({ code, deviceId: 'dispenser', problem }));
    case 'door-not-opened':
      return [{ code, deviceId: 'lockers', door: 'A1', compartment: 'A01', detail: 'no-such-locker' }];
    case 'door-left-open':
      return [{ code, deviceId: 'lockers', door: 'A1', compartment: 'A01' }];
    case 'slot-failed':
      return [{ code, deviceId: 'vending-unit', slot: 'A2' }];
    case 'text':
      return [{ code, text: 'print job 3: printer-error' }];
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
};

const english = createI18n('en').getFixedT('en', 'maintenance');

describe.each(languages)('%s', (language) => {
  const t = createI18n(language).getFixedT(language, 'maintenance');
  /** A text that is a message key, an interpolation left open, or (in another language) the English one. */
  const problems = (text: string, englishText: string) => [
    ...(/^[a-z][\w-]*(\.[\w-]+)+$/.test(text) ? ['left as its key'] : []),
    ...(text.includes('{{') ? ['placeholder left open'] : []),
    ...(language !== 'en' && text === englishText && !text.startsWith('print job')
      ? ['the English text']
      : []),
    ...(/alertDetail|needsStaffReason|bundle\.failure/.test(text) ? ['a key inside'] : []),
  ];

  it('every staff alert detail code, with each of its values, is described', () => {
    for (const code of staffAlertDetailCodes) {
      for (const detail of sample(code)) {
        const text = alertDetailText(t, detail);
        expect(
          problems(text, alertDetailText(english, detail)),
          `${JSON.stringify(detail)}: ${text}`,
        ).toEqual([]);
        expect(StaffAlertDetailSchema.parse(detail)).toEqual(detail);
      }
    }
  });

  it('every "needs staff" reason and reason family is described, and an unknown one still shows', () => {
    for (const reason of [...needsStaffReasons, ...needsStaffReasonFamilies.map((f) => `${f}-X1`)]) {
      const text = needsStaffText(t, reason);
      expect(problems(text, needsStaffText(english, reason)), `${reason}: ${text}`).toEqual([]);
    }
    expect(needsStaffText(t, 'brand-new-reason')).toContain('brand-new-reason');
  });

  it('every support-bundle failure is described', () => {
    for (const code of supportBundleFailures) {
      const text = t(`bundle.failed`, { reason: t(`bundle.failure.${code}`), code });
      expect(
        problems(text, english('bundle.failed', { reason: english(`bundle.failure.${code}`), code })),
      ).toEqual([]);
    }
  });
});

describe('stored details and reasons read back', () => {
  it('a detail round-trips; an older row’s English text reads as text; damaged JSON too', () => {
    const detail: StaffAlertDetail = { code: 'print-job-held', printJobId: 4, reason: 'printer-no-paper' };
    expect(readDetail(storedDetail(detail))).toEqual(detail);
    expect(readDetail('print job 4: printer-no-paper')).toEqual({
      code: 'text',
      text: 'print job 4: printer-no-paper',
    });
    expect(readDetail('{"code":"print-job-held","printJobId":"x"}').code).toBe('text');
  });

  it('the reasons the flows write read as their family, the longest first', () => {
    expect(readNeedsStaffReason('record-refused-already-recorded')).toEqual({
      kind: 'family',
      family: 'record-refused',
      code: 'already-recorded',
    });
    expect(readNeedsStaffReason('release-uncertain')).toEqual({
      kind: 'family',
      family: 'release',
      code: 'uncertain',
    });
    expect(readNeedsStaffReason('print-not-queued')).toEqual({ kind: 'reason', reason: 'print-not-queued' });
    expect(readNeedsStaffReason('door-')).toEqual({ kind: 'unrecognised', text: 'door-' });
  });
});
