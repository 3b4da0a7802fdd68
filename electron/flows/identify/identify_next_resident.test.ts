import { afterEach, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';

/**
 * The next resident's document is read as well as the first one's: the reader must not answer it with the removal
 * of the document before it (which it did, refusing every second passport as "moved during the read").
 */
let kiosk: KioskAppFixture;
afterEach(() => kiosk.close());

it('reads a second resident’s passport after the first one took theirs away', async () => {
  kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      services: ['proof-of-identity'],
      devices: [
        { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
        { id: 'a4', kind: 'document-printer', transport: 'simulated' },
        { id: 'reader', kind: 'document-reader', transport: 'simulated' },
      ],
      documents: { trustSimulatorCsca: true },
    },
    { clockStart: Date.now(), backend: 'embedded' },
  );
  const stage = () => {
    const view = kiosk.app.session.view();
    if (view.phase !== 'active') return null;
    return view.flow.service === 'proof-of-identity' && view.flow.step === 'identify'
      ? view.flow.identify.stage
      : view.flow.step;
  };
  for (const resident of [1, 2]) {
    await kiosk.call('session.start', { language: 'pt' });
    await kiosk.call('home.chooseLanguage', { language: 'pt' });
    await kiosk.call('home.openService', { service: 'proof-of-identity' });
    await kiosk.call('home.startService');
    await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: 'passport-macao' });
    await expect.poll(stage, { timeout: 10_000 }).toMatch(/confirm|refused/);
    expect(stage(), `resident ${resident}`).toBe('confirm');
    await kiosk.call('identify.confirm');
    // Taken back while the chip is still powered.
    await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: null });
    expect(stage(), `resident ${resident}`).toBe('pin');
    kiosk.app.session.end('done');
  }
});
