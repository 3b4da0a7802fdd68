import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPlayer, PlayerSink, SilentSink } from './audio_sink.js';
import { encodeWav } from './wav.js';

const wav = encodeWav({ sampleRate: 8000, channels: 1, samples: new Int16Array(400).fill(1000) });
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

/** The sink as the kiosk runs it: a player process fed WAV on stdin (here `sh`, standing in for aplay). */
describe('audio sinks', () => {
  it('hands the whole WAV to the player on stdin and reports the first sample', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sink-')), 'played.wav');
    let started = 0;
    const playback = new PlayerSink('sh', ['-c', `cat > ${out}`]).play(wav, () => {
      started += 1;
    });
    expect(await playback.done).toEqual({ ok: true, value: undefined });
    expect(started).toBe(1);
    expect(new Uint8Array(readFileSync(out))).toEqual(wav);
  });

  it('stops a prompt in the middle (a new screen, the session’s end)', async () => {
    const playback = new PlayerSink('sh', ['-c', 'cat > /dev/null; sleep 20']).play(wav, () => {});
    const began = Date.now();
    setTimeout(() => playback.stop(), 50);
    expect(await playback.done).toEqual({ ok: true, value: undefined });
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it('reports a player that fails, or is not there, as a value', async () => {
    const failing = await new PlayerSink('sh', ['-c', 'cat > /dev/null; echo no device >&2; exit 1']).play(
      wav,
      () => {},
    ).done;
    expect(failing).toMatchObject({
      ok: false,
      error: { code: 'player-failed', detail: expect.stringContaining('no device') },
    });
    const missing = await new PlayerSink('no-such-player-here', []).play(wav, () => {}).done;
    expect(missing).toMatchObject({ ok: false, error: { code: 'player-failed' } });
  });

  it('finds the first player the machine has, in the kiosk’s order of preference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'players-'));
    for (const name of ['aplay', 'paplay']) {
      writeFileSync(join(dir, name), '#!/bin/sh\n');
      chmodSync(join(dir, name), 0o755);
    }
    writeFileSync(join(dir, 'pw-play'), 'not executable');
    process.env.PATH = dir;
    expect(findPlayer()).toBe('paplay');
    expect(findPlayer(['aplay'])).toBe('aplay');
    process.env.PATH = mkdtempSync(join(tmpdir(), 'empty-'));
    expect(findPlayer()).toBeUndefined();
  });

  it('a silent sink takes the audio (CI, a kiosk without a speaker), paced if asked', async () => {
    let started = 0;
    expect(await new SilentSink().play(wav, () => (started += 1)).done).toEqual({
      ok: true,
      value: undefined,
    });
    const paced = new SilentSink(true, () => 10_000).play(wav, () => {});
    paced.stop();
    expect(await paced.done).toEqual({ ok: true, value: undefined });
    expect(started).toBe(1);
  });
});
