import type { AudioSink, Playback, SinkError } from '../../electron/speech/audio_sink.js';
import { type PcmAudio, parseWav } from '../../electron/speech/wav.js';
import { ok, type Result } from '../../lib/result.js';

/**
 * A speaker for tests: it keeps every WAV it was given (decoded), and plays each one until the test calls
 * `finish()` (or at once with `instant`), so a test can stop speech in the middle of a prompt.
 */
export class RecordingSink implements AudioSink {
  readonly name = 'recording';
  readonly played: PcmAudio[] = [];
  stopped = 0;
  readonly #pending: (() => void)[] = [];

  constructor(private readonly instant = true) {}

  play(wav: Uint8Array, onFirstSample: () => void): Playback {
    const audio = parseWav(wav);
    if (!audio.ok) throw new Error(`the speech service sent a bad WAV: ${audio.error.detail}`);
    this.played.push(audio.value);
    onFirstSample();
    if (this.instant) return { done: Promise.resolve(ok()), stop: () => {} };
    let end: () => void = () => {};
    const done = new Promise<Result<void, SinkError>>((resolve) => {
      end = () => resolve(ok());
    });
    this.#pending.push(end);
    return {
      done,
      stop: () => {
        this.stopped += 1;
        end();
      },
    };
  }

  /** The prompt playing now plays out. */
  finish(): void {
    this.#pending.shift()?.();
  }
}
