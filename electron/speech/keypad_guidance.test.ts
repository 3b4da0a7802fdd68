import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSpeechEngine } from '../../test/support/fake_speech_engine.js';
import { type KioskAppFixture, startKioskAppFixture } from '../../test/support/kiosk_app_fixture.js';
import { RecordingSink } from '../../test/support/recording_sink.js';
import type { KeypadKeyEvent } from '../rpc/guidance_contract.js';
import type { SessionView } from '../rpc/session_contract.js';

/**
 * The tactile keypad as a resident uses it, from the simulated device's HID reports through the real driver to the
 * session and the renderer's `keypad.key` events.
 */
let kiosk: KioskAppFixture | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

async function start(): Promise<KioskAppFixture> {
  kiosk = await startKioskAppFixture(
    {
      devices: [
        { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
        { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
        { id: 'keypad', kind: 'tactile-keypad', transport: 'simulated', required: false },
      ],
      speech: { output: 'none', prerender: false, cacheDir: mkdtempSync(join(tmpdir(), 'speech-')) },
    },
    { speech: { sink: new RecordingSink(), engine: new FakeSpeechEngine() } },
  );
  return kiosk;
}

async function press(k: KioskAppFixture, key: string): Promise<void> {
  const before = k.events.length;
  expect(await k.call('dev.simulate', { action: 'key', deviceId: 'keypad', key })).toEqual({ ok: true });
  // The key travels as HID reports through the driver's read loop: wait until the kiosk reacted to it.
  const deadline = Date.now() + 2000;
  while (k.events.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  await k.app.speech.service.whenIdle();
}

const keyEvents = (k: KioskAppFixture) =>
  k.events.filter((e) => e.event === 'keypad.key').map((e) => e.payload as KeypadKeyEvent);
const audioOf = (k: KioskAppFixture) => {
  const view = k.app.session.view() as Extract<SessionView, { phase: 'active' }>;
  return view.accessibility.audio;
};

describe('tactile keypad and audio guidance', () => {
  it('turns audio guidance on with the first key, which does nothing else; later keys reach the screen', async () => {
    const k = await start();
    await k.call('session.start', { language: 'en' });
    await press(k, 'enter');
    expect(audioOf(k).on).toBe(true);
    await press(k, 'down');
    await press(k, 'enter');
    expect(keyEvents(k)).toEqual([
      { key: 'enter', wake: true },
      { key: 'down', wake: false },
      { key: 'enter', wake: false },
    ]);
  });

  it('a key restarts the idle timer as a touch does', async () => {
    const k = await start();
    await k.call('session.start', { language: 'en' });
    await press(k, 'down');
    k.clock.advance(80_000);
    await press(k, 'down');
    k.clock.advance(80_000);
    await press(k, 'down');
    k.clock.advance(80_000);
    expect(k.app.session.view()).toMatchObject({ phase: 'active', warning: null });
  });

  it('the volume keys change the session’s volume within 1–10, say the level, and never reach the screen', async () => {
    const k = await start();
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true, volume: 9 } });
    await press(k, 'volume-up');
    await press(k, 'volume-up');
    expect(audioOf(k).volume).toBe(10);
    await press(k, 'volume-down');
    expect(audioOf(k).volume).toBe(9);
    expect(keyEvents(k)).toEqual([]);
    expect(await k.call('dev.spokenPrompts')).toMatchObject([
      { key: 'volume.level', language: 'en' },
      { key: 'volume.level', language: 'en' },
      { key: 'volume.level', language: 'en' },
    ]);
  });

  it('with no session, a key lets the attract screen speak for a while, then guidance is quiet again', async () => {
    const k = await start();
    const say = () =>
      k.call('speech.say', { prompts: [{ key: 'attract.keys', language: 'pt' }], mode: 'replace' });
    expect(await say()).toMatchObject({ ok: false, error: { code: 'silent' } });
    await press(k, 'help');
    await press(k, 'down');
    expect(keyEvents(k)).toEqual([
      { key: 'help', wake: true },
      { key: 'down', wake: false },
    ]);
    expect(await say()).toEqual({ ok: true, value: { queued: 1 } });
    k.clock.advance(61_000);
    expect(await say()).toMatchObject({ ok: false, error: { code: 'silent' } });
  });

  it('a session started right after a key (Enter on the attract screen) starts with audio guidance on', async () => {
    const k = await start();
    await k.call('session.start', { language: 'en' });
    expect(audioOf(k).on).toBe(false);
    await k.call('session.end', { reason: 'done' });
    await press(k, 'enter');
    const from = k.events.length;
    await k.call('session.start', { language: 'en' });
    await Promise.resolve();
    expect(audioOf(k).on).toBe(true);
    // The renderer hears the session start (audio off), then audio on: never the other way round.
    const audioSeen = k.events
      .slice(from)
      .filter((e) => e.event === 'session.changed')
      .map((e) => (e.payload as Extract<SessionView, { phase: 'active' }>).accessibility.audio.on);
    expect(audioSeen).toEqual([false, true]);
    await k.call('session.end', { reason: 'done' });
    await k.call('session.start', { language: 'en' });
    expect(audioOf(k).on).toBe(false);
  });
});

describe('Help: call a member of staff', () => {
  it('raises one staff alert naming the terminal and the step, and answers a second press "already called"', async () => {
    const k = await start();
    expect(await k.call('help.callStaff')).toEqual({ ok: false, error: 'no-session' });
    await k.call('session.start', { language: 'en' });
    await k.call('home.chooseLanguage', { language: 'en' });
    expect(await k.call('help.callStaff')).toEqual({ ok: true });
    expect(await k.call('help.callStaff')).toEqual({ ok: false, error: 'already-called' });
    expect(k.app.printing.alerts()).toMatchObject([
      {
        kind: 'resident-help',
        detail: { code: 'resident-asked', terminal: 'MO-TEST-01', flow: 'home', step: 'services' },
        acknowledgedAt: null,
      },
    ]);
    k.clock.advance(60_000);
    await k.call('session.touch');
    k.clock.advance(61_000);
    expect(await k.call('help.callStaff')).toEqual({ ok: true });
    expect(await k.call('help.callStaff', { step: 'forged' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-params' },
    });
  });
});
