// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type { ProofVerdict } from '../../../electron/rpc/flows/check_proof_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { FlowHost } from '../flow_host.js';

const service = 'check-proof' as const;
const issue = {
  verificationCode: 'ABCD-EFGH-JKMN',
  terminalId: 'MO-CP-07',
  issuedAt: '2026-11-30T10:15:00+08:00',
};
const facts = {
  documentType: 'passport',
  documentNumberMasked: 'MB****678',
  nameMasked: 'CHAN T** M**',
} as const;

function show(flow: FlowView, rpc: ReturnType<typeof strictRpcClient>, language: Language = 'en') {
  return render(
    <RpcContext.Provider value={rpc.client}>
      <I18nextProvider i18n={createI18n(language)}>
        <FlowHost flow={flow} />
      </I18nextProvider>
    </RpcContext.Provider>,
  );
}
const tap = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
const accepted = { ok: true };

describe('check a printed proof screens', () => {
  afterEach(() => cleanup());

  it('scan: where to hold the proof, and why a code was not taken', () => {
    show({ service, step: 'scan', notice: 'not-a-proof' }, strictRpcClient({}), 'pt');
    expect(screen.getByTestId('check-proof-scan').textContent).toContain('código QR da prova impressa');
    expect(screen.getByTestId('check-proof-notice').textContent).toContain('não é o código QR');
  });

  it('genuine: the masked facts, who issued it and when; Finish and Check another send their intents', async () => {
    const rpc = strictRpcClient({ 'check-proof.again': accepted, 'check-proof.finish': accepted });
    show({ service, step: 'result', result: { verdict: 'genuine', ...issue, facts } }, rpc, 'zh-Hant');
    const verdict = screen.getByTestId('check-proof-verdict');
    expect(verdict.getAttribute('data-verdict')).toBe('genuine');
    for (const text of [
      '證明真確',
      'CHAN T** M**',
      'MB****678',
      '護照',
      'MO-CP-07',
      'ABCD-EFGH-JKMN',
      '2026',
    ])
      expect(screen.getByTestId('check-proof-result-genuine').textContent).toContain(text);
    await tap('check-proof-again');
    await tap('check-proof-finish');
    expect(rpc.calls.map((c) => c.method)).toEqual(['check-proof.again', 'check-proof.finish']);
  });

  it('every refusal says so plainly, with what to do next, and shows no facts it does not carry', () => {
    const refusals: ProofVerdict[] = [
      { verdict: 'forged' },
      { verdict: 'altered', verificationCode: issue.verificationCode },
      { verdict: 'unknown-key', terminalId: 'MO-XX-99' },
      { verdict: 'revoked', ...issue, revokedAt: '2026-12-01T09:00:00+08:00' },
      { verdict: 'expired', ...issue, facts, documentExpiredOn: '2024-01-31' },
      { verdict: 'key-revoked', terminalId: 'MO-CP-07', keyRevokedAt: '2026-12-01T09:00:00+08:00' },
      { verdict: 'outside-key-validity', terminalId: 'MO-CP-07', issuedAt: issue.issuedAt },
    ];
    for (const result of refusals) {
      const { unmount } = show({ service, step: 'result', result }, strictRpcClient({}));
      const verdict = screen.getByTestId('check-proof-verdict');
      expect(verdict.className).toContain('check-proof__verdict--refused');
      expect(verdict.querySelector('[role="alert"]')).toBeTruthy();
      expect(verdict.textContent).toMatch(/Do not accept|Do not rely/);
      if (!('facts' in result)) expect(verdict.textContent).not.toContain('CHAN');
      unmount();
    }
  });

  it('problem: Retry sends its intent; checking: Back and Cancel wait', async () => {
    const rpc = strictRpcClient({ 'check-proof.retry': accepted });
    const { unmount } = show({ service, step: 'problem' }, rpc);
    await tap('check-proof-retry');
    expect(rpc.calls.map((c) => c.method)).toEqual(['check-proof.retry']);
    unmount();
    show({ service, step: 'checking' }, strictRpcClient({}));
    expect((screen.getByTestId('check-proof-back') as HTMLButtonElement).disabled).toBe(true);
  });

  it('scan offers typing the code; type-code sends what was typed once, on Check, and says what was wrong', async () => {
    const rpc = strictRpcClient({ 'check-proof.typeCode': accepted, 'check-proof.submitCode': accepted });
    const { unmount } = show({ service, step: 'scan', notice: null }, rpc, 'pt');
    await tap('check-proof-type-the-code');
    expect(rpc.calls).toEqual([{ method: 'check-proof.typeCode', params: {} }]);
    unmount();
    const typing = show({ service, step: 'type-code', problem: 'not-found', waitUntil: null }, rpc, 'pt');
    expect(screen.getByTestId('check-proof-code-not-found').textContent).toContain('Nenhuma prova');
    for (const key of 'AB12') await tap(`key-${key}`);
    expect(screen.getByTestId('check-proof-code-field').textContent).toBe('AB12');
    expect(rpc.calls).toHaveLength(1);
    await tap('key-enter');
    expect(rpc.calls.at(-1)).toEqual({ method: 'check-proof.submitCode', params: { code: 'AB12' } });
    typing.unmount();
    show(
      { service, step: 'type-code', problem: 'not-found', waitUntil: '2026-12-02T10:30:00.000Z' },
      strictRpcClient({}),
      'en',
    );
    // The wait, on Macau's clock, instead of the last problem.
    expect(screen.getByTestId('check-proof-code-wait').textContent).toContain('18:30');
    expect(screen.queryByTestId('check-proof-code-not-found')).toBeNull();
  });
});
