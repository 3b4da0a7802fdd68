import { expect } from '@playwright/test';
import type { KeypadKeyEvent } from '../../../electron/rpc/guidance_contract.js';
import type { KioskHost } from './kiosk_host.js';

/** The tactile keypad and what audio guidance said, for specs that follow a person who cannot see the screen. */

export interface Spoken {
  key: string;
  language: string;
}

/** Every prompt audio guidance spoke so far on this host, in order (the e2e kiosk's speaker is silent). */
export async function spokenOn(host: KioskHost): Promise<Spoken[]> {
  const frame = await host.call('dev.spokenPrompts', {});
  return frame.ok ? (frame.value as Spoken[]) : [];
}

/** Presses a key of the simulated keypad (its HID reports go through the real driver). */
export async function pressOn(host: KioskHost, key: KeypadKeyEvent['key']): Promise<void> {
  expect(await host.call('dev.simulate', { action: 'key', deviceId: 'keypad', key })).toMatchObject({
    ok: true,
    value: { ok: true },
  });
}
