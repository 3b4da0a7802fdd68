// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdentifyView } from '../../../electron/rpc/flows/identify_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { currentAnnouncement, useAnnouncements } from '../../a11y/announcements.js';
import { FocusManager } from '../../a11y/focus_manager.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { IdentifyScreens } from './identify_screens.js';

/**
 * The identify stages without sight (issue 14): what each stage announces, and the tactile keypad on them through
 * the same focus manager the app runs (speech is followed by message key; nothing is heard in a unit test).
 */
const purpose = 'collect-document' as const;
const accepted = { ok: true };
let spoken: Prompt[][];
let manager: FocusManager;

function show(view: IdentifyView, rpc: ReturnType<typeof strictRpcClient>) {
  render(
    <div className="kiosk">
      <RpcContext.Provider value={rpc.client}>
        <I18nextProvider i18n={createI18n('en')}>
          <IdentifyScreens view={view} />
        </I18nextProvider>
      </RpcContext.Provider>
    </div>,
  );
}

const announced = () => (currentAnnouncement(useAnnouncements.getState())?.prompts ?? []).map((p) => p.key);
const press = (...keys: Parameters<FocusManager['press']>[0][]) =>
  act(async () => {
    for (const key of keys) manager.press(key);
  });
const focused = () => document.querySelector('[data-keypad-focus]')?.getAttribute('data-testid');

beforeEach(() => {
  spoken = [];
  manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
});
afterEach(() => cleanup());

describe('identify without sight', () => {
  it('place: says where the resident is, what for, each way to identify, and that there is nothing to press', () => {
    show(
      { stage: 'place', purpose, methods: ['document', 'macao-one-account'], notice: null },
      strictRpcClient({}),
    );
    expect(announced()).toEqual([
      'identify:stageTitle.place',
      'identify:purpose.collect-document',
      'identify:place.method.document.title',
      'identify:place.method.document.how',
      'identify:place.method.macao-one-account.title',
      'identify:place.method.macao-one-account.how',
      'identify.keys.place',
    ]);
  });

  it('confirm: never speaks the name or number; Enter confirms, the arrows reach Not me, Back goes back', async () => {
    const rpc = strictRpcClient({ 'identify.confirm': accepted, 'identify.back': accepted });
    show(
      {
        stage: 'confirm',
        purpose,
        document: 'passport',
        face: null,
        name: 'CHAN T** M**',
        documentNumber: 'M*****678',
        pinNext: true,
      },
      rpc,
    );
    const said = JSON.stringify(useAnnouncements.getState());
    expect(said).not.toContain('CHAN');
    expect(said).not.toContain('678');
    expect(announced()).toEqual([
      'identify:stageTitle.confirm',
      'identify:purpose.collect-document',
      'identify:confirm.question',
      'identify:confirm.document.passport',
      'identify.confirmUnseen',
      'identify.keys.confirm',
    ]);
    await press('down', 'down');
    expect(focused()).toBe('identify-confirm');
    expect(spoken.map((p) => p[0]?.key)).toEqual(['identify:confirm.no', 'identify:confirm.yes']);
    await press('down');
    expect(focused()).toBe('identify-cancel');
    await press('down');
    expect(focused()).toBe('identify-back');
    await press('enter');
    await press('back');
    expect(rpc.calls.map((c) => c.method)).toEqual(['identify.back', 'identify.back']);
    manager.release();
    await press('enter');
    expect(rpc.calls.map((c) => c.method)).toEqual(['identify.back', 'identify.back', 'identify.confirm']);
  });

  it('pin: the digit keys type into the pad, the count is spoken and never a digit, Enter sends the PIN once', async () => {
    const rpc = strictRpcClient({ 'identify.submitPin': accepted });
    show({ stage: 'pin', purpose, attemptsLeft: 2 }, rpc);
    expect(announced()).toEqual([
      'identify:stageTitle.pin',
      'identify:purpose.collect-document',
      'identify:pin.prompt',
      'identify:pin.attemptsLeft',
      'identify.keys.pin',
    ]);
    await press('1', '2', '3', '4', '5');
    await press('enter');
    // Five digits: OK is not available yet, so Enter only says where the focus is.
    expect(rpc.calls).toEqual([]);
    await press('6', '7');
    expect(spoken.filter((p) => p[0]?.key === 'pinPad.progress').map((p) => p[0]?.values)).toEqual([
      { count: 1 },
      { count: 2 },
      { count: 3 },
      { count: 4 },
      { count: 5 },
      { count: 6 },
      { count: 6 },
    ]);
    expect(JSON.stringify(spoken)).not.toMatch(/"[1-7]"/);
    await press('enter');
    expect(rpc.calls).toEqual([{ method: 'identify.submitPin', params: { pin: '123456' } }]);
    expect(document.querySelector('[data-testid="pin-display"]')?.textContent).toBe('○○○○○○');
  });

  it('refused: speaks the reason, when to try again, and Enter retries', async () => {
    const rpc = strictRpcClient({ 'identify.retry': accepted });
    show(
      {
        stage: 'refused',
        purpose,
        reason: 'pin-locked',
        lockedUntil: '2026-12-02T09:30:00.000Z',
        retry: true,
      },
      rpc,
    );
    const prompts = currentAnnouncement(useAnnouncements.getState())?.prompts ?? [];
    expect(prompts.map((p) => p.key)).toEqual([
      'identify:stageTitle.refused',
      'identify:purpose.collect-document',
      'identify:refused.reason.pin-locked.title',
      'identify:refused.reason.pin-locked.body',
      'identify:refused.lockedUntil',
      'identify.keys.refusedRetry',
    ]);
    // The time on Macau's clock, as the screen shows it.
    expect(prompts[4]?.values).toEqual({ time: '17:30' });
    await press('enter');
    expect(rpc.calls.map((c) => c.method)).toEqual(['identify.retry']);
  });
});
