// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type LockerApplyFlowView,
  LockerApplyFlowViewSchema,
} from '../../../electron/rpc/flows/locker_apply_contract.js';
import { languages } from '../../../electron/rpc/languages.js';
import { FlowKeypad } from '../../../test/support/flow_keypad.js';
import { lockerApplyViews, sampleLockerService } from '../../../test/support/locker_apply_views.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { unspeakablePrompts } from '../../../test/support/unspeakable_prompts.js';
import { createI18n } from '../../i18n/i18n.js';

/**
 * Applying for Smart Locker pickup without sight (issue 14): what every step announces (title, content, keys), that
 * every word it or its actions would speak exists in the four languages, Help for every step, and the tactile
 * keypad on the steps through the focus manager the app runs.
 */
let keypad: FlowKeypad;
afterEach(() => cleanup());
const service = 'locker-apply' as const;
const step = <S extends LockerApplyFlowView['step']>(
  name: S,
  where: (v: LockerApplyFlowView) => boolean = () => true,
) => lockerApplyViews.find((v) => v.step === name && where(v)) as Extract<LockerApplyFlowView, { step: S }>;

describe('Smart Locker application without sight', () => {
  it.each(['en', 'zh-Hant'] as const)(
    'every step announces its title, content and keys, and every action is speakable (%s screen)',
    (language) => {
      keypad = new FlowKeypad();
      for (const view of lockerApplyViews) {
        keypad.show(view, strictRpcClient({}), language);
        const label = `${view.step} ${JSON.stringify(view).slice(0, 80)}`;
        const said = keypad.announced();
        expect(said.length, label).toBeGreaterThan(2);
        expect(said.at(-1), label).toMatch(/^locker-apply:keys\./);
        expect(unspeakablePrompts([...keypad.announcement(), ...keypad.actionPrompts()]), label).toEqual([]);
        expect(keypad.unmarkedButtons(), label).toEqual([]);
      }
    },
  );

  it('Help explains every step, in the four languages', () => {
    for (const language of languages) {
      const i18n = createI18n(language);
      for (const name of LockerApplyFlowViewSchema.options.map((o) => o.shape.step.value)) {
        const key = `a11y:help.step.locker-apply.${name}`;
        expect(i18n.exists(key, { lng: language, fallbackLng: false }), `${language} ${key}`).toBe(true);
      }
    }
  });

  it('the steps say what they show, in reading order: the facts to check, the number and the date, the slip', () => {
    keypad = new FlowKeypad();
    keypad.show(step('service'));
    expect(keypad.announced()).toEqual([
      'locker-apply:service.title',
      'locker-apply:service.lead',
      'locker-apply:keys.choose',
    ]);
    keypad.show(step('confirm'));
    expect(keypad.announced()).toEqual([
      'locker-apply:confirm.title',
      'locker-apply:spoken.name',
      'locker-apply:spoken.name',
      'locker-apply:spoken.address',
      'locker-apply:point.hours',
      'locker-apply:confirm.how',
      'locker-apply:keys.confirm',
    ]);
    expect(keypad.announcement()[4]?.values).toEqual({ hours: { key: 'locker-apply:point.allDay' } });
    keypad.show(step('confirm', (v) => v.step === 'confirm' && v.point.pointId === 'far'));
    expect(keypad.announcement()[4]?.values).toEqual({ hours: '08:00-22:00' });
    keypad.show(
      step('done', (v) => v.step === 'done' && v.slip === 'printed'),
      strictRpcClient({}),
      'pt',
    );
    expect(keypad.announced()).toEqual([
      'locker-apply:done.title',
      'locker-apply:spoken.reference',
      'locker-apply:spoken.ready',
      'locker-apply:spoken.name',
      'locker-apply:done.how',
      'locker-apply:done.slip.printed',
      'locker-apply:keys.finish',
    ]);
    expect(keypad.announcement()[1]?.values).toEqual({ reference: 'LA-7K2M9Q4X1B' });
    expect(keypad.announcement()[2]?.values).toEqual({ date: '5 de dezembro de 2026' });
    keypad.show({ service, step: 'failed', problem: 'unavailable', canRetry: true });
    expect(keypad.announced().at(-1)).toBe('locker-apply:keys.retry');
    keypad.show({ service, step: 'failed', problem: 'refused', canRetry: false });
    expect(keypad.announced().at(-1)).toBe('locker-apply:keys.finish');
  });

  it('loading and sending: a live status region named by the step, announced with "nothing to press"', () => {
    keypad = new FlowKeypad();
    keypad.show({ service, step: 'loading', what: 'points' });
    expect(screen.getByRole('status', { name: 'Smart Locker' }).textContent).toContain('Smart Locker points');
    expect(keypad.announced()).toEqual([
      'locker-apply:loading.title',
      'locker-apply:loading.points',
      'locker-apply:keys.waiting',
    ]);
    keypad.show({ service, step: 'sending' });
    expect(screen.getByRole('status', { name: 'Sending your application' }).getAttribute('aria-live')).toBe(
      'polite',
    );
    expect(keypad.announced()).toEqual([
      'locker-apply:sending.title',
      'locker-apply:sending.body',
      'locker-apply:keys.waiting',
    ]);
  });

  it('service: the arrows reach each service, said by its name; Enter chooses it', async () => {
    keypad = new FlowKeypad();
    const { rpc } = keypad.show(
      step('service'),
      strictRpcClient({ 'locker-apply.chooseService': { ok: true } }),
    );
    await keypad.press('down');
    expect(keypad.focused()).toBe(`apply-service-${sampleLockerService.serviceId}`);
    expect(keypad.spoken.at(-1)).toEqual([
      { key: 'locker-apply:spoken.name', values: { name: { text: sampleLockerService.name } } },
    ]);
    await keypad.press('enter');
    expect(rpc.calls).toEqual([
      { method: 'locker-apply.chooseService', params: { serviceId: sampleLockerService.serviceId } },
    ]);
  });

  it('point: a full point is reached and says why, but Enter there chooses nothing; the free one is chosen', async () => {
    keypad = new FlowKeypad();
    const { rpc } = keypad.show(step('point'), strictRpcClient({ 'locker-apply.choosePoint': { ok: true } }));
    await keypad.press('down');
    expect(keypad.focused()).toBe('apply-choose-here');
    expect(keypad.lastSaid()).toEqual([
      'locker-apply:spoken.name',
      'locker-apply:point.here',
      'locker-apply:point.free',
    ]);
    await keypad.press('down');
    expect(keypad.focused()).toBe('apply-choose-far');
    expect(keypad.lastSaid()).toEqual([
      'locker-apply:spoken.name',
      'locker-apply:point.distance',
      'locker-apply:point.full',
    ]);
    await keypad.press('enter');
    expect(rpc.calls).toEqual([]);
    await keypad.press('up', 'enter');
    expect(rpc.calls).toEqual([{ method: 'locker-apply.choosePoint', params: { pointId: 'here' } }]);
  });

  it('confirm: Enter applies; done: Enter finishes, Back too', async () => {
    keypad = new FlowKeypad();
    const confirm = keypad.show(step('confirm'), strictRpcClient({ 'locker-apply.apply': { ok: true } }));
    await keypad.press('enter');
    expect(confirm.rpc.calls.map((c) => c.method)).toEqual(['locker-apply.apply']);
    const done = keypad.show(
      step('done'),
      strictRpcClient({ 'locker-apply.finish': { ok: true }, 'locker-apply.back': { ok: true } }),
    );
    await keypad.press('enter');
    await keypad.press('back');
    expect(done.rpc.calls.map((c) => c.method)).toEqual(['locker-apply.finish', 'locker-apply.back']);
  });

  it("for a screen reader, each point's Choose says which point and whether it has room", () => {
    keypad = new FlowKeypad();
    keypad.show(step('point'));
    const far = screen.getByRole('button', { name: 'Choose Point far' });
    expect(far.getAttribute('aria-disabled')).toBe('true');
    expect(far.getAttribute('aria-describedby')).toBe('apply-point-state-far');
    expect(document.getElementById('apply-point-state-far')?.textContent).toContain('Full');
    expect(screen.getByRole('button', { name: 'Choose Point here' })).toBe(
      screen.getByTestId('apply-choose-here'),
    );
  });

  it('a failure with Try again: the arrows reach it before Finish', async () => {
    keypad = new FlowKeypad();
    const { rpc } = keypad.show(
      { service, step: 'failed', problem: 'outcome-unknown', canRetry: true },
      strictRpcClient({ 'locker-apply.tryAgain': { ok: true } }),
    );
    await keypad.press('down');
    expect(keypad.focused()).toBe('apply-try-again');
    await keypad.press('enter');
    expect(rpc.calls.map((c) => c.method)).toEqual(['locker-apply.tryAgain']);
  });
});
