import { spawn } from 'node:child_process';
import { err, type Result } from '../../lib/result.js';
import type { EngineVoice, SpeechEngine, SpeechEngineError } from './speech_engine.js';
import { type PcmAudio, parseWav } from './wav.js';

/**
 * espeak-ng (Debian package `espeak-ng`), offline, as the default engine. Its voices: `yue` (Cantonese, reads
 * Traditional characters), `cmn-latn-pinyin` for Mandarin, `pt` (Portugal, not `pt-br`), `en-gb` (the government's
 * English). Mandarin is not the plain `cmn` voice: its dictionary turns characters into tone-numbered pinyin, which
 * plain `cmn` then reads as English ("ni three hao three"); the `latn-pinyin` variant reads that pinyin as Mandarin
 * (espeak_engine.test.ts checks the phonemes).
 * Text goes in on stdin (never as an argument: no length limit, nothing shows in `ps`), UTF-8 (`-b 1`); 16-bit
 * mono WAV comes out on stdout. One process per prompt; the speech service renders one at a time.
 */

export const espeakVoice: Record<EngineVoice, string> = {
  yue: 'yue',
  cmn: 'cmn-latn-pinyin',
  pt: 'pt',
  en: 'en-gb',
};
/** espeak-ng's normal speed, in words per minute; it accepts 80–450. */
const normalWordsPerMinute = 175;

export interface EspeakOptions {
  /** The program; `espeak-ng` on the PATH by default. */
  command: string;
  timeoutMs: number;
}

export const defaultEspeakOptions: EspeakOptions = { command: 'espeak-ng', timeoutMs: 15_000 };

export function wordsPerMinute(ratePercent: number): number {
  return Math.round(Math.min(450, Math.max(80, (normalWordsPerMinute * ratePercent) / 100)));
}

export class EspeakEngine implements SpeechEngine {
  readonly name = 'espeak-ng';

  constructor(private readonly options: EspeakOptions = defaultEspeakOptions) {}

  render(
    text: string,
    voice: EngineVoice,
    ratePercent: number,
  ): Promise<Result<PcmAudio, SpeechEngineError>> {
    const args = ['-v', espeakVoice[voice], '-s', String(wordsPerMinute(ratePercent)), '-b', '1', '--stdout'];
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const stderr: Buffer[] = [];
      let settled = false;
      const finish = (result: Result<PcmAudio, SpeechEngineError>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const child = spawn(this.options.command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(
          err({ code: 'timeout', detail: `${this.options.command} took over ${this.options.timeoutMs} ms` }),
        );
      }, this.options.timeoutMs);
      child.on('error', (error: NodeJS.ErrnoException) =>
        finish(
          err({
            code: error.code === 'ENOENT' ? 'engine-missing' : 'engine-failed',
            detail: `${this.options.command}: ${error.message}`,
          }),
        ),
      );
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      // A closed stdin (the child died first) must not become an unhandled error.
      child.stdin.on('error', () => {});
      child.on('close', (code) => {
        if (code !== 0) {
          const detail = Buffer.concat(stderr).toString('utf8').trim().slice(0, 200);
          return finish(err({ code: 'engine-failed', detail: `exit ${code}: ${detail}` }));
        }
        const audio = parseWav(new Uint8Array(Buffer.concat(chunks)));
        finish(audio.ok ? audio : err({ code: 'bad-audio', detail: audio.error.detail }));
      });
      child.stdin.end(text, 'utf8');
    });
  }
}
