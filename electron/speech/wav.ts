import { err, ok, type Result } from '../../lib/result.js';

/**
 * 16-bit PCM WAV, the one audio format the speech pipeline handles: espeak-ng writes it, a site's recorded prompts
 * come in it, and every player (aplay, paplay, pw-play) takes it on stdin. espeak-ng's `--stdout` writes a
 * streaming header (RIFF and data sizes 0x7FFFFFFF, it cannot seek back), so the parser trusts the bytes it has,
 * not the sizes, and `encodeWav` writes a header with the real ones before a prompt is cached.
 */

export interface PcmAudio {
  sampleRate: number;
  channels: number;
  /** Interleaved 16-bit samples. */
  samples: Int16Array;
}

export type WavError = { code: 'not-wav' | 'unsupported-format' | 'truncated'; detail: string };

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

export function parseWav(bytes: Uint8Array): Result<PcmAudio, WavError> {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') {
    return err({ code: 'not-wav', detail: 'no RIFF/WAVE header' });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { sampleRate: number; channels: number } | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) return err({ code: 'truncated', detail: 'fmt chunk' });
      const encoding = view.getUint16(body, true);
      const bits = view.getUint16(body + 14, true);
      // 1 = PCM; 0xFFFE = WAVE_FORMAT_EXTENSIBLE, which recorders use for plain PCM too.
      if ((encoding !== 1 && encoding !== 0xfffe) || bits !== 16) {
        return err({
          code: 'unsupported-format',
          detail: `format ${encoding}, ${bits} bits (16-bit PCM only)`,
        });
      }
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true) };
      if (
        format.channels < 1 ||
        format.channels > 2 ||
        format.sampleRate < 8000 ||
        format.sampleRate > 96000
      ) {
        return err({
          code: 'unsupported-format',
          detail: `${format.channels} ch at ${format.sampleRate} Hz`,
        });
      }
    } else if (id === 'data') {
      if (!format) return err({ code: 'not-wav', detail: 'data before fmt' });
      // A streaming header's size runs past the end: the samples are what is there.
      const end = Math.min(bytes.length, body + size);
      const usable = (end - body) & ~1;
      const samples = new Int16Array(usable / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + i * 2, true);
      return ok({ ...format, samples });
    }
    at = body + size + (size & 1);
  }
  return err({ code: 'truncated', detail: 'no data chunk' });
}

export function encodeWav(audio: PcmAudio): Uint8Array {
  const dataBytes = audio.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, audio.channels, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * audio.channels * 2, true);
  view.setUint16(32, audio.channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < audio.samples.length; i++) view.setInt16(44 + i * 2, audio.samples[i]!, true);
  return bytes;
}

export function durationMs(audio: PcmAudio): number {
  return (audio.samples.length / audio.channels / audio.sampleRate) * 1000;
}

/**
 * The resident's volume, 1 (quiet) to 10 (full), as a gain: 3 dB a step, so each press of the volume key sounds
 * like the same change. Applied to the samples, because the players (aplay above all) have no volume option and
 * the system mixer belongs to the kiosk, not to one resident.
 */
export function gainOf(volume: number): number {
  return 10 ** (((Math.min(10, Math.max(1, volume)) - 10) * 3) / 20);
}

export function withGain(audio: PcmAudio, gain: number): PcmAudio {
  if (gain === 1) return audio;
  const samples = new Int16Array(audio.samples.length);
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.max(-32768, Math.min(32767, Math.round(audio.samples[i]! * gain)));
  }
  return { ...audio, samples };
}
