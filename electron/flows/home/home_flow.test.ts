import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';

/** The home flow through the router, as the renderer drives it: the main process decides every step. */
describe('home flow', () => {
  let kiosk: KioskAppFixture;
  const flowOf = async () =>
    ((await kiosk.call('kiosk.snapshot')) as { session: { flow?: unknown } }).session.flow;

  beforeEach(async () => {
    kiosk = await startKioskAppFixture();
  });
  afterEach(() => kiosk.close());

  it('goes language → services → a service’s intro → back, and a snapshot (a reload) redraws each step', async () => {
    expect(await kiosk.call('session.start', { language: 'zh-Hant' })).toMatchObject({
      phase: 'active',
      flow: { service: 'home', step: 'language' },
    });
    expect(await kiosk.call('home.chooseLanguage', { language: 'pt' })).toEqual({ ok: true });
    expect(await flowOf()).toEqual({ service: 'home', step: 'services' });
    expect(kiosk.app.session.view()).toMatchObject({ language: 'pt' });

    expect(await kiosk.call('home.openService', { service: 'check-in' })).toEqual({ ok: true });
    expect(await flowOf()).toEqual({ service: 'home', step: 'service-intro', about: 'check-in' });
    expect(kiosk.events.at(-1)).toMatchObject({
      event: 'session.changed',
      payload: { flow: { step: 'service-intro', about: 'check-in' } },
    });

    expect(await kiosk.call('home.backToServices')).toEqual({ ok: true });
    expect(await flowOf()).toEqual({ service: 'home', step: 'services' });
  });

  it('ignores a stale tap: an intent of a step that is no longer showing changes nothing and pushes nothing', async () => {
    await kiosk.call('session.start', { language: 'en' });
    await kiosk.call('home.chooseLanguage', { language: 'en' });
    const pushed = kiosk.events.length;
    expect(await kiosk.call('home.chooseLanguage', { language: 'pt' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    expect(await kiosk.call('home.backToServices')).toEqual({ ok: false, error: 'other-step' });
    expect(kiosk.events.length).toBe(pushed);
    expect(kiosk.app.session.view()).toMatchObject({ language: 'en', flow: { step: 'services' } });
  });

  it('opens only a service this terminal offers and can serve right now', async () => {
    await kiosk.call('session.start', { language: 'en' });
    await kiosk.call('home.chooseLanguage', { language: 'en' });
    // Not offered here; and offered, but no document reader is configured.
    expect(await kiosk.call('home.openService', { service: 'locker-pickup' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(await kiosk.call('home.openService', { service: 'proof-of-identity' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    // A tile that goes out with its printer cannot be opened until the paper is back.
    await kiosk.devices.simulate({ action: 'paper', deviceId: 'ticket', paper: 'out' });
    await expect
      .poll(() => kiosk.app.kioskStatus.services.find((s) => s.id === 'check-in')?.available, {
        timeout: 5000,
      })
      .toBe(false);
    expect(await kiosk.call('home.openService', { service: 'check-in' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(await flowOf()).toEqual({ service: 'home', step: 'services' });
  });

  it('refuses intents without a session, and a new session starts again on the language step', async () => {
    expect(await kiosk.call('home.openService', { service: 'check-in' })).toEqual({
      ok: false,
      error: 'no-session',
    });
    await kiosk.call('session.start', { language: 'en' });
    await kiosk.call('home.chooseLanguage', { language: 'en' });
    await kiosk.call('home.openService', { service: 'check-in' });
    kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000);
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
    expect(await kiosk.call('home.backToServices')).toEqual({ ok: false, error: 'no-session' });
    expect(await kiosk.call('session.start', { language: 'pt' })).toMatchObject({
      flow: { service: 'home', step: 'language' },
      accessibility: { highContrast: false, largeText: false },
    });
  });
});
