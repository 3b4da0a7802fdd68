import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav, type PcmAudio, parseWav } from './wav.js';

/**
 * Rendered prompts on disk, so a screen's words play at once instead of waiting for the engine: one WAV file per
 * (engine, voice, rate, language, message key, text). The text is part of the key, so a prompt with values (a queue
 * number) is cached per value, and an edited translation is rendered again instead of served stale. Bounded: past
 * `maxBytes` the least recently played files go first. Files are written under a temporary name and renamed, so a
 * power cut never leaves a half prompt that would play as noise. The folder holds no personal data: prompts with a
 * resident's values are never cached (the speech service decides; see speech_service.ts).
 */
export interface PromptCacheKey {
  engine: string;
  voice: string;
  rate: number;
  language: string;
  key: string;
  text: string;
}

interface Entry {
  bytes: number;
  usedAt: number;
}

export class PromptCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  #ready: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads what an earlier run left (its sizes and last use), once. Never throws: an unreadable folder is empty. */
  open(): Promise<void> {
    this.#ready ??= (async () => {
      try {
        await mkdir(this.dir, { recursive: true });
        for (const name of await readdir(this.dir)) {
          const path = join(this.dir, name);
          if (name.endsWith('.tmp')) {
            await unlink(path).catch(() => {});
            continue;
          }
          if (!name.endsWith('.wav')) continue;
          const info = await stat(path).catch(() => undefined);
          if (!info) continue;
          this.#entries.set(name.slice(0, -4), { bytes: info.size, usedAt: info.mtimeMs });
          this.#bytes += info.size;
        }
        await this.#evict();
      } catch {
        // A cache that cannot be read is an empty cache: prompts are rendered on demand.
      }
    })();
    return this.#ready;
  }

  static idOf(key: PromptCacheKey): string {
    return createHash('sha256')
      .update([key.engine, key.voice, key.rate, key.language, key.key, key.text].join('\n'))
      .digest('hex')
      .slice(0, 40);
  }

  get size(): { files: number; bytes: number } {
    return { files: this.#entries.size, bytes: this.#bytes };
  }

  has(key: PromptCacheKey): boolean {
    return this.#entries.has(PromptCache.idOf(key));
  }

  async get(key: PromptCacheKey): Promise<PcmAudio | undefined> {
    await this.open();
    const id = PromptCache.idOf(key);
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const bytes = await readFile(join(this.dir, `${id}.wav`)).catch(() => undefined);
    const audio = bytes ? parseWav(new Uint8Array(bytes)) : undefined;
    if (!audio?.ok) {
      this.#forget(id);
      return undefined;
    }
    entry.usedAt = this.now();
    // The last use survives a restart through the file's mtime; a failure only makes eviction less exact.
    const at = new Date(entry.usedAt);
    void utimes(join(this.dir, `${id}.wav`), at, at).catch(() => {});
    return audio.value;
  }

  async put(key: PromptCacheKey, audio: PcmAudio): Promise<void> {
    await this.open();
    const id = PromptCache.idOf(key);
    const bytes = encodeWav(audio);
    if (bytes.length > this.maxBytes) return;
    const path = join(this.dir, `${id}.wav`);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch {
      await unlink(temporary).catch(() => {});
      return;
    }
    const previous = this.#entries.get(id);
    if (previous) this.#bytes -= previous.bytes;
    this.#entries.set(id, { bytes: bytes.length, usedAt: this.now() });
    this.#bytes += bytes.length;
    await this.#evict();
  }

  async #evict(): Promise<void> {
    if (this.#bytes <= this.maxBytes) return;
    const oldestFirst = [...this.#entries].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [id] of oldestFirst) {
      if (this.#bytes <= this.maxBytes) break;
      this.#forget(id);
      await unlink(join(this.dir, `${id}.wav`)).catch(() => {});
    }
  }

  #forget(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
  }
}
