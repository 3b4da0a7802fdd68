import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptCache, type PromptCacheKey } from './prompt_cache.js';
import { encodeWav, type PcmAudio } from './wav.js';

const keyOf = (key: string, text = key): PromptCacheKey => ({
  engine: 'espeak-ng',
  voice: 'en',
  rate: 100,
  language: 'en',
  key,
  text,
});
const pcm = (n: number): PcmAudio => ({ sampleRate: 8000, channels: 1, samples: new Int16Array(n).fill(7) });
const wavBytes = (n: number) => encodeWav(pcm(n)).length;

describe('prompt cache on disk', () => {
  it('gives back what was put, keyed by text too (an edited translation is a new entry)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    const cache = new PromptCache(dir, 1_000_000);
    await cache.put(keyOf('home.title', 'What would you like to do?'), pcm(10));
    expect(await cache.get(keyOf('home.title', 'What would you like to do?'))).toEqual(pcm(10));
    expect(await cache.get(keyOf('home.title', 'What do you want?'))).toBeUndefined();
  });

  it('stays under its size, dropping the least recently played first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    let now = 0;
    const cache = new PromptCache(dir, wavBytes(100) * 2, () => now);
    await cache.put(keyOf('a'), pcm(100));
    now = 1;
    await cache.put(keyOf('b'), pcm(100));
    now = 2;
    await cache.get(keyOf('a'));
    now = 3;
    await cache.put(keyOf('c'), pcm(100));
    expect(cache.has(keyOf('a'))).toBe(true);
    expect(cache.has(keyOf('b'))).toBe(false);
    expect(cache.has(keyOf('c'))).toBe(true);
    expect(cache.size).toEqual({ files: 2, bytes: wavBytes(100) * 2 });
    expect(readdirSync(dir).sort()).toHaveLength(2);
  });

  it('finds an earlier run’s prompts, and forgets a damaged file and a half-written one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    const first = new PromptCache(dir, 1_000_000);
    await first.put(keyOf('kept'), pcm(5));
    await first.put(keyOf('damaged'), pcm(5));
    writeFileSync(join(dir, `${PromptCache.idOf(keyOf('damaged'))}.wav`), 'noise');
    writeFileSync(join(dir, 'half.wav.123.tmp'), 'half');
    const second = new PromptCache(dir, 1_000_000);
    await second.open();
    expect(await second.get(keyOf('kept'))).toEqual(pcm(5));
    expect(await second.get(keyOf('damaged'))).toBeUndefined();
    expect(second.has(keyOf('damaged'))).toBe(false);
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(false);
  });

  it('is an empty cache, not a crash, when its folder cannot be made', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prompts-')), 'a-file');
    writeFileSync(file, '');
    const cache = new PromptCache(join(file, 'sub'), 1_000_000);
    await cache.put(keyOf('x'), pcm(3));
    expect(await cache.get(keyOf('x'))).toBeUndefined();
  });
});
