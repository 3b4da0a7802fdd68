// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type { AppointmentView, BookingView } from '../../../electron/rpc/flows/booking_parts.js';
import { type Language, languages } from '../../../electron/rpc/languages.js';
import { activeSession } from '../../../test/support/session_views.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { useSessionStore } from '../../stores/session_store.js';
import { FlowHost } from '../flow_host.js';
import { echoDeadlineMs } from './search_step.js';

/**
 * The booking and check-in screens with the strict RPC client: each step draws its view in every language (no
 * message key left untranslated), and a tap sends exactly its intent and nothing else, without moving the screen
 * (the main process does that).
 */
const name = (text: string) => ({
  'zh-Hant': `${text}（繁）`,
  'zh-Hans': `${text}（简）`,
  pt: `${text} (pt)`,
  en: text,
});
const department = { code: 'DSI', name: name('Identification Services Bureau'), mainland: false };
const item = { serviceId: 'dsi-bir-replacement', name: name('Replacement'), department, bookable: true };
const centre = {
  centreId: 'china-plaza',
  name: name('China Plaza'),
  address: name('804 Praia Grande'),
  here: true,
};
const appointment: AppointmentView = {
  service: item,
  centre,
  start: '2026-12-09T12:45:00+08:00',
  end: '2026-12-09T13:00:00+08:00',
};
const booking: BookingView = { reference: 'SAMP-0002', status: 'booked', appointment };
const slot = {
  slotId: 'china-plaza/2026-12-09T12:45',
  start: appointment.start,
  end: appointment.end,
  free: 2,
};
const ticket = {
  queueNumber: 'D001',
  counterArea: name('DSI counters'),
  appointment,
  checkedInAt: appointment.start,
};

const everyStep: FlowView[] = [
  { service: 'book-appointment', step: 'site', home: 'macau' },
  {
    service: 'book-appointment',
    step: 'departments',
    site: 'macau',
    departments: [{ ...department, services: 40 }],
  },
  { service: 'book-appointment', step: 'search', site: 'macau', query: 'sfz', results: [item] },
  { service: 'book-appointment', step: 'search', site: 'macau', query: 'zzz', results: [] },
  {
    service: 'book-appointment',
    step: 'services',
    site: 'macau',
    department,
    services: [item, { ...item, serviceId: 'x-y', bookable: false }],
  },
  {
    service: 'book-appointment',
    step: 'service',
    details: { ...item, requirements: ['identity-document', 'fee'], feeAvos: 24000, appointmentMinutes: 1 },
  },
  {
    service: 'book-appointment',
    step: 'service',
    details: { ...item, bookable: false, requirements: [], feeAvos: 0, appointmentMinutes: 20 },
  },
  { service: 'book-appointment', step: 'centre', about: item, centres: [centre] },
  {
    service: 'book-appointment',
    step: 'date',
    about: item,
    centre,
    dates: [{ date: '2026-12-09', freeSlots: 1 }],
  },
  { service: 'book-appointment', step: 'date', about: item, centre, dates: [] },
  {
    service: 'book-appointment',
    step: 'slot',
    about: item,
    centre,
    date: '2026-12-09',
    slots: [slot],
    notice: { kind: 'slot-taken', nextFree: [slot] },
  },
  {
    service: 'book-appointment',
    step: 'confirm',
    appointment,
    resident: { method: 'document', maskedName: 'CHAN T** M**' },
  },
  { service: 'book-appointment', step: 'working', task: 'booking' },
  { service: 'book-appointment', step: 'booked', booking, slip: 'printing' },
  { service: 'book-appointment', step: 'already-booked', booking },
  { service: 'book-appointment', step: 'problem', problem: 'outcome-unknown' },
  { service: 'check-in', step: 'scan', purpose: 'check-in', notice: 'not-a-booking-code' },
  { service: 'check-in', step: 'reference', purpose: 'manage', notice: 'not-found' },
  { service: 'check-in', step: 'ticket', ticket, when: 'now', slip: 'printed' },
  { service: 'check-in', step: 'ticket', ticket, when: 'earlier', slip: 'not-printed' },
  {
    service: 'check-in',
    step: 'booking',
    booking,
    refusal: { reason: 'too-early', opensAt: '2026-12-09T12:15:00+08:00' },
    canChange: true,
  },
  { service: 'check-in', step: 'booking', booking, refusal: { reason: 'wrong-centre' }, canChange: true },
  {
    service: 'check-in',
    step: 'booking',
    booking: { ...booking, status: 'cancelled' },
    refusal: { reason: 'cancelled' },
    canChange: false,
  },
  {
    service: 'check-in',
    step: 'slot',
    about: item,
    centre,
    date: '2026-12-09',
    slots: [],
    notice: { kind: 'slot-in-past', nextFree: [] },
  },
  { service: 'check-in', step: 'confirm-reschedule', booking, to: { start: slot.start, end: slot.end } },
  { service: 'check-in', step: 'rescheduled', booking, slip: 'not-printed' },
  { service: 'check-in', step: 'confirm-cancel', booking },
  { service: 'check-in', step: 'cancelled', booking: { ...booking, status: 'cancelled' } },
  { service: 'check-in', step: 'problem', problem: 'unavailable' },
];

/** Every key of the flows' namespaces: one showing on screen is a message left untranslated. */
const keys = ['booking', 'book-appointment', 'check-in'].flatMap((ns) => {
  const walk = (tree: Record<string, unknown>, prefix: string): string[] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string'
        ? [`${prefix}${k}`.replace(/_(one|other)$/, '')]
        : walk(v as Record<string, unknown>, `${prefix}${k}.`),
    );
  return walk(JSON.parse(readFileSync(`locales/en/${ns}.json`, 'utf8')) as Record<string, unknown>, '');
});

function renderStep(
  flow: FlowView,
  client: ReturnType<typeof strictRpcClient>['client'],
  language: Language = 'en',
) {
  useSessionStore.getState().setView(activeSession({ sessionId: 's', language, flow }));
  const i18n = createI18n(language);
  const ui = (view: FlowView) => (
    <RpcContext.Provider value={client}>
      <I18nextProvider i18n={i18n}>
        <FlowHost flow={view} />
      </I18nextProvider>
    </RpcContext.Provider>
  );
  const rendered = render(ui(flow));
  return { rerender: (view: FlowView) => rendered.rerender(ui(view)) };
}

const click = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));

describe('booking screens', () => {
  beforeEach(() => cleanup());
  afterEach(() => cleanup());

  const results = ['booked', 'ticket', 'rescheduled', 'cancelled'];
  it.each(languages)(
    'draw every step in %s, with Back and Cancel (Finish on a result), and no key left untranslated',
    (language) => {
      for (const flow of everyStep) {
        cleanup();
        renderStep(flow, strictRpcClient({}).client, language);
        const main = screen.getByTestId(`${flow.service}-${flow.step}`);
        const text = main.textContent ?? '';
        for (const key of keys) expect(text, `${flow.service}/${flow.step}`).not.toContain(key);
        // A way out on every step: Cancel, or on a result its Finish (no "Cancel" beside a booking just made).
        if (results.includes(flow.step)) {
          expect(screen.queryByTestId('cancel'), flow.step).toBeNull();
          expect(screen.getByTestId('finish')).toBeTruthy();
        } else expect(screen.queryByTestId('cancel'), flow.step).toBeTruthy();
        // The step indicator names the steps of the flow.
        expect(main.querySelectorAll('.booking-stages li').length).toBeGreaterThan(2);
      }
    },
  );

  it('formats money, dates and times in the session locale, on Macau time', () => {
    renderStep(everyStep[5]!, strictRpcClient({}).client, 'pt');
    expect(screen.getByTestId('fee').textContent).toMatch(/240,00\s?MOP/);
    expect(screen.getByText(/Cerca de 1 minuto no balcão/)).toBeTruthy();
    cleanup();
    renderStep(
      {
        service: 'book-appointment',
        step: 'confirm',
        appointment,
        resident: { method: 'document', maskedName: 'CHAN T** M**' },
      },
      strictRpcClient({}).client,
      'zh-Hant',
    );
    expect(screen.getByTestId('card-when').textContent).toContain('2026年12月9日');
    expect(screen.getByTestId('card-when').textContent).toContain('12:45');
  });

  it('sends the booking flow’s intents, exactly, and stays on the step', async () => {
    const rpc = strictRpcClient({
      'book-appointment.chooseSite': { ok: true },
      'book-appointment.chooseDepartment': { ok: true },
      'book-appointment.openSearch': { ok: true },
      'book-appointment.chooseDate': { ok: true },
      'book-appointment.chooseSlot': { ok: true },
      'book-appointment.confirm': { ok: true },
      'book-appointment.back': { ok: true },
      'book-appointment.cancel': { ok: true },
    });
    const { rerender } = renderStep(everyStep[0]!, rpc.client);
    await click('site-hengqin');
    rerender(everyStep[1]!);
    await click('department-DSI');
    await click('open-search');
    rerender(everyStep[8]!);
    await click('date-2026-12-09');
    rerender(everyStep[10]!);
    await click(`next-${slot.slotId}`);
    await click('back');
    await click('cancel');
    rerender(everyStep[11]!);
    await click('confirm');
    expect(rpc.calls).toEqual([
      { method: 'book-appointment.chooseSite', params: { site: 'hengqin' } },
      { method: 'book-appointment.chooseDepartment', params: { code: 'DSI' } },
      { method: 'book-appointment.openSearch', params: {} },
      { method: 'book-appointment.chooseDate', params: { date: '2026-12-09' } },
      { method: 'book-appointment.chooseSlot', params: { slotId: slot.slotId } },
      { method: 'book-appointment.back', params: {} },
      { method: 'book-appointment.cancel', params: {} },
      { method: 'book-appointment.confirm', params: {} },
    ]);
    expect(screen.getByTestId('book-appointment-confirm')).toBeTruthy();
  });

  it('search: each keystroke sends the text and the pinyin being composed; its candidates come with the results', async () => {
    const rpc = strictRpcClient({ 'book-appointment.search': { ok: true } });
    const step = {
      service: 'book-appointment' as const,
      step: 'search' as const,
      site: 'macau' as const,
      query: '',
      results: [],
    };
    const { rerender } = renderStep(step, rpc.client, 'zh-Hant');
    await click('key-S');
    await click('key-F');
    expect(rpc.calls.map((c) => c.params)).toEqual([
      { text: '', composing: 's' },
      { text: '', composing: 'sf' },
    ]);
    // Nothing drawn before the answer: the pinyin shows with its results and candidates, in one frame.
    expect(screen.getByTestId('keyboard-composition').textContent).toBe('');
    rerender({ ...step, composing: 'sf', candidates: ['身份證', '身份'], results: [item] });
    expect(screen.getByTestId('keyboard-composition').textContent).toBe('sf');
    expect(screen.getByTestId('search-results').getAttribute('data-query')).toBe('sf');
    expect(screen.getByTestId('keyboard-candidate-1').textContent).toBe('身份');
    await click('keyboard-candidate-0');
    expect(rpc.calls.at(-1)).toEqual({ method: 'book-appointment.search', params: { text: '身份證' } });
    rerender({ ...step, query: '身份證', results: [item] });
    expect(screen.getByTestId('search-field').textContent).toBe('身份證');
    expect(screen.queryByTestId('keyboard-candidate-0')).toBeNull();
  });

  it('search: a keystroke whose answer is late is shown without it', async () => {
    const rpc = strictRpcClient({ 'book-appointment.search': { ok: true } });
    renderStep(
      { service: 'book-appointment', step: 'search', site: 'macau', query: '', results: [] },
      rpc.client,
      'pt',
    );
    await click('key-R');
    await click('key-E');
    // Before the answer, the field still shows what the last answer answered: nothing (its placeholder).
    expect(screen.getByTestId('search-field').querySelector('.search__placeholder')).not.toBeNull();
    await act(() => new Promise((done) => setTimeout(done, echoDeadlineMs + 20)));
    expect(screen.getByTestId('search-field').textContent).toBe('re');
  });

  it('check-in: typing the reference sends it once, on Find; the shared steps talk to the check-in flow', async () => {
    const rpc = strictRpcClient({
      'check-in.submitReference': { ok: true },
      'check-in.chooseSlot': { ok: true },
      'check-in.confirm': { ok: true },
      'check-in.reschedule': { ok: true },
      'check-in.back': { ok: true },
    });
    const { rerender } = renderStep(
      { service: 'check-in', step: 'reference', purpose: 'check-in', notice: null },
      rpc.client,
    );
    for (const key of ['S', 'A', 'M', 'P', '-', '0', '0', '0', '1']) await click(`key-${key}`);
    expect(screen.getByTestId('reference-field').textContent).toBe('SAMP-0001');
    expect(rpc.calls).toEqual([]);
    await click('key-enter');
    expect(rpc.calls).toEqual([{ method: 'check-in.submitReference', params: { reference: 'SAMP-0001' } }]);
    rerender(everyStep[20]!);
    await click('reschedule');
    rerender({ ...(everyStep[10] as object), service: 'check-in' } as FlowView);
    await click(`slot-${slot.slotId}`);
    rerender(everyStep[26]!);
    expect(screen.getByTestId('back').textContent).toBe('No, keep it');
    await click('back');
    await click('confirm');
    expect(rpc.calls.slice(1)).toEqual([
      { method: 'check-in.reschedule', params: {} },
      { method: 'check-in.chooseSlot', params: { slotId: slot.slotId } },
      { method: 'check-in.back', params: {} },
      { method: 'check-in.confirm', params: {} },
    ]);
  });

  it('a refused check-in says why in its own words; a cancelled booking offers no change', () => {
    renderStep(everyStep[20]!, strictRpcClient({}).client);
    expect(screen.getByTestId('refusal-too-early').textContent).toMatch(
      /Check-in opens on .*9 December 2026 at 12:15/,
    );
    expect(screen.getByTestId('reschedule')).toBeTruthy();
    cleanup();
    renderStep(everyStep[21]!, strictRpcClient({}).client);
    expect(screen.getByTestId('refusal-wrong-centre').textContent).toContain(
      'China Plaza (804 Praia Grande)',
    );
    cleanup();
    renderStep(everyStep[22]!, strictRpcClient({}).client);
    expect(screen.getByTestId('refusal-cancelled')).toBeTruthy();
    expect(screen.queryByTestId('reschedule')).toBeNull();
    expect(screen.queryByTestId('cancel-booking')).toBeNull();
  });
});
