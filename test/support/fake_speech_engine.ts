import type { EngineVoice, SpeechEngine, SpeechEngineError } from '../../electron/speech/speech_engine.js';
import type { PcmAudio } from '../../electron/speech/wav.js';
import { ok, type Result } from '../../lib/result.js';

/**
 * An engine for tests of everything around the engine: instant, deterministic audio (a constant tone as long as
 * the text), and a record of what it was asked to say.
 */
export class FakeSpeechEngine implements SpeechEngine {
  readonly name = 'fake';
  readonly renders: { text: string; voice: EngineVoice; rate: number }[] = [];

  async render(text: string, voice: EngineVoice, rate: number): Promise<Result<PcmAudio, SpeechEngineError>> {
    this.renders.push({ text, voice, rate });
    return ok({ sampleRate: 8000, channels: 1, samples: new Int16Array(10 * text.length + 10).fill(16000) });
  }
}
