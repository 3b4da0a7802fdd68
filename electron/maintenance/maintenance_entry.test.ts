import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../test/support/kiosk_app_fixture.js';
import { staffBadgeOffice } from '../../test/support/staff_badges.js';

/**
 * Entering maintenance never cuts a resident off mid-transaction: a staff badge shown, or the dev dock's switch,
 * while a resident's collection is under way waits until the transaction ends (the journal is the truth), then
 * takes the kiosk. The collection flow is not built yet: the transaction is opened through the journal, as the
 * flow will open it (`transactions.start('collection', sessionId)`).
 */
const office = staffBadgeOffice();
let kiosk: KioskAppFixture;

beforeEach(async () => {
  kiosk = await startKioskAppFixture({ staff: { badgeKeys: office.badgeKeys } }, { backend: 'embedded' });
});
afterEach(() => kiosk.close());

const view = () => kiosk.app.session.view();
async function settle(until: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
/** A resident on the screen, in the middle of collecting a document. */
async function residentMidCollection() {
  await kiosk.call('session.start', { language: 'zh-Hant' });
  const sessionId = kiosk.app.session.activeSessionId!;
  const started = kiosk.app.journal.transactions.start('collection', sessionId);
  if (!started.ok) throw new Error('transaction');
  kiosk.app.journal.transactions.advance(started.value.id, 'identified');
  kiosk.app.journal.transactions.advance(started.value.id, 'reserved');
  return { sessionId, transactionId: started.value.id };
}

describe('entering maintenance while a resident is collecting', () => {
  it('a staff badge waits for the collection to end, then the staff sign-in opens for that badge', async () => {
    const { sessionId, transactionId } = await residentMidCollection();
    await kiosk.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: office.badge('S0001') });
    await settle(() => kiosk.logger.of('maintenance-entry-deferred').length > 0);
    kiosk.clock.advance(60_000);
    // The resident is still on their own screen, with their session and flow.
    expect(view()).toMatchObject({ phase: 'active', sessionId, flow: { service: 'home' } });
    expect(kiosk.app.kioskStatus.status).toEqual({ mode: 'in-service' });

    kiosk.app.journal.transactions.advance(transactionId, 'dispensed');
    kiosk.clock.advance(1000);
    expect(view()).toMatchObject({ phase: 'active', flow: { service: 'home' } });
    kiosk.app.journal.transactions.advance(transactionId, 'confirmed');
    kiosk.clock.advance(1000);
    await settle(() => JSON.stringify(view()).includes('"step":"pin"'));
    expect(view()).toMatchObject({
      phase: 'active',
      flow: { service: 'staff-sign-in', step: 'pin', staffId: 'S0001' },
    });
    expect((view() as { sessionId: string }).sessionId).not.toBe(sessionId);
    expect(kiosk.events).toContainEqual({ event: 'session.ended', payload: { reason: 'out-of-service' } });
  });

  it('signing in while a transaction of this run is under way shows "waiting", then enters', async () => {
    const started = kiosk.app.journal.transactions.start('check-in', null);
    if (!started.ok) throw new Error('transaction');
    await kiosk.call('staff-sign-in.open');
    await kiosk.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: office.badge('S0001') });
    await settle(
      () => view().phase === 'active' && (view() as { flow: { step: string } }).flow.step === 'pin',
    );
    await kiosk.call('staff-sign-in.enterPin', { pin: '135790' });
    expect(view()).toMatchObject({ flow: { service: 'staff-sign-in', step: 'waiting', transactions: 1 } });
    expect(await kiosk.call('maintenance.openTool', { tool: 'devices' })).toMatchObject({
      error: { code: 'forbidden' },
    });
    kiosk.app.journal.transactions.void(started.value.id, 'resident-left');
    kiosk.clock.advance(1000);
    expect(view()).toMatchObject({ flow: { service: 'maintenance', step: 'menu' } });
    const entered = kiosk.app.journal.audit.about('staff:S0001');
    expect(entered).toEqual([]);
    const last = JSON.parse(kiosk.app.journal.audit.recent(1)[0]!.content).event;
    expect(last).toEqual({ kind: 'maintenance-entered', deferredSeconds: 1 });
  });

  it('the dev dock’s switch waits the same way; a resident with no transaction is taken off at once', async () => {
    const { transactionId } = await residentMidCollection();
    expect(await kiosk.call('dev.setMaintenance', { on: true })).toEqual({ mode: 'in-service' });
    kiosk.clock.advance(5000);
    expect(view()).toMatchObject({ phase: 'active' });
    kiosk.app.journal.transactions.void(transactionId, 'resident-left');
    kiosk.clock.advance(1000);
    expect(kiosk.app.kioskStatus.status).toEqual({
      mode: 'out-of-service',
      reasons: [{ kind: 'maintenance' }],
    });
    expect(view()).toEqual({ phase: 'attract' });

    await kiosk.call('dev.setMaintenance', { on: false });
    await kiosk.call('session.start', { language: 'en' });
    expect(await kiosk.call('dev.setMaintenance', { on: true })).toMatchObject({ mode: 'out-of-service' });
    expect(view()).toEqual({ phase: 'attract' });
  });
});
