// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { FlowHost } from '../flow_host.js';

const service = 'locker-pickup' as const;

function show(flow: FlowView, rpc: ReturnType<typeof strictRpcClient>, language: Language = 'en') {
  const ui = (v: FlowView) => (
    <RpcContext.Provider value={rpc.client}>
      <I18nextProvider i18n={createI18n(language)}>
        <FlowHost flow={v} />
      </I18nextProvider>
    </RpcContext.Provider>
  );
  const rendered = render(ui(flow));
  return (next: FlowView) => rendered.rerender(ui(next));
}
const tap = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
const accepted = { ok: true };

describe('Smart Locker pickup screens', () => {
  afterEach(() => cleanup());

  it('scan: Type the digits sends its intent and nothing else', async () => {
    const rpc = strictRpcClient({ 'locker-pickup.typeDigits': accepted });
    show({ service, step: 'scan' }, rpc, 'zh-Hant');
    expect(screen.getByTestId('pickup-scan').textContent).toContain('二維碼');
    await tap('pickup-type-digits');
    expect(rpc.calls).toEqual([{ method: 'locker-pickup.typeDigits', params: {} }]);
  });

  it('type: the digits show in groups of four, OK waits for all 12, then sends them once', async () => {
    const rpc = strictRpcClient({ 'locker-pickup.submitDigits': accepted });
    show({ service, step: 'type', mistyped: false }, rpc);
    for (const digit of '12345678901') await tap(`pin-${digit}`);
    expect(screen.getByTestId('digits-display').textContent).toBe('1234 5678 901');
    expect((screen.getByTestId('pin-ok') as HTMLButtonElement).disabled).toBe(true);
    await tap('pin-8');
    await tap('pin-ok');
    expect(rpc.calls).toEqual([{ method: 'locker-pickup.submitDigits', params: { digits: '123456789018' } }]);
    expect(screen.getByTestId('digits-display').textContent).toBe('12 digits');
  });

  it('type: a mistyped code is said on the keypad', () => {
    show({ service, step: 'type', mistyped: true }, strictRpcClient({}), 'pt');
    expect(screen.getByTestId('pickup-mistyped').textContent).toContain('talão');
  });

  it('refused: each reason has its own words, the keypad wait its time; Try again and Finish send their intents', async () => {
    const rpc = strictRpcClient({ 'locker-pickup.tryAgain': accepted, 'locker-pickup.finish': accepted });
    const rerender = show({ service, step: 'refused', reason: 'forged', typed: false, retryAt: null }, rpc);
    expect(screen.getByTestId('pickup-reason-forged')).toBeTruthy();
    expect(screen.queryByTestId('pickup-wait')).toBeNull();
    rerender({
      service,
      step: 'refused',
      reason: 'unknown',
      typed: true,
      retryAt: '2026-12-02T14:30:00.000Z',
    });
    expect(screen.getByTestId('pickup-wait').textContent).toMatch(/10:30:00\sPM/);
    await tap('pickup-try-again');
    await tap('pickup-finish');
    expect(rpc.calls.map((c) => c.method)).toEqual(['locker-pickup.tryAgain', 'locker-pickup.finish']);
  });

  it('open and left open: the compartment in large print, Back and Cancel disabled', () => {
    const rerender = show({ service, step: 'open', compartment: 'A01' }, strictRpcClient({}), 'zh-Hans');
    expect(screen.getByTestId('pickup-compartment').textContent).toBe('A01');
    expect((screen.getByTestId('pickup-cancel') as HTMLButtonElement).disabled).toBe(true);
    rerender({ service, step: 'left-open', compartment: 'A01' });
    expect(screen.getByTestId('pickup-left-open').textContent).toContain('工作人员');
  });

  it('done: says when the record is left to the kiosk or to staff', () => {
    const rerender = show(
      { service, step: 'done', compartment: 'A01', record: 'recorded', receipt: 'none' },
      strictRpcClient({}),
    );
    expect(screen.queryByTestId('pickup-record-later')).toBeNull();
    rerender({ service, step: 'done', compartment: 'A01', record: 'later', receipt: 'none' });
    expect(screen.getByTestId('pickup-record-later')).toBeTruthy();
    rerender({ service, step: 'done', compartment: 'A01', record: 'staff', receipt: 'none' });
    expect(screen.getByTestId('pickup-record-staff')).toBeTruthy();
  });
});
