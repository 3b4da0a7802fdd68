// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { type Language, languages } from '../../../electron/rpc/languages.js';
import { bookAppointmentViews, checkInViews } from '../../../test/support/booking_views.js';
import { activeSession } from '../../../test/support/session_views.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { unspeakablePrompts } from '../../../test/support/unspeakable_prompts.js';
import { currentAnnouncement, useAnnouncements } from '../../a11y/announcements.js';
import { FocusManager } from '../../a11y/focus_manager.js';
import { promptsOf } from '../../a11y/speakable.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { useSessionStore } from '../../stores/session_store.js';
import { FlowHost } from '../flow_host.js';

/**
 * Booking, checking in and managing a booking without sight (issue 14): what every step announces, that every word
 * it or its actions would speak exists in the four languages, and the tactile keypad on the steps through the same
 * focus manager the app runs (speech is followed by message key; nothing is heard in a unit test).
 */
let spoken: Prompt[][];
let manager: FocusManager;

function show(flow: FlowView, rpc = strictRpcClient({}), language: Language = 'en') {
  useSessionStore.getState().setView(activeSession({ sessionId: 's', language, flow }));
  render(
    <div className="kiosk">
      <RpcContext.Provider value={rpc.client}>
        <I18nextProvider i18n={createI18n(language)}>
          <FlowHost flow={flow} />
        </I18nextProvider>
      </RpcContext.Provider>
    </div>,
  );
  return rpc;
}

const announcement = () => currentAnnouncement(useAnnouncements.getState())?.prompts ?? [];
const announced = () => announcement().map((p) => p.key);
const actionPrompts = () => [...document.querySelectorAll('[data-action]')].flatMap((el) => promptsOf(el));
const press = (...keys: Parameters<FocusManager['press']>[0][]) =>
  act(async () => {
    for (const key of keys) manager.press(key);
  });
const focused = () => document.querySelector('[data-keypad-focus]')?.getAttribute('data-testid');

beforeEach(() => {
  spoken = [];
  manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
});
afterEach(() => cleanup());

describe('booking and check-in without sight', () => {
  it.each(['en', 'zh-Hant'] as const)(
    'every step announces itself and every action is speakable, in the four languages (%s screen)',
    (language) => {
      for (const view of [...bookAppointmentViews, ...checkInViews]) {
        cleanup();
        show(view, strictRpcClient({}), language);
        const label = `${view.service}/${view.step}`;
        expect(announcement().length, label).toBeGreaterThan(1);
        expect(unspeakablePrompts([...announcement(), ...actionPrompts()]), label).toEqual([]);
        // Every button of the step can be reached by the keypad. The on-screen keyboard's keys are not actions of
        // the step: the keyboard is one stop, and its keys are reached inside it as a grid (on_screen_keyboard.test).
        const unmarked = [...document.querySelectorAll('main button:not([data-action])')].filter(
          (b) => !b.closest('.keyboard'),
        );
        expect(
          unmarked.map((b) => b.getAttribute('data-testid')),
          label,
        ).toEqual([]);
        // No name, even masked, is ever said.
        expect(JSON.stringify([...announcement(), ...actionPrompts()]), label).not.toContain('WONG');
      }
    },
  );

  it('Help explains every step, in the four languages', () => {
    for (const language of languages) {
      const i18n = createI18n(language);
      for (const view of [
        ...bookAppointmentViews,
        ...checkInViews,
        { service: 'book-appointment', step: 'identify' },
      ]) {
        const key = `a11y:help.step.${view.service}.${view.step}`;
        expect(i18n.exists(key, { lng: language, fallbackLng: false }), `${language} ${key}`).toBe(true);
      }
    }
  });

  it('the steps say what they show, in the order a resident reads them', () => {
    const keysOf = (view: FlowView) => {
      cleanup();
      show(view);
      return announced();
    };
    const [site, , , , , , service] = bookAppointmentViews;
    expect(keysOf(site!)).toEqual(['book-appointment:site.title', 'booking.keys.choose']);
    expect(keysOf(service!)).toEqual([
      'booking.name',
      'booking.name',
      'book-appointment:service.bring',
      'booking:requirement.travel-document',
      'booking:requirement.photo',
      'book-appointment:service.fee',
      'booking.said',
      'book-appointment:service.minutes',
      'booking.keys.service',
    ]);
    const confirm = bookAppointmentViews.find((v) => v.step === 'confirm')!;
    expect(keysOf(confirm)).toEqual([
      'book-appointment:confirm.title',
      'booking.appointment',
      'book-appointment:confirm.by.document',
      'booking.keys.confirm',
    ]);
    const booked = bookAppointmentViews.find((v) => v.step === 'booked')!;
    expect(keysOf(booked)).toEqual([
      'book-appointment:booked.title',
      'booking.reference',
      'booking:paper.slip.printed',
      'booking.appointment',
      'booking.keys.finish',
    ]);
    const ticket = checkInViews.find((v) => v.step === 'ticket')!;
    expect(keysOf(ticket)).toEqual([
      'check-in:ticket.title.now',
      'booking.queueNumber',
      'check-in:ticket.goTo',
      'booking:paper.ticket.printing',
      'booking.keys.finish',
    ]);
    expect(announcement()[1]).toEqual({ key: 'booking.queueNumber', values: { number: 'L042' } });
    const tooLate = checkInViews.find((v) => v.step === 'booking' && v.refusal?.reason === 'too-late')!;
    expect(keysOf(tooLate)).toEqual([
      'check-in:refusal.title.too-late',
      'check-in:refusal.too-late',
      'booking.appointment',
      'booking.reference',
      'booking.keys.manage',
    ]);
    const slotTaken = bookAppointmentViews.find((v) => v.step === 'slot' && v.notice)!;
    expect(keysOf(slotTaken)).toEqual([
      'booking:slot.title',
      'booking:slot.lead',
      'booking:slot.notice.slot-taken',
      'booking:slot.nextFree',
      'booking:slot.none',
    ]);
  });

  it('a day: the arrows reach each day (said with its free times), Enter chooses it, Back goes back', async () => {
    const rpc = show(
      bookAppointmentViews.find((v) => v.step === 'date' && v.dates.length > 0)!,
      strictRpcClient({ 'book-appointment.chooseDate': { ok: true }, 'book-appointment.back': { ok: true } }),
    );
    await press('down');
    expect(focused()).toBe('date-2027-01-05');
    expect(spoken.at(-1)?.map((p) => p.key)).toEqual(['booking.said', 'booking:date.free']);
    // Then Back and Cancel, in the footer's order.
    await press('down');
    expect(focused()).toBe('back');
    await press('down');
    expect(focused()).toBe('cancel');
    await press('up', 'up', 'enter');
    expect(rpc.calls).toEqual([{ method: 'book-appointment.chooseDate', params: { date: '2027-01-05' } }]);
    await press('back');
    expect(rpc.calls.at(-1)?.method).toBe('book-appointment.back');
  });

  it('confirm: Enter books, the first arrow reaches Book before Back and Cancel', async () => {
    const rpc = show(
      bookAppointmentViews.find((v) => v.step === 'confirm')!,
      strictRpcClient({ 'book-appointment.confirm': { ok: true } }),
    );
    await press('down');
    expect(focused()).toBe('confirm');
    await press('enter');
    expect(rpc.calls.map((c) => c.method)).toEqual(['book-appointment.confirm']);
  });

  it('while a booking is being made there is no Back: the Back key leaves by Cancel', async () => {
    const rpc = show(
      { service: 'book-appointment', step: 'working', task: 'booking' },
      strictRpcClient({ 'book-appointment.cancel': { ok: true } }),
    );
    await press('back');
    expect(rpc.calls.map((c) => c.method)).toEqual(['book-appointment.cancel']);
  });

  it('cancelling a booking: Enter cancels it, Back keeps it — each said as its button says it', async () => {
    const rpc = show(
      checkInViews.find((v) => v.step === 'confirm-cancel')!,
      strictRpcClient({ 'check-in.back': { ok: true }, 'check-in.confirm': { ok: true } }),
    );
    await press('down', 'down');
    expect(focused()).toBe('back');
    expect(spoken.at(-1)).toEqual([{ key: 'check-in:cancelBooking.keep' }]);
    await press('back');
    expect(rpc.calls.map((c) => c.method)).toEqual(['check-in.back']);
    await press('up', 'enter');
    expect(rpc.calls.map((c) => c.method)).toEqual(['check-in.back', 'check-in.confirm']);
  });

  it('a booking found: reschedule and cancel come first, Enter with nothing focused finishes', async () => {
    const rpc = show(
      checkInViews.find((v) => v.step === 'booking' && v.canChange && !v.refusal)!,
      strictRpcClient({ 'check-in.finish': { ok: true } }),
    );
    await press('down');
    expect(focused()).toBe('reschedule');
    await press('down');
    expect(focused()).toBe('cancel-booking');
    manager.release();
    await press('enter');
    expect(rpc.calls.map((c) => c.method)).toEqual(['check-in.finish']);
  });
});
