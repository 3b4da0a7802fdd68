// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type { ReadyDocumentView } from '../../../electron/rpc/flows/collect_document_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { FlowHost } from '../flow_host.js';

const card: ReadyDocumentView = {
  collectionId: 'C-SAMPLE-MO-1',
  kind: 'bir-card',
  title: {
    'zh-Hant': '澳門居民身份證',
    'zh-Hans': '澳门居民身份证',
    pt: 'Bilhete de Identidade de Residente de Macau',
    en: 'Macao Resident Identity Card',
  },
  format: 'card',
};
const service = 'collect-document' as const;

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

describe('collect my document screens', () => {
  afterEach(() => cleanup());

  it('identify: the shared identify screens under the collection’s step indicator', () => {
    show(
      {
        service,
        step: 'identify',
        identify: { stage: 'place', purpose: service, methods: ['document'], notice: null },
      },
      strictRpcClient({}),
    );
    expect(screen.getByTestId('identify-stage-place')).toBeTruthy();
    const current = screen.getByTestId('step-indicator').querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Identify');
  });

  it('choose: one button per document in the session’s language; a tap sends its collection id', async () => {
    const rpc = strictRpcClient({ 'collect-document.choose': accepted });
    show({ service, step: 'choose', documents: [card] }, rpc, 'zh-Hant');
    expect(screen.getByTestId('collect-choose-C-SAMPLE-MO-1').textContent).toContain('澳門居民身份證');
    await tap('collect-choose-C-SAMPLE-MO-1');
    expect(rpc.calls).toEqual([
      { method: 'collect-document.choose', params: { collectionId: 'C-SAMPLE-MO-1' } },
    ]);
  });

  it('releasing: says what to do with the card or the door, and Back and Cancel wait', () => {
    const rerender = show(
      { service, step: 'releasing', document: card, stage: 'take-card', door: null },
      strictRpcClient({}),
    );
    expect(screen.getByRole('status').textContent).toContain('take your card from the card slot');
    expect((screen.getByTestId('collect-cancel') as HTMLButtonElement).disabled).toBe(true);
    rerender({
      service,
      step: 'releasing',
      document: { ...card, format: 'booklet' },
      stage: 'take-from-door',
      door: 'A2',
    });
    expect(screen.getByRole('status').textContent).toBe(
      'Door A2 is open. Take your document and close the door.',
    );
  });

  it('done: the receipt, "collect another" only when one more waits, and what happens when confirmed later', async () => {
    const rpc = strictRpcClient({
      'collect-document.another': accepted,
      'collect-document.finish': accepted,
    });
    const rerender = show(
      { service, step: 'done', document: card, moreWaiting: false, confirmedLater: false },
      rpc,
      'pt',
    );
    expect(screen.queryByTestId('collect-another')).toBeNull();
    expect(screen.queryByTestId('collect-confirmed-later')).toBeNull();
    rerender({ service, step: 'done', document: card, moreWaiting: true, confirmedLater: true });
    expect(screen.getByTestId('collect-confirmed-later').textContent).toContain('o quiosque informa-os');
    await tap('collect-another');
    await tap('collect-finish');
    expect(rpc.calls.map((c) => c.method)).toEqual(['collect-document.another', 'collect-document.finish']);
  });

  it('outcomes: a jam, a card taken back, nothing ready, the backend away — each said plainly', () => {
    const rerender = show(
      { service, step: 'release-failed', document: card, problem: 'jam' },
      strictRpcClient({}),
    );
    expect(screen.getByTestId('collect-outcome-outcome-release-failed-jam').textContent).toContain(
      'Staff have been told',
    );
    rerender({ service, step: 'not-collected', document: card });
    expect(screen.getByTestId('collect-outcome-outcome-not-collected').textContent).toContain('still ready');
    rerender({ service, step: 'nothing-ready' });
    expect(screen.queryByTestId('collect-another')).toBeNull();
    rerender({ service, step: 'unavailable', reason: 'backend' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'This service is not available right now',
    );
  });
});
