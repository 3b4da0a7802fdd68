import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import type { HomeFlowView } from '../../rpc/flows/home_contract.js';
import type { FlowContext, FlowDefinition, FlowServices, RunningFlow } from '../flow.js';
import type { FlowDefinitions } from '../flow_registry.js';
import { FlowRunner } from '../flow_runner.js';
import { Identification } from './identification.js';
import type { IdentifyHost } from './identify_host.js';
import type { IdentifiedResident } from './identify_types.js';

/**
 * The shared `identify.*` intents reach whichever running flow hosts an identification. A tiny host stands in for
 * a real one (it runs under the home flow's id, the only id the registry's type lets a test replace): it shows its
 * identification until the resident is identified, then nothing.
 */
class TinyHost implements RunningFlow<'home'>, IdentifyHost {
  readonly id = 'home';
  identification: Identification | null;
  identified: IdentifiedResident | null = null;

  constructor(context: FlowContext, services: FlowServices) {
    this.identification = new Identification(
      services,
      context,
      { purpose: 'collect-document', methods: ['macao-one-account'], pin: false },
      {
        onIdentified: (resident) => {
          this.identified = resident;
          this.identification?.dispose();
          this.identification = null;
          context.stepChanged();
        },
        onLeave: () => context.switchTo('home'),
      },
    );
  }

  currentIdentification(): Identification | null {
    return this.identification;
  }

  view(): HomeFlowView {
    return { service: 'home', step: 'services' };
  }

  dispose(): void {
    this.identification?.dispose();
  }
}

describe('identify intents through the flow runner and the router', () => {
  let kiosk: KioskAppFixture;
  beforeEach(async () => {
    kiosk = await startKioskAppFixture({}, { backend: 'embedded' });
  });
  afterEach(() => kiosk.close());

  it('go to the identification the running flow shows, and are stale taps once it shows none', async () => {
    let host: TinyHost | undefined;
    const definition: FlowDefinition<'home', TinyHost> = {
      id: 'home',
      start: (context, services) => {
        host = new TinyHost(context, services);
        return host;
      },
    };
    // The registry's type ties `home` to HomeFlow; the runner only uses what RunningFlow declares.
    const runner = new FlowRunner(kiosk.app.flowServices, { home: definition } as unknown as FlowDefinitions);
    expect(await runner.dispatchIdentify((i) => i.confirm())).toEqual({ ok: false, error: 'no-session' });
    runner.startSession('en');
    expect(host?.identification?.view().stage).toBe('place');
    expect(await runner.dispatchIdentify((i) => i.confirm())).toEqual({ ok: false, error: 'other-step' });
    await kiosk.devices.simulate({
      action: 'scan',
      deviceId: 'scanner',
      text: 'moa1:sample:R-0001',
      symbology: 'qr',
    });
    await expect.poll(() => host?.identified?.residentRef).toBe('R-0001');
    expect(await runner.dispatchIdentify((i) => i.back())).toEqual({ ok: false, error: 'other-step' });
  });

  it('the router refuses malformed and hostile params before any flow sees them', async () => {
    await kiosk.call('session.start', { language: 'en' });
    const refused = { ok: false, error: { code: 'invalid-params' } };
    for (const params of [
      { pin: '12345' },
      { pin: '1234567' },
      { pin: 'abcdef' },
      { pin: 123456 },
      { pin: '123456', extra: 1 },
      { pin: '12345６' },
    ])
      expect(await kiosk.call('identify.submitPin', params)).toMatchObject(refused);
    for (const params of [
      { documentNumber: 'mb2345678', birthDate: '1990-03-15', expiryDate: '2033-05-20' },
      { documentNumber: 'MB2345678', birthDate: '15/03/1990', expiryDate: '2033-05-20' },
      { documentNumber: 'A'.repeat(23), birthDate: '1990-03-15', expiryDate: '2033-05-20' },
      { documentNumber: 'MB2345678<', birthDate: '1990-03-15', expiryDate: '2033-05-20' },
      { documentNumber: 'MB2345678', birthDate: '1990-03-15' },
    ])
      expect(await kiosk.call('identify.submitMrz', params)).toMatchObject(refused);
    expect(await kiosk.call('identify.confirm', { now: true })).toMatchObject(refused);
    // Well formed, but the home flow hosts no identification: a stale tap, and the PIN never reached a log line.
    expect(await kiosk.call('identify.submitPin', { pin: '123456' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    expect(JSON.stringify(kiosk.logger.lines)).not.toContain('123456');
  });
});
