import { describe, expect, it, vi } from 'vitest';
import { maintenanceFlowMethods } from './flows/maintenance_contract.js';
import { createRouter, type Handlers, type MethodHandlers } from './router.js';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const attract = { phase: 'attract' } as const;
  const accepted = { ok: true } as const;
  return {
    'kiosk.snapshot': () => {
      throw new Error('not used');
    },
    'session.start': () => attract,
    'session.setLanguage': () => attract,
    'session.setAccessibility': () => attract,
    'session.touch': () => attract,
    'session.extend': () => attract,
    'session.end': () => attract,
    'home.chooseLanguage': () => accepted,
    'home.openService': () => accepted,
    'home.backToServices': () => accepted,
    'home.startService': () => accepted,
    'book-appointment.chooseSite': () => accepted,
    'book-appointment.chooseDepartment': () => accepted,
    'book-appointment.openSearch': () => accepted,
    'book-appointment.search': () => accepted,
    'book-appointment.chooseService': () => accepted,
    'book-appointment.startBooking': () => accepted,
    'book-appointment.chooseCentre': () => accepted,
    'book-appointment.chooseDate': () => accepted,
    'book-appointment.chooseSlot': () => accepted,
    'book-appointment.confirm': () => accepted,
    'book-appointment.retry': () => accepted,
    'book-appointment.back': () => accepted,
    'book-appointment.cancel': () => accepted,
    'book-appointment.finish': () => accepted,
    'check-in.typeReference': () => accepted,
    'check-in.submitReference': () => accepted,
    'check-in.manage': () => accepted,
    'check-in.reschedule': () => accepted,
    'check-in.chooseDate': () => accepted,
    'check-in.chooseSlot': () => accepted,
    'check-in.cancelBooking': () => accepted,
    'check-in.confirm': () => accepted,
    'check-in.retry': () => accepted,
    'check-in.back': () => accepted,
    'check-in.cancel': () => accepted,
    'check-in.finish': () => accepted,
    'identify.confirm': () => accepted,
    'identify.notMe': () => accepted,
    'identify.submitPin': () => accepted,
    'identify.submitMrz': () => accepted,
    'identify.retry': () => accepted,
    'identify.back': () => accepted,
    'identify.cancel': () => accepted,
    'collect-document.choose': () => accepted,
    'collect-document.another': () => accepted,
    'collect-document.finish': () => accepted,
    'collect-document.back': () => accepted,
    'collect-document.cancel': () => accepted,
    'locker-pickup.typeDigits': () => accepted,
    'locker-pickup.submitDigits': () => accepted,
    'locker-pickup.tryAgain': () => accepted,
    'locker-pickup.back': () => accepted,
    'locker-pickup.cancel': () => accepted,
    'locker-pickup.finish': () => accepted,
    'locker-pickup.printReceipt': () => accepted,
    'locker-apply.chooseService': () => accepted,
    'locker-apply.choosePoint': () => accepted,
    'locker-apply.apply': () => accepted,
    'locker-apply.tryAgain': () => accepted,
    'locker-apply.back': () => accepted,
    'locker-apply.cancel': () => accepted,
    'locker-apply.finish': () => accepted,
    'publications.browseBy': () => accepted,
    'publications.openGroup': () => accepted,
    'publications.openSearch': () => accepted,
    'publications.search': () => accepted,
    'publications.open': () => accepted,
    'publications.setQuantity': () => accepted,
    'publications.showBasket': () => accepted,
    'publications.checkout': () => accepted,
    'publications.retry': () => accepted,
    'publications.back': () => accepted,
    'publications.cancel': () => accepted,
    'publications.finish': () => accepted,
    'proof-of-identity.choose': () => accepted,
    'proof-of-identity.print': () => accepted,
    'proof-of-identity.finish': () => accepted,
    'proof-of-identity.back': () => accepted,
    'proof-of-identity.cancel': () => accepted,
    'check-proof.typeCode': () => accepted,
    'check-proof.submitCode': () => accepted,
    'check-proof.again': () => accepted,
    'check-proof.retry': () => accepted,
    'check-proof.back': () => accepted,
    'check-proof.cancel': () => accepted,
    'check-proof.finish': () => accepted,
    'dev.setMaintenance': () => ({ mode: 'in-service' }),
    'dev.simulators': () => [],
    'dev.simulate': () => ({ ok: true }),
    'dev.printSample': () => ({ ok: true, jobId: 1 }),
    'staff-sign-in.open': () => accepted,
    'staff-sign-in.enterPin': () => accepted,
    'staff-sign-in.back': () => accepted,
    'staff-sign-in.cancel': () => accepted,
    ...(Object.fromEntries(
      Object.keys(maintenanceFlowMethods).map((method) => [method, () => accepted]),
    ) as unknown as MethodHandlers<typeof maintenanceFlowMethods>),
    'speech.say': () => ({ ok: true, value: { queued: 1 } }),
    'help.callStaff': () => ({ ok: true }),
    'dev.spokenPrompts': () => [],
    'dev.clearSpokenPrompts': () => ({ cleared: 0 }),
    ...overrides,
  };
}

describe('RPC router', () => {
  it('calls the handler with validated params and returns its result', async () => {
    const start = vi.fn(() => ({ phase: 'attract' as const }));
    const router = createRouter(handlers({ 'session.start': start }), { allowDevMethods: false });
    await expect(router.call('session.start', { language: 'pt' })).resolves.toEqual({
      ok: true,
      value: { phase: 'attract' },
    });
    expect(start).toHaveBeenCalledWith({ language: 'pt' });
  });

  it('refuses unknown methods, including prototype names', async () => {
    const router = createRouter(handlers(), { allowDevMethods: true });
    for (const method of ['nope', '__proto__', 'constructor', 'toString']) {
      const result = await router.call(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('refuses malformed params and extra fields before any handler runs', async () => {
    const start = vi.fn();
    const router = createRouter(handlers({ 'session.start': start }), { allowDevMethods: false });
    for (const params of [{ language: 'fr' }, { language: 'pt', extra: 1 }, 'pt', 42, []]) {
      expect(await router.call('session.start', params)).toMatchObject({
        ok: false,
        error: { code: 'invalid-params' },
      });
    }
    expect(start).not.toHaveBeenCalled();
  });

  it('refuses a flow intent for a service that does not exist, and a setting that is not a switch', async () => {
    const open = vi.fn(() => ({ ok: true }) as const);
    const router = createRouter(handlers({ 'home.openService': open }), { allowDevMethods: false });
    for (const params of [{ service: 'withdraw-cash' }, { service: 'check-in', step: 'done' }, {}]) {
      expect(await router.call('home.openService', params)).toMatchObject({
        error: { code: 'invalid-params' },
      });
    }
    for (const params of [{ largeText: 'yes' }, { fontSize: 40 }]) {
      expect(await router.call('session.setAccessibility', params)).toMatchObject({
        error: { code: 'invalid-params' },
      });
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('refuses dev dock methods unless development tools are allowed', async () => {
    const production = createRouter(handlers(), { allowDevMethods: false });
    expect(await production.call('dev.setMaintenance', { on: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const development = createRouter(handlers(), { allowDevMethods: true });
    expect(await development.call('dev.setMaintenance', { on: true })).toMatchObject({ ok: true });
  });

  it('refuses staff methods unless the kiosk is in maintenance (staff sign-in is the way in)', async () => {
    let maintenance = false;
    const router = createRouter(handlers(), { allowDevMethods: false, inMaintenance: () => maintenance });
    for (const method of Object.keys(maintenanceFlowMethods))
      expect(await router.call(method, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await router.call('staff-sign-in.open', {})).toEqual({ ok: true, value: { ok: true } });
    maintenance = true;
    expect(await router.call('maintenance.refresh', {})).toEqual({ ok: true, value: { ok: true } });
    // A PIN that is not six digits never reaches the flow.
    expect(await router.call('staff-sign-in.enterPin', { pin: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-params' },
    });
  });

  it('answers a throwing handler with `internal` and reports the error to the log only', async () => {
    const onInternalError = vi.fn();
    const router = createRouter(
      handlers({
        'session.touch': () => {
          throw new Error('secret detail');
        },
      }),
      { allowDevMethods: false, onInternalError },
    );
    const result = await router.call('session.touch', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'session.touch failed' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('never lets a result outside the contract reach the renderer', async () => {
    const router = createRouter(
      handlers({ 'session.touch': () => ({ phase: 'active', sessionId: 'x' }) as never }),
      { allowDevMethods: false },
    );
    expect(await router.call('session.touch', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
