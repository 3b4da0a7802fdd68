import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EspeakEngine, espeakVoice, wordsPerMinute } from './espeak_engine.js';
import { SpeechCatalogue } from './speech_catalogue.js';
import type { EngineVoice } from './speech_engine.js';
import { engineVoiceOf } from './spoken_language.js';
import { durationMs, type PcmAudio } from './wav.js';

function rms(audio: PcmAudio): number {
  let sum = 0;
  for (const sample of audio.samples) sum += (sample / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, audio.samples.length));
}

/**
 * The real engine (Debian's espeak-ng, in the README's apt line): each language's first prompt renders to audio
 * that is not silence and lasts as long as a sentence does — the ear-equivalent check, run on every machine.
 */
describe('espeak-ng engine', () => {
  const engine = new EspeakEngine();
  const catalogue = new SpeechCatalogue();

  it.each(['zh-Hant', 'zh-Hans', 'pt', 'en'] as const)(
    'speaks %s as audible speech of a plausible length',
    async (language) => {
      const text = catalogue.text({ key: 'language.keys' }, language);
      if (!text.ok) throw new Error('language.keys missing');
      const audio = await engine.render(text.value, engineVoiceOf(language), 100);
      if (!audio.ok) throw new Error(JSON.stringify(audio.error));
      expect(audio.value.sampleRate).toBe(22050);
      expect(rms(audio.value)).toBeGreaterThan(0.02);
      expect(durationMs(audio.value)).toBeGreaterThan(1500);
      expect(durationMs(audio.value)).toBeLessThan(20_000);
    },
  );

  it.each([
    ['yue', 'zh-Hant'],
    ['cmn', 'zh-Hans'],
  ] as const)('pronounces %s as Chinese, never falling back to English letters', (voice, language) => {
    const text = catalogue.text({ key: 'services.keys' }, language);
    if (!text.ok) throw new Error('services.keys missing');
    const phonemes = spawnSync('espeak-ng', ['-v', espeakVoice[voice], '-q', '-x', '-b', '1'], {
      input: text.value,
      encoding: 'utf8',
    }).stdout;
    expect(phonemes.length).toBeGreaterThan(20);
    // espeak marks a switch to another language's rules as "(en)"; Chinese read as English would say it.
    expect(phonemes).not.toContain('(en)');
  });

  it('speaks faster at a higher rate', async () => {
    const voice: EngineVoice = 'en';
    const slow = await engine.render('Choose your language, then press Enter.', voice, 75);
    const fast = await engine.render('Choose your language, then press Enter.', voice, 150);
    if (!slow.ok || !fast.ok) throw new Error('render failed');
    expect(durationMs(fast.value)).toBeLessThan(durationMs(slow.value) * 0.7);
    expect(wordsPerMinute(50)).toBe(88);
    expect(wordsPerMinute(1000)).toBe(450);
  });

  it('says the engine is missing, as a value, when the program is not installed', async () => {
    const missing = new EspeakEngine({ command: 'espeak-ng-not-installed', timeoutMs: 2000 });
    expect(await missing.render('x', 'en', 100)).toMatchObject({
      ok: false,
      error: { code: 'engine-missing' },
    });
  });
});
