import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../lib/result.js';
import type { EngineVoice } from './speech_engine.js';
import { engineVoices } from './speech_engine.js';
import { type PcmAudio, parseWav } from './wav.js';

/**
 * A site's recorded human prompts, which play instead of the engine's voice wherever they exist:
 * `<folder>/<voice>/<message key>.wav` (voice `yue`, `cmn`, `pt` or `en`; 16-bit PCM WAV, any rate, mono or
 * stereo), e.g. `prompts/yue/screen.services.keys.wav`. Only prompts without values can be recorded (a queue number
 * changes every time). The folder is read once at start; a file that is not a usable WAV, or whose name is not a
 * message key, is reported and skipped, never played.
 */
export interface RecordedPromptProblem {
  file: string;
  problem: string;
}

export class RecordedPrompts {
  readonly #files = new Map<string, string>();
  readonly problems: RecordedPromptProblem[] = [];

  private constructor(private readonly dir: string | undefined) {}

  static none(): RecordedPrompts {
    return new RecordedPrompts(undefined);
  }

  /** Indexes the folder; `isMessageKey` says which names are real message keys. */
  static async load(dir: string, isMessageKey: (key: string) => boolean): Promise<RecordedPrompts> {
    const prompts = new RecordedPrompts(dir);
    for (const voice of engineVoices) {
      const names = await readdir(join(dir, voice)).catch(() => [] as string[]);
      for (const name of names) {
        const file = join(voice, name);
        if (!name.endsWith('.wav')) {
          prompts.problems.push({ file, problem: 'not a .wav file' });
          continue;
        }
        const key = name.slice(0, -4);
        if (!isMessageKey(key)) {
          prompts.problems.push({ file, problem: 'no message has this key' });
          continue;
        }
        const audio = await prompts.#read(file);
        if (!audio.ok) {
          prompts.problems.push({ file, problem: audio.error });
          continue;
        }
        prompts.#files.set(`${voice}/${key}`, file);
      }
    }
    return prompts;
  }

  get count(): number {
    return this.#files.size;
  }

  has(voice: EngineVoice, key: string): boolean {
    return this.#files.has(`${voice}/${key}`);
  }

  async get(voice: EngineVoice, key: string): Promise<PcmAudio | undefined> {
    const file = this.#files.get(`${voice}/${key}`);
    if (file === undefined) return undefined;
    const audio = await this.#read(file);
    return audio.ok ? audio.value : undefined;
  }

  /** The recording in `file`, or what is wrong with it (the problem is logged when the folder is loaded). */
  async #read(file: string): Promise<Result<PcmAudio, string>> {
    if (this.dir === undefined) return err('no folder');
    const bytes = await readFile(join(this.dir, file)).catch(() => undefined);
    if (!bytes) return err('cannot be read');
    const audio = parseWav(new Uint8Array(bytes));
    if (!audio.ok) return err(audio.error.detail);
    if (audio.value.samples.length === 0) return err('no samples');
    return ok(audio.value);
  }
}
