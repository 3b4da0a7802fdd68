import type { KeypadPress } from '../../devices/keypad/index.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { SessionService } from '../services/session_service.js';
import type { SpeechService } from './speech_service.js';

/**
 * What the main process does with a key of the tactile keypad before the screen sees it:
 * - the first key a resident presses turns audio guidance on (EN 301 549 §5.1.3: closed functionality must speak
 *   without being asked through the screen). That press only wakes guidance — the screen announces itself — so
 *   a sighted person leaning on Enter never picks something they did not hear;
 * - with no session, a key arms guidance for a minute so the attract or out-of-service screen can speak, and a
 *   session started in that minute (Enter on the attract screen) starts with audio guidance on;
 * - the volume keys set the session's volume and say the new level; they never reach the screen;
 * - every other key restarts the idle timer (as a touch does) and goes to the renderer as `keypad.key`, where the
 *   focus manager moves, activates, goes back or opens Help.
 */
export class KeypadGuidance {
  readonly #offs: (() => void)[];
  #lastSessionId: string | null = null;

  constructor(
    devices: DeviceHub,
    private readonly session: SessionService,
    private readonly speech: SpeechService,
    private readonly bus: EventBus,
  ) {
    this.#offs = [
      devices.onKeypad((_deviceId, press) => this.press(press)),
      // A session started with the keypad (Enter on the attract screen) starts with audio guidance on.
      bus.subscribe((event) => {
        if (event !== 'session.changed') return;
        const id = this.session.activeSessionId;
        if (id === null || id === this.#lastSessionId) return;
        this.#lastSessionId = id;
        // After this event has reached every listener: changing the session inside it would send the renderer
        // the newer view (audio on) before the one being delivered (audio off).
        if (this.speech.takeArming())
          queueMicrotask(() => this.session.setAccessibility({ audio: { on: true } }));
      }),
    ];
  }

  press({ key }: KeypadPress): void {
    const view = this.session.view();
    if (view.phase !== 'active') {
      const wake = !this.speech.armed;
      this.speech.arm();
      if (key !== 'volume-up' && key !== 'volume-down') this.bus.emit('keypad.key', { key, wake });
      return;
    }
    const audio = view.accessibility.audio;
    this.session.touch();
    if (!audio.on) {
      this.session.setAccessibility({ audio: { on: true } });
      this.bus.emit('keypad.key', { key, wake: true });
      return;
    }
    if (key === 'volume-up' || key === 'volume-down') {
      const volume = Math.min(10, Math.max(1, audio.volume + (key === 'volume-up' ? 1 : -1)));
      this.session.setAccessibility({ audio: { volume } });
      this.speech.say([{ key: 'volume.level', values: { level: volume } }], 'replace');
      return;
    }
    this.bus.emit('keypad.key', { key, wake: false });
  }

  close(): void {
    for (const off of this.#offs) off();
  }
}
