import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSpeechEngine } from '../../test/support/fake_speech_engine.js';
import { type KioskAppFixture, startKioskAppFixture } from '../../test/support/kiosk_app_fixture.js';
import { RecordingSink } from '../../test/support/recording_sink.js';
import { RecordedPrompts } from './recorded_prompts.js';
import { SpeechCatalogue } from './speech_catalogue.js';
import { encodeWav, gainOf } from './wav.js';

/** Audio guidance through the router, as the renderer asks for it: who hears what, in which voice, and when it stops. */
let kiosk: KioskAppFixture | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

async function start(sink = new RecordingSink(), overrides: Record<string, unknown> = {}) {
  const engine = new FakeSpeechEngine();
  kiosk = await startKioskAppFixture(
    {
      speech: { output: 'none', prerender: false, cacheDir: mkdtempSync(join(tmpdir(), 'speech-')) },
      ...overrides,
    },
    { speech: { sink, engine } },
  );
  return { kiosk, sink, engine };
}

/** Lets the speech queue run until it has nothing left to play (or is held by a sink that waits). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  await Promise.race([
    kiosk?.app.speech.service.whenIdle(),
    new Promise((resolve) => setTimeout(resolve, 200)),
  ]);
}

const spokenKeys = async (k: KioskAppFixture) =>
  ((await k.call('dev.spokenPrompts')) as { key: string }[]).map((record) => record.key);

describe('audio guidance', () => {
  it('stays silent while the session has audio guidance off', async () => {
    const { kiosk: k, sink } = await start();
    await k.call('session.start', { language: 'en' });
    expect(
      await k.call('speech.say', { prompts: [{ key: 'home:services.title' }], mode: 'replace' }),
    ).toEqual({
      ok: false,
      error: { code: 'silent' },
    });
    await settle();
    expect(sink.played).toEqual([]);
  });

  it('speaks the prompts in order in the session language, from the engine once and from the cache after', async () => {
    const { kiosk: k, engine } = await start();
    await k.call('session.start', { language: 'pt' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    const prompts = [{ key: 'services.where' }, { key: 'home:services.title' }, { key: 'services.keys' }];
    expect(await k.call('speech.say', { prompts, mode: 'replace' })).toEqual({
      ok: true,
      value: { queued: 3 },
    });
    await settle();
    await k.call('speech.say', { prompts: [{ key: 'home:services.title' }], mode: 'append' });
    await settle();
    expect(await k.call('dev.spokenPrompts')).toEqual([
      { key: 'services.where', language: 'pt', source: 'engine', at: expect.any(Number) },
      { key: 'home:services.title', language: 'pt', source: 'engine', at: expect.any(Number) },
      { key: 'services.keys', language: 'pt', source: 'engine', at: expect.any(Number) },
      { key: 'home:services.title', language: 'pt', source: 'cache', at: expect.any(Number) },
    ]);
    expect(engine.renders.map((r) => r.text)).toEqual([
      'Lista de serviços.',
      'O que pretende fazer?',
      expect.stringContaining('teclas de seta'),
    ]);
    expect(engine.renders.every((r) => r.voice === 'pt' && r.rate === 100)).toBe(true);
  });

  it('speaks Cantonese with the Macau wording when a Simplified Chinese screen asks for Cantonese', async () => {
    const { kiosk: k, engine } = await start();
    await k.call('session.start', { language: 'zh-Hans' });
    await k.call('session.setAccessibility', { audio: { on: true, voice: 'yue', rate: 125 } });
    await k.call('speech.say', {
      prompts: [{ key: 'home:services.title' }, { key: 'language.name', language: 'pt' }],
      mode: 'replace',
    });
    await settle();
    expect(engine.renders).toEqual([
      { text: '請選擇服務', voice: 'yue', rate: 125 },
      { text: 'Português', voice: 'pt', rate: 125 },
    ]);
  });

  it('fills values in the spoken language: counts with plurals, names by key and in four languages', async () => {
    const { kiosk: k, engine } = await start();
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    await k.call('speech.say', {
      prompts: [
        { key: 'home:serviceIntro.takes', values: { count: 1 } },
        { key: 'home:serviceIntro.takes', values: { count: 3 } },
        { key: 'services.unavailable', values: { service: { key: 'service.check-in.title' } } },
        {
          key: 'attract.welcome',
          values: { site: { text: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'Centro A', en: 'Centre A' } } },
        },
      ],
      mode: 'replace',
    });
    await settle();
    expect(engine.renders.map((r) => r.text)).toEqual([
      'Takes about 1 minute',
      'Takes about 3 minutes',
      'Check in: not available right now.',
      'Welcome to the Centre A.',
    ]);
  });

  it('refuses a message that does not exist, and then speaks nothing of that request', async () => {
    const { kiosk: k, sink } = await start();
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    expect(
      await k.call('speech.say', {
        prompts: [{ key: 'home:services.title' }, { key: 'no.such.message' }],
        mode: 'replace',
      }),
    ).toEqual({ ok: false, error: { code: 'unknown-message', key: 'no.such.message' } });
    expect(
      await k.call('speech.say', {
        prompts: [{ key: 'services.unavailable', values: { service: { key: 'not.a.key' } } }],
        mode: 'replace',
      }),
    ).toEqual({ ok: false, error: { code: 'unknown-message', key: 'not.a.key' } });
    await settle();
    expect(sink.played).toEqual([]);
  });

  it('refuses hostile requests at the door', async () => {
    const { kiosk: k } = await start();
    const refused = async (params: unknown) =>
      expect(await k.call('speech.say', params)).toMatchObject({
        ok: false,
        error: { code: 'invalid-params' },
      });
    await refused({ prompts: [{ key: 'home title' }], mode: 'replace' });
    await refused({ prompts: [{ key: 'x'.repeat(97) }], mode: 'replace' });
    await refused({ prompts: [], mode: 'replace' });
    await refused({
      prompts: Array.from({ length: 49 }, () => ({ key: 'home:services.title' })),
      mode: 'replace',
    });
    await refused({ prompts: [{ key: 'home:services.title', text: 'say this' }], mode: 'replace' });
    await refused({
      prompts: [{ key: 'home:services.title', values: { a: 'x'.repeat(121) } }],
      mode: 'replace',
    });
    await refused({
      prompts: [
        {
          key: 'home:services.title',
          values: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`v${i}`, i])),
        },
      ],
      mode: 'replace',
    });
    await refused({ prompts: [{ key: 'home:services.title', language: 'fr' }], mode: 'replace' });
    await refused({ prompts: [{ key: 'home:services.title' }], mode: 'shout' });
    const refusedSetting = async (audio: unknown) =>
      expect(await k.call('session.setAccessibility', { audio })).toMatchObject({
        ok: false,
        error: { code: 'invalid-params' },
      });
    await refusedSetting({ volume: 11 });
    await refusedSetting({ volume: 0 });
    await refusedSetting({ rate: 60 });
    await refusedSetting({ rate: 400 });
    await refusedSetting({ voice: 'fr' });
    await refusedSetting({ on: true, engine: '/bin/sh' });
  });

  it('never caches a prompt with verbatim text (it may be the resident’s), only keys and numbers', async () => {
    const { kiosk: k } = await start();
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    const say = async (values: Record<string, unknown>) => {
      await k.call('speech.say', {
        prompts: [{ key: 'print.needsAttention.body.ticket', values }],
        mode: 'append',
      });
      await settle();
    };
    await say({ reference: 'P-000042' });
    await say({ reference: 'P-000042' });
    await say({ reference: 42 });
    await say({ reference: 42 });
    await settle();
    expect(((await k.call('dev.spokenPrompts')) as { source: string }[]).map((r) => r.source)).toEqual([
      'engine',
      'engine',
      'engine',
      'cache',
    ]);
  });

  it('a new screen cuts the prompt playing and drops the rest', async () => {
    const sink = new RecordingSink(false);
    const { kiosk: k } = await start(sink);
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    await k.call('speech.say', {
      prompts: [{ key: 'services.where' }, { key: 'home:services.title' }, { key: 'services.keys' }],
      mode: 'replace',
    });
    await settle();
    await k.call('speech.say', { prompts: [{ key: 'idle.title' }], mode: 'replace' });
    await settle();
    expect(sink.stopped).toBe(1);
    expect(await spokenKeys(k)).toEqual(['services.where', 'idle.title']);
  });

  it('stops at once when the session ends, and when the resident turns audio guidance off', async () => {
    const sink = new RecordingSink(false);
    const { kiosk: k } = await start(sink);
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    await k.call('speech.say', {
      prompts: [{ key: 'home:services.title' }, { key: 'services.keys' }],
      mode: 'replace',
    });
    await settle();
    await k.call('session.setAccessibility', { audio: { on: false } });
    expect(sink.stopped).toBe(1);
    await k.call('session.setAccessibility', { audio: { on: true } });
    await k.call('speech.say', {
      prompts: [{ key: 'home:services.title' }, { key: 'services.keys' }],
      mode: 'replace',
    });
    await settle();
    await k.call('session.end', { reason: 'done' });
    await settle();
    expect(sink.stopped).toBe(2);
    expect(await spokenKeys(k)).toEqual(['home:services.title', 'home:services.title']);
    expect(
      await k.call('speech.say', { prompts: [{ key: 'home:services.title' }], mode: 'replace' }),
    ).toMatchObject({
      error: { code: 'silent' },
    });
  });

  it('forgets the characters it spelled when the session ends: in order they were what the resident typed', async () => {
    const { kiosk: k } = await start();
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    const spelled = [
      'keyboard.letter.M',
      'keyboard.digit.1',
      'keyboard.symbol.dash',
      'keyboard.accent.tilde',
    ];
    for (const key of ['home:services.title', ...spelled]) {
      const values = key.includes('accent') ? { letter: 'A' } : undefined;
      await k.call('speech.say', { prompts: [{ key, ...(values ? { values } : {}) }], mode: 'append' });
      await settle();
    }
    expect(await spokenKeys(k)).toEqual(['home:services.title', ...spelled]);
    await k.call('session.end', { reason: 'done' });
    await settle();
    expect(await spokenKeys(k)).toEqual(['home:services.title']);
  });

  it('plays at the session’s volume', async () => {
    const { kiosk: k, sink } = await start();
    await k.call('session.start', { language: 'en' });
    await k.call('session.setAccessibility', { audio: { on: true, volume: 10 } });
    await k.call('speech.say', { prompts: [{ key: 'home:services.title' }], mode: 'replace' });
    await settle();
    await k.call('session.setAccessibility', { audio: { volume: 2 } });
    await k.call('speech.say', { prompts: [{ key: 'home:services.title' }], mode: 'replace' });
    await settle();
    const [loud, quiet] = sink.played.map((audio) => audio.samples[0]!);
    expect(loud).toBe(16000);
    expect(quiet).toBe(Math.round(16000 * gainOf(2)));
  });

  it('plays a site’s recorded prompt instead of the engine, and skips files that are not prompts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recorded-'));
    mkdirSync(join(dir, 'pt'));
    const recording = { sampleRate: 44100, channels: 2, samples: new Int16Array(100).fill(1234) };
    writeFileSync(join(dir, 'pt', 'home:services.title.wav'), encodeWav(recording));
    writeFileSync(join(dir, 'pt', 'no.such.key.wav'), encodeWav(recording));
    writeFileSync(join(dir, 'pt', 'services.keys.wav'), 'not audio');
    const catalogue = new SpeechCatalogue();
    const recorded = await RecordedPrompts.load(dir, (key) => catalogue.has(key));
    expect(recorded.count).toBe(1);
    expect(recorded.problems.map((p) => p.file).sort()).toEqual([
      'pt/no.such.key.wav',
      'pt/services.keys.wav',
    ]);

    const { kiosk: k, sink } = await start();
    k.app.speech.service.setRecordedPrompts(recorded);
    await k.call('session.start', { language: 'pt' });
    await k.call('session.setAccessibility', { audio: { on: true, volume: 10 } });
    await k.call('speech.say', {
      prompts: [{ key: 'home:services.title' }, { key: 'services.keys' }],
      mode: 'replace',
    });
    await settle();
    expect(((await k.call('dev.spokenPrompts')) as { source: string }[]).map((r) => r.source)).toEqual([
      'recorded',
      'engine',
    ]);
    expect(sink.played[0]).toEqual(recording);
  });

  it('renders the screens’ words ahead, so they then play from the cache', async () => {
    const { kiosk: k, engine } = await start();
    const rendered = await k.app.speech.service.prerender(
      ['home:services.title', 'services.keys'],
      ['en', 'zh-Hant'],
    );
    expect(rendered).toBe(4);
    expect(engine.renders.map((r) => r.voice).sort()).toEqual(['en', 'en', 'yue', 'yue']);
    await k.call('session.start', { language: 'zh-Hant' });
    await k.call('session.setAccessibility', { audio: { on: true } });
    await k.call('speech.say', { prompts: [{ key: 'home:services.title' }], mode: 'replace' });
    await settle();
    expect(await k.call('dev.spokenPrompts')).toEqual([
      { key: 'home:services.title', language: 'zh-Hant', source: 'cache', at: expect.any(Number) },
    ]);
    expect(await k.app.speech.service.prerender(['home:services.title'], ['en'])).toBe(0);
  });
});
