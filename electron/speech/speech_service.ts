import { err, ok } from '../../lib/result.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { AudioSettings, Prompt, SayResult, SpokenPromptRecord } from '../rpc/guidance_contract.js';
import type { Language } from '../rpc/languages.js';
import type { Clock } from '../services/clock.js';
import type { SessionService } from '../services/session_service.js';
import type { AudioSink, Playback } from './audio_sink.js';
import type { PromptCache, PromptCacheKey } from './prompt_cache.js';
import type { RecordedPrompts } from './recorded_prompts.js';
import { RenderScheduler } from './render_scheduler.js';
import type { SpeechCatalogue } from './speech_catalogue.js';
import type { EngineVoice, SpeechEngine } from './speech_engine.js';
import { engineVoiceOf, spokenLanguageOf } from './spoken_language.js';
import { encodeWav, gainOf, type PcmAudio, withGain } from './wav.js';

/**
 * Audio guidance: speaks the prompts the screens ask for (`speech.say`), one after another, through the sink.
 *
 * - **Who may hear it**: the running session when its audio guidance is on; with no session, only for a minute
 *   after someone pressed a key of the tactile keypad (`arm`), so the attract and out-of-service screens can say
 *   where the kiosk is and how to start, without talking to passers-by.
 * - **Where the audio comes from**, first found: a site's recorded prompt, the cache, the engine (whose output is
 *   then cached). Prompts with verbatim text values are never cached: such text may be the resident's.
 * - **Stopping**: a `replace` request cuts the prompt playing and drops the queue; the session's end, and audio
 *   turned off, stop everything at once.
 * - **Volume and rate** are the session's, read when each prompt starts (the volume key acts on the next prompt).
 * - **What was spoken** is kept as message keys (never text or values), for `dev.spokenPrompts` and tests.
 */
export interface SpeechServiceDeps {
  engine: SpeechEngine;
  catalogue: SpeechCatalogue;
  cache: PromptCache;
  /** Until a site's recordings are indexed (at start, in the background), `RecordedPrompts.none()`. */
  recorded: RecordedPrompts;
  sink: AudioSink;
  session: SessionService;
  bus: EventBus;
  clock: Clock;
  /** The kiosk's default language: what a prompt without a language speaks when no session runs. */
  defaultLanguage: Language;
  onProblem?: (problem: { code: string; key: string; detail: string }) => void;
}

interface Item {
  prompt: Prompt;
  language: Language;
  voice: EngineVoice;
  text: string;
  rate: number;
  cacheable: boolean;
  generation: number;
}

const defaultAudio: AudioSettings = { on: true, volume: 7, rate: 100, voice: 'auto' };
const armedForMs = 60_000;
const spokenKept = 500;
/** A message that says one typed character (renderer/components/keyboard/keyboard_layouts.ts `spokenChar`). */
const spelledKey = /(^|:)keyboard\.(letter|digit|symbol|accent)\./;

export class SpeechService {
  #deps: SpeechServiceDeps;
  readonly #scheduler = new RenderScheduler();
  readonly #spoken: SpokenPromptRecord[] = [];
  readonly #startListeners = new Set<(start: SpokenPromptRecord) => void>();
  #queue: Item[] = [];
  #generation = 0;
  #playing: Playback | undefined;
  #pumping: Promise<void> | undefined;
  readonly #cacheWrites = new Set<Promise<void>>();
  #armedUntil = 0;

  constructor(deps: SpeechServiceDeps) {
    this.#deps = deps;
    deps.session.onSessionEnd(() => {
      this.stop();
      this.#forgetSpelled();
    });
    deps.bus.subscribe((event, payload) => {
      if (event !== 'session.changed') return;
      const view = payload as ReturnType<SessionService['view']>;
      if (view.phase === 'active' && !view.accessibility.audio.on) this.stop();
    });
  }

  /** The site's recorded prompts, once indexed. */
  setRecordedPrompts(recorded: RecordedPrompts): void {
    this.#deps.recorded = recorded;
  }

  /** A keypad key was pressed with no session: audio guidance may speak for the next minute. */
  arm(): void {
    this.#armedUntil = this.#deps.clock.now() + armedForMs;
  }

  /**
   * Whether a keypad key was pressed shortly before the session that has just started (the resident started it with
   * the keypad, so they want to hear it); the arming is used up.
   */
  takeArming(): boolean {
    const armed = this.#deps.clock.now() < this.#armedUntil;
    this.#armedUntil = 0;
    return armed;
  }

  get armed(): boolean {
    return this.#deps.session.activeSessionId === null && this.#deps.clock.now() < this.#armedUntil;
  }

  say(prompts: Prompt[], mode: 'replace' | 'append'): SayResult {
    const listener = this.#listener();
    if (!listener) return err({ code: 'silent' });
    const items: Item[] = [];
    for (const prompt of prompts) {
      const language = prompt.language ?? spokenLanguageOf(listener.language, listener.audio.voice);
      const text = this.#deps.catalogue.text(prompt, language);
      if (!text.ok) return err({ code: 'unknown-message', key: text.error.key });
      const verbatim = Object.values(prompt.values ?? {}).some((value) => typeof value === 'string');
      items.push({
        prompt,
        language,
        voice: engineVoiceOf(language),
        text: text.value,
        rate: listener.audio.rate,
        cacheable: !verbatim,
        generation: 0,
      });
    }
    if (mode === 'replace') this.stop();
    for (const item of items) this.#queue.push({ ...item, generation: this.#generation });
    void this.#pump();
    return ok({ queued: items.length });
  }

  /** Silence now: the prompt playing stops, nothing queued plays. */
  stop(): void {
    this.#generation += 1;
    this.#queue = [];
    this.#playing?.stop();
  }

  spoken(): SpokenPromptRecord[] {
    return [...this.#spoken];
  }

  /**
   * The keyboard spells what a resident types key by key, each character a message of its own
   * (`keyboard.letter.B`, `keyboard.digit.7`): in order, those records are what was typed (a reference, a document
   * number). They go with the session; the rest of the record (screens, counts) stays for the bench and the tests.
   */
  #forgetSpelled(): void {
    const kept = this.#spoken.filter((record) => !spelledKey.test(record.key));
    this.#spoken.splice(0, this.#spoken.length, ...kept);
  }

  /** Forgets what was spoken so far; returns how many prompts that was. */
  clearSpoken(): number {
    return this.#spoken.splice(0).length;
  }

  /** Called as each prompt starts playing (the bench times screen → first sample with it). */
  onPlaybackStart(listener: (start: SpokenPromptRecord) => void): () => void {
    this.#startListeners.add(listener);
    return () => this.#startListeners.delete(listener);
  }

  /**
   * Renders `keys` ahead in every language, at the normal rate, in the background: a screen's words then play
   * from the cache. Stops early when `signal` aborts (the kiosk is closing).
   */
  async prerender(
    keys: readonly string[],
    languages: readonly Language[],
    signal?: AbortSignal,
  ): Promise<number> {
    let rendered = 0;
    for (const key of keys) {
      for (const language of languages) {
        if (signal?.aborted) return rendered;
        const text = this.#deps.catalogue.text({ key }, language);
        if (!text.ok) continue;
        const voice = engineVoiceOf(language);
        if (this.#deps.recorded.has(voice, key)) continue;
        const cacheKey = this.#cacheKey({ key, language, voice, rate: 100, text: text.value });
        if (this.#deps.cache.has(cacheKey)) continue;
        const audio = await this.#scheduler.run('background', () =>
          this.#deps.engine.render(text.value, voice, 100),
        );
        if (audio.ok) {
          await this.#deps.cache.put(cacheKey, audio.value);
          rendered += 1;
        }
      }
    }
    return rendered;
  }

  #listener(): { language: Language; audio: AudioSettings } | undefined {
    const view = this.#deps.session.view();
    if (view.phase === 'active') {
      return view.accessibility.audio.on
        ? { language: view.language, audio: view.accessibility.audio }
        : undefined;
    }
    return this.armed ? { language: this.#deps.defaultLanguage, audio: defaultAudio } : undefined;
  }

  /** Resolves once nothing is queued, playing or being cached (tests and the bench wait for it). */
  async whenIdle(): Promise<void> {
    while (this.#pumping) await this.#pumping;
    await Promise.all([...this.#cacheWrites]);
  }

  #pump(): Promise<void> {
    this.#pumping ??= this.#drain().finally(() => {
      this.#pumping = undefined;
      // A request that arrived between the last prompt and this line must not wait for the next one.
      if (this.#queue.length > 0) void this.#pump();
    });
    return this.#pumping;
  }

  async #drain(): Promise<void> {
    for (let item = this.#queue.shift(); item; item = this.#queue.shift()) {
      const found = await this.#audioFor(item);
      if (item.generation !== this.#generation) continue;
      if (!found.ok) {
        this.#deps.onProblem?.({ code: found.error.code, key: item.prompt.key, detail: found.error.detail });
        continue;
      }
      const volume = this.#listener()?.audio.volume;
      if (volume === undefined) continue;
      const wav = encodeWav(withGain(found.value.audio, gainOf(volume)));
      const record = { key: item.prompt.key, language: item.language, source: found.value.source };
      const playback = this.#deps.sink.play(wav, () =>
        this.#started({ ...record, at: this.#deps.clock.now() }),
      );
      this.#playing = playback;
      const played = await playback.done;
      this.#playing = undefined;
      if (!played.ok) {
        this.#deps.onProblem?.({
          code: played.error.code,
          key: item.prompt.key,
          detail: played.error.detail,
        });
      }
    }
  }

  #started(record: SpokenPromptRecord): void {
    this.#spoken.push(record);
    if (this.#spoken.length > spokenKept) this.#spoken.shift();
    for (const listener of [...this.#startListeners]) listener(record);
  }

  async #audioFor(item: Item) {
    const { recorded, cache, engine } = this.#deps;
    if (!item.prompt.values) {
      const audio = await recorded.get(item.voice, item.prompt.key);
      if (audio) return ok({ audio, source: 'recorded' as const });
    }
    const cacheKey = this.#cacheKey({ ...item, key: item.prompt.key });
    if (item.cacheable) {
      const audio = await cache.get(cacheKey);
      if (audio) return ok({ audio, source: 'cache' as const });
    }
    const rendered = await this.#scheduler.run('live', () => engine.render(item.text, item.voice, item.rate));
    if (!rendered.ok) return err(rendered.error);
    // Written in the background: the resident hears the prompt without waiting for the disk.
    if (item.cacheable) {
      const write = cache.put(cacheKey, rendered.value).finally(() => this.#cacheWrites.delete(write));
      this.#cacheWrites.add(write);
    }
    return ok({ audio: rendered.value as PcmAudio, source: 'engine' as const });
  }

  #cacheKey(item: {
    key: string;
    language: Language;
    voice: EngineVoice;
    rate: number;
    text: string;
  }): PromptCacheKey {
    return { engine: this.#deps.engine.name, ...item };
  }
}
