import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KioskConfig } from '../config/config_schema.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { Clock } from '../services/clock.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { SessionService } from '../services/session_service.js';
import { type AudioSink, findPlayer, type PlayerName, PlayerSink, SilentSink } from './audio_sink.js';
import { EspeakEngine } from './espeak_engine.js';
import { KeypadGuidance } from './keypad_guidance.js';
import { PromptCache } from './prompt_cache.js';
import { RecordedPrompts } from './recorded_prompts.js';
import { SpeechCatalogue } from './speech_catalogue.js';
import type { SpeechEngine } from './speech_engine.js';
import type { SpeechNamespace } from './speech_resources.js';
import { SpeechService } from './speech_service.js';

/** What the hosts and tests may replace: the speaker (tests use a silent one) and the engine. */
export interface SpeechOptions {
  sink?: AudioSink;
  engine?: SpeechEngine;
}

/**
 * The languages' screens' words that are rendered ahead at start-up: everything audio guidance says by itself
 * (speech, a11y) and the screen messages it reads out. Dev-dock labels, device names and printed-document text are
 * never spoken, so they are not rendered.
 */
const spokenScreenPrefixes = ['service.', 'idle.', 'outOfService.', 'print.', 'language.', 'accessibility.'];
function isSpokenAhead(namespace: SpeechNamespace, key: string): boolean {
  switch (namespace) {
    case 'speech':
      return true;
    case 'a11y':
      return key.startsWith('help.') || key.startsWith('audio.');
    case 'common':
      return spokenScreenPrefixes.some((prefix) => key.startsWith(prefix));
    // A flow's namespace holds its screens' words: all of them are read out.
    case 'home':
    case 'identify':
    case 'input':
    case 'book-appointment':
    case 'booking':
    case 'check-in':
    case 'collect-document':
    case 'proof-of-identity':
    case 'check-proof':
    case 'locker-pickup':
    case 'locker-apply':
    case 'publications':
    case 'staff-sign-in':
      return true;
    // Staff screens are rare and their words many: only the tools' names are rendered ahead.
    case 'maintenance':
      return key.startsWith('tool.');
    // The publications tools' words are figures and labels read on demand: none is rendered ahead.
    case 'publications-maintenance':
      return false;
    default: {
      const unreachable: never = namespace;
      return unreachable;
    }
  }
}

export interface Speech {
  service: SpeechService;
  keypad: KeypadGuidance;
  /** The player in use (`none` when there is no speaker), for logs and staff. */
  output: string;
  /** Indexes the recorded prompts and renders the screens' words ahead, in the background. */
  warmUp(): Promise<{ recorded: number; rendered: number }>;
  close(): void;
}

function cacheDirOf(config: KioskConfig): string {
  if (config.speech.cacheDir) return config.speech.cacheDir;
  if (config.journal.path === ':memory:') return join(tmpdir(), `balcao-speech-${config.terminal.id}`);
  return join(dirname(config.journal.path), 'speech-cache');
}

function sinkOf(config: KioskConfig, logger: KioskLogger): AudioSink {
  const wanted = config.speech.output;
  if (wanted === 'none') return new SilentSink();
  const player: PlayerName | undefined = wanted === 'auto' ? findPlayer() : findPlayer([wanted]);
  if (player) return PlayerSink.of(player);
  logger.log('speech-player-missing', { output: wanted });
  return new SilentSink();
}

export function createSpeech(
  config: KioskConfig,
  deps: { session: SessionService; bus: EventBus; clock: Clock; devices: DeviceHub; logger: KioskLogger },
  options: SpeechOptions = {},
): Speech {
  const { logger } = deps;
  const catalogue = new SpeechCatalogue();
  const sink = options.sink ?? sinkOf(config, logger);
  const service = new SpeechService({
    engine: options.engine ?? new EspeakEngine(),
    catalogue,
    cache: new PromptCache(cacheDirOf(config), config.speech.cacheMegabytes * 1024 * 1024),
    recorded: RecordedPrompts.none(),
    sink,
    session: deps.session,
    bus: deps.bus,
    clock: deps.clock,
    defaultLanguage: config.languages.default,
    onProblem: (problem) => logger.log('speech-prompt-failed', problem),
  });
  const keypad = new KeypadGuidance(deps.devices, deps.session, service, deps.bus);
  const closing = new AbortController();
  return {
    service,
    keypad,
    output: sink.name,
    async warmUp() {
      let recorded = 0;
      if (config.speech.recordedPromptsDir) {
        const prompts = await RecordedPrompts.load(config.speech.recordedPromptsDir, (key) =>
          catalogue.has(key),
        );
        for (const problem of prompts.problems) logger.log('speech-recorded-prompt-skipped', { ...problem });
        service.setRecordedPrompts(prompts);
        recorded = prompts.count;
      }
      const rendered = config.speech.prerender
        ? await service.prerender(
            catalogue.staticKeys(isSpokenAhead),
            config.languages.offered,
            closing.signal,
          )
        : 0;
      if (!closing.signal.aborted) logger.log('speech-ready', { recorded, rendered, output: sink.name });
      return { recorded, rendered };
    },
    close() {
      closing.abort();
      service.stop();
      keypad.close();
    },
  };
}
