// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentifyView } from '../../../electron/rpc/flows/identify_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { IdentifyScreens } from './identify_screens.js';

/** A 1×1 JPEG is enough for an <img>; the real face comes from the chip through the main process. */
const face = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';
const purpose = 'collect-document' as const;

function show(view: IdentifyView, rpc: ReturnType<typeof strictRpcClient>, language: Language = 'en') {
  const ui = (v: IdentifyView) => (
    <RpcContext.Provider value={rpc.client}>
      <I18nextProvider i18n={createI18n(language)}>
        <IdentifyScreens view={v} />
      </I18nextProvider>
    </RpcContext.Provider>
  );
  const rendered = render(ui(view));
  return (next: IdentifyView) => rendered.rerender(ui(next));
}

const tap = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
const accepted = { ok: true };

describe('identify screens', () => {
  afterEach(() => cleanup());

  it('place: shows each accepted way and the notice; Back and Cancel send their intents and nothing else', async () => {
    const rpc = strictRpcClient({ 'identify.back': accepted, 'identify.cancel': accepted });
    show({ stage: 'place', purpose, methods: ['document', 'macao-one-account'], notice: 'not-me' }, rpc);
    expect(screen.getByTestId('identify-method-document').textContent).toContain('Passport or travel permit');
    expect(screen.getByTestId('identify-method-macao-one-account').textContent).toContain(
      'Macao One Account',
    );
    expect(screen.queryByTestId('identify-method-residence-permit')).toBeNull();
    expect(screen.getByTestId('identify-notice').textContent).toContain('take the document from the reader');
    expect(screen.getByText('To collect your document')).toBeTruthy();
    await tap('identify-back');
    await tap('identify-cancel');
    expect(rpc.calls).toEqual([
      { method: 'identify.back', params: {} },
      { method: 'identify.cancel', params: {} },
    ]);
    // The screen stays: the main process says where Back leads.
    expect(screen.getByTestId('identify-stage-place')).toBeTruthy();
  });

  it('each stage’s main region is named by its title, as every other step’s is', () => {
    show({ stage: 'place', purpose, methods: ['document'], notice: null }, strictRpcClient({}));
    const title = screen.getByRole('heading', { level: 1 }).textContent;
    expect(title).toBeTruthy();
    expect(screen.getByRole('main', { name: title ?? '' })).toBeTruthy();
  });

  it('confirm: the chip’s face beside the masked facts; each answer is one intent', async () => {
    const rpc = strictRpcClient({ 'identify.confirm': accepted, 'identify.notMe': accepted });
    const view: IdentifyView = {
      stage: 'confirm',
      purpose,
      document: 'passport',
      face,
      name: 'CHAN T** M**',
      documentNumber: 'M*****678',
      pinNext: true,
    };
    const rerender = show(view, rpc, 'pt');
    expect((screen.getByTestId('identify-face') as HTMLImageElement).src).toBe(face);
    expect(screen.getByTestId('identify-name').textContent).toBe('CHAN T** M**');
    expect(screen.getByTestId('identify-number').textContent).toBe('M*****678');
    expect(screen.getByTestId('identify-confirm').textContent).toBe('Sim, sou eu');
    await tap('identify-confirm');
    await tap('identify-not-me');
    expect(rpc.calls.map((c) => c.method)).toEqual(['identify.confirm', 'identify.notMe']);
    rerender({ ...view, face: null, document: 'residence-permit', name: '陳*文' });
    expect(screen.queryByTestId('identify-face')).toBeNull();
    expect(screen.getByTestId('identify-no-face')).toBeTruthy();
  });

  it('pin: the digits go once, in identify.submitPin, and leave the screen; attempts left are said', async () => {
    const rpc = strictRpcClient({ 'identify.submitPin': accepted });
    const rerender = show({ stage: 'pin', purpose, attemptsLeft: null }, rpc);
    for (const digit of '246810') await tap(`pin-${digit}`);
    await tap('pin-ok');
    expect(rpc.calls).toEqual([{ method: 'identify.submitPin', params: { pin: '246810' } }]);
    expect(document.body.textContent).not.toContain('246810');
    rerender({ stage: 'pin', purpose, attemptsLeft: 1 });
    expect(screen.getByTestId('identify-attempts-left').textContent).toContain('1 more try');
  });

  it('type-mrz: the three values typed on the keyboard go as one intent, with ISO dates', async () => {
    const rpc = strictRpcClient({ 'identify.submitMrz': accepted });
    show({ stage: 'type-mrz', purpose, problem: 'no-match' }, rpc);
    expect(screen.getByTestId('identify-mrz-problem')).toBeTruthy();
    expect((screen.getByTestId('identify-mrz-submit') as HTMLButtonElement).disabled).toBe(true);
    for (const key of 'MB2345678') await tap(`key-${key}`);
    await tap('identify-field-birthDate');
    for (const key of '15031990') await tap(`key-${key}`);
    expect(screen.getByTestId('identify-field-birthDate').textContent).toContain('15/03/1990');
    await tap('identify-field-expiryDate');
    for (const key of '20052033') await tap(`key-${key}`);
    await tap('identify-mrz-submit');
    expect(rpc.calls).toEqual([
      {
        method: 'identify.submitMrz',
        params: { documentNumber: 'MB2345678', birthDate: '1990-03-15', expiryDate: '2033-05-20' },
      },
    ]);
    // The typed values do not stay on the screen.
    expect(screen.getByTestId('identify-field-documentNumber').textContent).not.toContain('MB2345678');
  });

  it('refused: why and where to go, the time a locked PIN opens, and "Try again" only when it can help', async () => {
    const rpc = strictRpcClient({ 'identify.retry': accepted });
    const rerender = show(
      { stage: 'refused', purpose, reason: 'not-genuine', lockedUntil: null, retry: true },
      rpc,
    );
    expect(screen.getByTestId('identify-refused-not-genuine').textContent).toContain('(DSI)');
    await tap('identify-retry');
    expect(rpc.calls).toEqual([{ method: 'identify.retry', params: {} }]);
    rerender({
      stage: 'refused',
      purpose,
      reason: 'pin-locked',
      lockedUntil: '2026-12-01T15:40:00+08:00',
      retry: false,
    });
    expect(screen.getByTestId('identify-locked-until').textContent).toBe('You can try again from 15:40.');
    expect(screen.queryByTestId('identify-retry')).toBeNull();
  });

  it('reading and checking: a status for assistive technology; Back and Cancel wait while the PIN is checked', () => {
    const rpc = strictRpcClient({});
    const rerender = show({ stage: 'reading', purpose, method: 'document' }, rpc, 'zh-Hant');
    expect(screen.getByRole('status').textContent).toContain('切勿移動');
    rerender({ stage: 'checking-pin', purpose });
    expect((screen.getByTestId('identify-back') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('identify-cancel') as HTMLButtonElement).disabled).toBe(true);
  });
});
