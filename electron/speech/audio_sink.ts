import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { err, ok, type Result } from '../../lib/result.js';

/**
 * Where spoken audio goes: the kiosk's speaker (or the headphone jack, which the sound card switches to when
 * plugged), through whichever player the machine has. The main process plays it, not the renderer:
 * - it works the same in Electron and in browser mode (the main process is the same Node program in both), with no
 *   audio crossing the RPC door, no media permission, no autoplay policy and no CSP change in the renderer;
 * - the session ends in the main process, so speech stops there at once, even when the renderer is reloading;
 * - the player is the machine's (PipeWire, PulseAudio or plain ALSA), so the site's mixer and jack switching apply.
 * WAV bytes go to the player's stdin; one player process per prompt.
 */
export type SinkError = { code: 'player-failed'; detail: string };

export interface Playback {
  /** Resolves when the audio has played out, or was stopped (`ok`), or the player failed. */
  done: Promise<Result<void, SinkError>>;
  stop(): void;
}

export interface AudioSink {
  /** `player` for staff and logs: which program plays, or `none`. */
  readonly name: string;
  /** Starts playing `wav`; `onFirstSample` is called when the player runs with the audio in its input. */
  play(wav: Uint8Array, onFirstSample: () => void): Playback;
}

/** The players the kiosk knows, in the order `auto` tries them, with the arguments that read WAV from stdin. */
export const players = {
  'pw-play': ['-'],
  paplay: [],
  aplay: ['-q', '-'],
} as const satisfies Record<string, readonly string[]>;
export type PlayerName = keyof typeof players;

function onPath(program: string, path = process.env.PATH ?? ''): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The first player on the PATH, or undefined on a machine without one. */
export function findPlayer(
  candidates: readonly PlayerName[] = ['pw-play', 'paplay', 'aplay'],
): PlayerName | undefined {
  return candidates.find((name) => onPath(name));
}

export class PlayerSink implements AudioSink {
  constructor(
    readonly name: string,
    private readonly args: readonly string[],
  ) {}

  static of(player: PlayerName, extraArgs: readonly string[] = []): PlayerSink {
    return new PlayerSink(player, [...extraArgs, ...players[player]]);
  }

  play(wav: Uint8Array, onFirstSample: () => void): Playback {
    const child = spawn(this.name, [...this.args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stopped = false;
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {});
    const done = new Promise<Result<void, SinkError>>((resolve) => {
      child.on('error', (error) => resolve(err({ code: 'player-failed', detail: error.message })));
      // 'exit', not 'close': a player's own children may hold its pipes open after it was stopped.
      child.on('exit', (code) => {
        if (code === 0 || stopped) resolve(ok());
        else {
          const detail = Buffer.concat(stderr).toString('utf8').trim().slice(0, 200);
          resolve(err({ code: 'player-failed', detail: `${this.name} exit ${code}: ${detail}` }));
        }
      });
    });
    // The first sample counts as handed over once the player runs with the audio waiting in its pipe.
    child.once('spawn', onFirstSample);
    child.stdin.write(wav, () => {});
    child.stdin.end();
    return {
      done,
      stop: () => {
        stopped = true;
        child.kill('SIGTERM');
      },
    };
  }
}

/**
 * No speaker: the audio is taken and dropped, at once or (`paced`) in the time it would take to play. For CI and
 * end-to-end tests, which follow speech by its message keys, and for a kiosk whose player is missing (reported).
 */
export class SilentSink implements AudioSink {
  readonly name = 'none';

  constructor(
    private readonly paced = false,
    private readonly durationOf: (wav: Uint8Array) => number = () => 0,
  ) {}

  play(wav: Uint8Array, onFirstSample: () => void): Playback {
    onFirstSample();
    if (!this.paced) return { done: Promise.resolve(ok()), stop: () => {} };
    let finish: () => void = () => {};
    const done = new Promise<Result<void, SinkError>>((resolve) => {
      const timer = setTimeout(() => resolve(ok()), this.durationOf(wav));
      finish = () => {
        clearTimeout(timer);
        resolve(ok());
      };
    });
    return { done, stop: () => finish() };
  }
}
