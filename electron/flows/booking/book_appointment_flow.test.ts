import { afterEach, describe, expect, it } from 'vitest';
import {
  type BookingKiosk,
  chinaPlazaTerminal,
  startBookingKiosk,
} from '../../../test/support/booking_kiosk.js';
import { eventually } from '../../../test/support/eventually.js';
import { fillSlot } from '../../../test/support/fill_slot.js';
import { embeddedBackendAt } from '../../../test/support/kiosk_app_fixture.js';
import { type SwitchableBackend, switchableBackend } from '../../../test/support/switchable_backend.js';
import type { LocalisedText } from '../../rpc/localised_text_schema.js';

/**
 * Booking an appointment through the router, on the embedded backend's real catalogue, identifying the resident
 * with the shared identify step: a Macao One Account code on the scanner, or a sample passport on the reader.
 */

describe('book-appointment flow', () => {
  let kiosk: BookingKiosk;
  afterEach(() => kiosk.close());

  /** On the identify step: R-0001's Macao One Account code under the scanner; the flow moves on to confirm. */
  async function identify(code = 'moa1:sample:R-0001') {
    expect(await kiosk.stepIs('identify')).toMatchObject({ identify: { stage: 'place' } });
    await kiosk.scan(code);
    return kiosk.stepIs('confirm', 10_000);
  }

  /** site → DSI → a service → China Plaza → the first free day → its first time: the slot step's view. */
  async function toSlot(serviceId: string, language = 'en') {
    await kiosk.enter('book-appointment', language);
    expect(kiosk.flow()).toEqual({ service: 'book-appointment', step: 'site', home: 'macau' });
    expect(await kiosk.call('book-appointment.chooseSite', { site: 'macau' })).toEqual({ ok: true });
    const departments = await kiosk.stepIs('departments');
    expect(departments.departments.length).toBe(36);
    expect(await kiosk.call('book-appointment.chooseDepartment', { code: 'DSI' })).toEqual({ ok: true });
    expect(await kiosk.call('book-appointment.chooseService', { serviceId })).toEqual({ ok: true });
    expect(await kiosk.call('book-appointment.startBooking')).toEqual({ ok: true });
    expect(await kiosk.call('book-appointment.chooseCentre', { centreId: 'china-plaza' })).toEqual({
      ok: true,
    });
    const dates = await kiosk.stepIs('date');
    expect(await kiosk.call('book-appointment.chooseDate', { date: dates.dates[0]!.date })).toEqual({
      ok: true,
    });
    return kiosk.stepIs('slot');
  }

  it('books: department, service, centre, date, time, identified, confirmed; the slip prints with its QR', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('book-appointment');
    await kiosk.call('book-appointment.chooseSite', { site: 'macau' });
    await kiosk.call('book-appointment.chooseDepartment', { code: 'DSI' });
    const services = await kiosk.stepIs('services');
    expect(services.department).toMatchObject({
      code: 'DSI',
      name: { pt: expect.stringContaining('Identifica') },
    });
    expect(services.services[0]).toMatchObject({ bookable: true });
    expect(services.services.at(-1)).toMatchObject({ bookable: false });
    await kiosk.call('book-appointment.chooseService', { serviceId: 'dsi-bir-replacement' });
    expect(kiosk.flow()).toMatchObject({
      step: 'service',
      details: {
        serviceId: 'dsi-bir-replacement',
        feeAvos: 24000,
        requirements: ['identity-document', 'application-form', 'fee'],
      },
    });
    await kiosk.call('book-appointment.startBooking');
    const centres = await kiosk.stepIs('centre');
    // Only centres with counters (self-service-only centres have no appointments), this kiosk's own first.
    expect(centres.centres.map((c) => c.centreId)).toEqual(['china-plaza', 'areia-preta', 'islands']);
    expect(centres.centres[0]!.here).toBe(true);
    await kiosk.call('book-appointment.chooseCentre', { centreId: 'china-plaza' });
    const dates = await kiosk.stepIs('date');
    // Weekdays only, none in the past.
    expect(dates.dates.every((d) => ![0, 6].includes(new Date(`${d.date}T12:00:00Z`).getUTCDay()))).toBe(
      true,
    );
    expect(dates.dates[0]!.date >= new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(
      true,
    );
    await kiosk.call('book-appointment.chooseDate', { date: dates.dates[1]!.date });
    const slots = await kiosk.stepIs('slot');
    const slot = slots.slots[2]!;
    // Nobody is identified yet: the identify step comes first; the passport on the reader is read and confirmed.
    expect(await kiosk.call('book-appointment.chooseSlot', { slotId: slot.slotId })).toEqual({ ok: true });
    expect(await kiosk.stepIs('identify')).toMatchObject({
      identify: { stage: 'place', purpose: 'book-appointment' },
    });
    await kiosk.place('passport-macao');
    await eventually(
      () => (kiosk.flow() as { identify?: { stage: string } }).identify?.stage === 'confirm',
      15_000,
    );
    expect(kiosk.flow()).toMatchObject({ identify: { name: 'CHAN T** M**' } });
    expect(await kiosk.call('identify.confirm')).toEqual({ ok: true });
    expect(await kiosk.stepIs('confirm')).toMatchObject({
      appointment: {
        service: { serviceId: 'dsi-bir-replacement' },
        centre: { centreId: 'china-plaza' },
        start: slot.start,
      },
      resident: { method: 'document', maskedName: 'CHAN T** M**' },
    });
    expect(await kiosk.call('book-appointment.confirm')).toEqual({ ok: true });
    const booked = await kiosk.stepIs('booked');
    expect(booked.booking).toMatchObject({
      status: 'booked',
      reference: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 8_000);
    const made = await kiosk.backend!.findBooking({ booking: { reference: booked.booking.reference } });
    expect(made.ok && made.value).toMatchObject({ serviceId: 'dsi-bir-replacement', slotId: slot.slotId });
    expect(kiosk.app.journal.transactions.get(1)).toMatchObject({ kind: 'booking', state: 'confirmed' });
    expect(kiosk.app.journal.transactions.events(1).map((e) => e.to)).toEqual([
      'started',
      'identified',
      'identified',
      'reserved',
      'printed',
      'confirmed',
    ]);
    expect(await kiosk.call('book-appointment.back')).toEqual({ ok: false, error: 'other-step' });
    expect(await kiosk.call('book-appointment.finish')).toEqual({ ok: true });
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
  });

  it('Back returns step by step the way the resident came, and leaves from the first step', async () => {
    kiosk = await startBookingKiosk();
    await toSlot('dsi-bir-replacement');
    const order = ['date', 'centre', 'service', 'services', 'departments', 'site'];
    for (const step of order) {
      expect(await kiosk.call('book-appointment.back')).toEqual({ ok: true });
      expect(kiosk.flow()?.step).toBe(step);
    }
    expect(await kiosk.call('book-appointment.back')).toEqual({ ok: true });
    expect(kiosk.flow()).toEqual({ service: 'home', step: 'services' });
  });

  it('searches as the resident types, in each language, and the keyboard gets its candidates', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('book-appointment', 'zh-Hant');
    await kiosk.call('book-appointment.chooseSite', { site: 'macau' });
    expect(await kiosk.call('book-appointment.openSearch')).toEqual({ ok: true });
    const names = () =>
      ((kiosk.flow() as { results?: { name: LocalisedText }[] }).results ?? []).map((r) => r.name);
    await kiosk.call('book-appointment.search', { text: '身份證' });
    expect(names()[0]!['zh-Hant']).toContain('身份證');
    await kiosk.call('book-appointment.search', { text: 'sfz' });
    expect(names().some((n) => n['zh-Hant'].includes('身份證'))).toBe(true);
    // Portuguese typed without accents.
    await kiosk.call('book-appointment.search', { text: 'certidao de nascimento' });
    expect(names()[0]!.pt).toBe('Certidão de nascimento');
    await kiosk.call('book-appointment.search', { text: 'renovacao do bilhete' });
    expect(names()[0]!.pt).toMatch(/^Renovação do Bilhete/);
    await kiosk.call('book-appointment.search', { text: 'renewal identity' });
    expect(names()[0]!.en).toMatch(/renewal/i);
    // Pinyin being composed is searched with the text, and its candidates come with the results.
    await kiosk.call('book-appointment.search', { text: '', composing: 'shenfenzheng' });
    expect(kiosk.flow()).toMatchObject({
      query: '',
      composing: 'shenfenzheng',
      candidates: expect.arrayContaining(['身份證']),
    });
    expect(names().some((n) => n['zh-Hant'].includes('身份證'))).toBe(true);
    await kiosk.call('book-appointment.search', { text: '身份證', composing: 'xuq' });
    expect(kiosk.flow()).toMatchObject({ query: '身份證', composing: 'xuq' });
    expect(names()[0]!['zh-Hant']).toContain('身份證');
    // In the session's script: Simplified words for a Simplified Chinese session.
    await kiosk.call('session.setLanguage', { language: 'zh-Hans' });
    await kiosk.call('book-appointment.search', { text: '', composing: 'sfz' });
    expect(kiosk.flow()).toMatchObject({ candidates: expect.arrayContaining(['身份证']) });
    // A word chosen: nothing composed, no candidates left in the step.
    await kiosk.call('book-appointment.search', { text: '身份证' });
    expect(kiosk.flow()).not.toHaveProperty('composing');
    expect(kiosk.flow()).not.toHaveProperty('candidates');
    // Only pinyin letters are composed: anything else is refused at the door.
    expect(await kiosk.call('book-appointment.search', { text: '', composing: 'SFZ' })).toMatchObject({
      ok: false,
    });
    expect(
      await kiosk.call('book-appointment.search', { text: '', composing: 'a'.repeat(25) }),
    ).toMatchObject({
      ok: false,
    });
    // The result is chosen from the list shown; Back returns to the search with what was typed.
    await kiosk.call('book-appointment.search', { text: 'sfz' });
    const first = (kiosk.flow() as { results: { serviceId: string }[] }).results[0]!;
    expect(await kiosk.call('book-appointment.chooseService', { serviceId: 'dsi-not-listed-here' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(await kiosk.call('book-appointment.chooseService', { serviceId: first.serviceId })).toEqual({
      ok: true,
    });
    await kiosk.call('book-appointment.back');
    expect(kiosk.flow()).toMatchObject({ step: 'search', query: 'sfz' });
  });

  it('a Hengqin terminal starts at Hengqin, with the Mainland authorities', async () => {
    kiosk = await startBookingKiosk({
      site: {
        kind: 'hengqin',
        centreId: 'hengqin-gsc',
        name: { 'zh-Hant': '橫琴', 'zh-Hans': '横琴', pt: 'Hengqin', en: 'Hengqin' },
      },
    });
    await kiosk.enter('book-appointment', 'zh-Hans');
    expect(kiosk.flow()).toMatchObject({ step: 'site', home: 'hengqin' });
    await kiosk.call('book-appointment.chooseSite', { site: 'hengqin' });
    const departments = await kiosk.stepIs('departments');
    expect(departments.departments.length).toBeGreaterThan(0);
    expect(departments.departments.every((d) => d.mainland)).toBe(true);
  });

  it('a resident who holds a booking for the service is shown it instead of a second one', async () => {
    kiosk = await startBookingKiosk();
    const slots = await toSlot('dsi-bir-renewal');
    await kiosk.call('book-appointment.chooseSlot', { slotId: slots.slots[0]!.slotId });
    await identify();
    await kiosk.call('book-appointment.confirm');
    expect(await kiosk.stepIs('already-booked')).toMatchObject({ booking: { reference: 'SAMP-0001' } });
    expect(kiosk.app.journal.transactions.get(1)).toMatchObject({
      state: 'voided',
      reason: 'rejected already-booked',
    });
  });

  it('a time taken while choosing: back to the times, without it, with the next free ones', async () => {
    kiosk = await startBookingKiosk();
    const slots = await toSlot('dsi-bir-replacement');
    const wanted = slots.slots[0]!;
    await kiosk.call('book-appointment.chooseSlot', { slotId: wanted.slotId });
    await identify();
    await fillSlot(kiosk.backend!, wanted.slotId);
    await kiosk.call('book-appointment.confirm');
    const again = await kiosk.stepIs('slot');
    expect(again.notice).toMatchObject({ kind: 'slot-taken' });
    expect(again.slots.map((s) => s.slotId)).not.toContain(wanted.slotId);
    await kiosk.call('book-appointment.chooseSlot', { slotId: again.notice!.nextFree[0]!.slotId });
    // Already identified: straight to confirm, and Back from it leads to the times, not to identify.
    expect(kiosk.flow()).toMatchObject({ step: 'confirm' });
    await kiosk.call('book-appointment.back');
    expect(kiosk.flow()).toMatchObject({ step: 'slot' });
    await kiosk.call('book-appointment.chooseSlot', { slotId: again.notice!.nextFree[0]!.slotId });
    await kiosk.call('book-appointment.confirm');
    await kiosk.stepIs('booked');
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 8_000);
  });

  describe('with the backend failing', () => {
    let backend: SwitchableBackend;
    const start = () =>
      startBookingKiosk(
        {},
        {
          backend: (clock) => {
            backend = switchableBackend(embeddedBackendAt(clock, chinaPlazaTerminal));
            return backend;
          },
        },
      );

    it('down at confirm: the resident is told; nothing was booked; Try again books once it is back', async () => {
      kiosk = await start();
      const slots = await toSlot('dsi-bir-replacement', 'pt');
      await kiosk.call('book-appointment.chooseSlot', { slotId: slots.slots[0]!.slotId });
      await identify();
      backend.setMode('down');
      await kiosk.call('book-appointment.confirm');
      expect(await kiosk.stepIs('problem')).toMatchObject({ problem: 'unavailable' });
      expect(backend.calls.get('createBooking')).toBeUndefined();
      backend.setMode('up');
      expect(await kiosk.call('book-appointment.retry')).toEqual({ ok: true });
      await kiosk.stepIs('booked');
      await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 8_000);
      expect(backend.calls.get('createBooking')).toBe(1);
    });

    it('no answer at confirm, and the resident leaves: the booking is asked about again and not left standing', async () => {
      kiosk = await start();
      const slots = await toSlot('dsi-bir-replacement');
      await kiosk.call('book-appointment.chooseSlot', { slotId: slots.slots[0]!.slotId });
      await identify();
      backend.setMode('replies-lost', ['createBooking']);
      await kiosk.call('book-appointment.confirm');
      expect(await kiosk.stepIs('problem')).toMatchObject({ problem: 'outcome-unknown' });
      backend.setMode('up');
      expect(await kiosk.call('book-appointment.cancel')).toEqual({ ok: true });
      await eventually(() => kiosk.app.journal.transactions.get(1)?.state === 'voided');
      const mine = await kiosk.backend!.residentBookings({ residentRef: 'R-0001' });
      const made = mine.ok ? mine.value.bookings.filter((b) => b.serviceId === 'dsi-bir-replacement') : [];
      expect(made.map((b) => b.status)).toEqual(['cancelled']);
    });

    it('a timeout mid-flow wipes it in the main process; the next resident starts afresh', async () => {
      kiosk = await start();
      const slots = await toSlot('dsi-bir-replacement');
      await kiosk.call('book-appointment.chooseSlot', { slotId: slots.slots[0]!.slotId });
      await identify();
      expect(kiosk.flow()).toMatchObject({ step: 'confirm' });
      kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000 + 1000);
      expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
      expect(await kiosk.call('book-appointment.confirm')).toEqual({ ok: false, error: 'no-session' });
      expect(kiosk.app.journal.transactions.get(1)).toBeUndefined();
      await kiosk.enter('book-appointment');
      expect(kiosk.flow()).toEqual({ service: 'book-appointment', step: 'site', home: 'macau' });
      // The new resident is nobody yet: a time chosen asks for identification again.
      expect(backend.calls.get('createBooking')).toBeUndefined();
    });
  });
});
