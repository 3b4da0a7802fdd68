// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeSession } from '../../test/support/session_views.js';
import { strictRpcClient } from '../../test/support/strict_rpc_client.js';
import { createI18n } from '../i18n/i18n.js';
import { RpcContext } from '../rpc/rpc_context.js';
import { usePrintStore } from '../stores/print_store.js';
import { resetResidentStores } from '../stores/resident_store.js';
import { useSessionStore } from '../stores/session_store.js';
import { IdleWarning } from './idle_warning.js';
import { PrintStatus } from './print_status.js';

function renderWith(
  ui: React.ReactNode,
  client: ReturnType<typeof strictRpcClient>['client'],
  language: 'en' | 'pt' = 'en',
) {
  return render(
    <RpcContext.Provider value={client}>
      <I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>
    </RpcContext.Provider>,
  );
}

const active = activeSession();
const activeWithWarning = (secondsLeft: number, extensionsLeft = 10) =>
  activeSession({ warning: { secondsLeft }, extensionsLeft });

describe('idle warning', () => {
  beforeEach(() => resetResidentStores());
  afterEach(() => cleanup());

  it('is absent until the main process says the warning is due', () => {
    const rpc = strictRpcClient({});
    useSessionStore.getState().setView(active);
    renderWith(<IdleWarning />, rpc.client);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
  });

  it('asks "Need more time?", counts down, and Continue extends the session', async () => {
    const rpc = strictRpcClient({ 'session.extend': { phase: 'attract' } });
    act(() => useSessionStore.getState().setView(activeWithWarning(25)));
    renderWith(<IdleWarning />, rpc.client);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(screen.getByText('Need more time?')).toBeTruthy();
    // Shown counting down, and said once to assistive technology (a live status, not every second).
    expect(screen.getAllByText('For your privacy, this session will end in 25 seconds.')).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe(
      'For your privacy, this session will end in 25 seconds.',
    );
    await act(async () => fireEvent.click(screen.getByTestId('idle-continue')));
    expect(rpc.calls).toEqual([{ method: 'session.extend', params: {} }]);
  });

  it('says "1 second", not "1 seconds"', () => {
    const rpc = strictRpcClient({});
    act(() => useSessionStore.getState().setView(activeWithWarning(1)));
    renderWith(<IdleWarning />, rpc.client);
    expect(screen.getByText('For your privacy, this session will end in 1 second.')).toBeTruthy();
  });

  it('offers no Continue once the extensions are used up, only "End now"', async () => {
    const rpc = strictRpcClient({ 'session.end': { phase: 'attract' } });
    act(() => useSessionStore.getState().setView(activeWithWarning(10, 0)));
    renderWith(<IdleWarning />, rpc.client);
    expect(screen.queryByTestId('idle-continue')).toBeNull();
    expect(screen.getByText('You cannot extend the session any more.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('idle-end')));
    expect(rpc.calls).toEqual([{ method: 'session.end', params: { reason: 'cancelled' } }]);
  });
});

describe('print status', () => {
  beforeEach(() => resetResidentStores());
  afterEach(() => cleanup());

  it('says what happens next when the paper runs out, in the resident’s language', () => {
    const rpc = strictRpcClient({});
    act(() =>
      usePrintStore.getState().update({ jobId: 7, paper: 'ticket', state: 'waiting', reason: 'no-paper' }),
    );
    renderWith(<PrintStatus />, rpc.client, 'pt');
    expect(screen.getByText('A impressora ficou sem papel')).toBeTruthy();
    // A ticket is spoken of as a ticket (not "your document"), and it is kept.
    expect(screen.getByText(/A sua senha não se perdeu/)).toBeTruthy();
    expect(screen.queryByText(/documento/)).toBeNull();
    expect(screen.queryByText(/erro desconhecido|unknown error/i)).toBeNull();
  });

  it('gives a staff reference when the outcome is unknown', () => {
    const rpc = strictRpcClient({});
    act(() =>
      usePrintStore
        .getState()
        .update({ jobId: 42, paper: 'document', state: 'needs-attention', reason: null }),
    );
    renderWith(<PrintStatus />, rpc.client);
    expect(screen.getByText('Please ask staff for help')).toBeTruthy();
    expect(screen.getByText(/Reference: P-000042/)).toBeTruthy();
  });

  it('names each spooler fault and says the document was not printed, with a staff reference', () => {
    const titles = {
      'queue-stopped': 'A impressora foi suspensa',
      'job-aborted': 'A impressora não conseguiu imprimir o seu documento',
      'spooler-unavailable': 'O serviço de impressão não está a funcionar',
    } as const;
    for (const [reason, title] of Object.entries(titles)) {
      const rpc = strictRpcClient({});
      act(() =>
        usePrintStore.getState().update({
          jobId: 43,
          paper: 'document',
          state: 'needs-attention',
          reason: reason as keyof typeof titles,
        }),
      );
      renderWith(<PrintStatus />, rpc.client, 'pt');
      expect(screen.getByText(title)).toBeTruthy();
      expect(
        screen.getByText(/não foi impresso e não será impresso mais tarde.*Referência: P-000043/),
      ).toBeTruthy();
      cleanup();
      resetResidentStores();
    }
  });

  it('explains a document that cannot be printed because of a missing glyph', () => {
    const rpc = strictRpcClient({});
    act(() => usePrintStore.getState().showUnprintable({ reason: 'missing-glyphs' }));
    renderWith(<PrintStatus />, rpc.client);
    expect(screen.getByText('This document cannot be printed here')).toBeTruthy();
    expect(screen.getByText(/staffed counter/)).toBeTruthy();
  });

  it('is wiped with the rest of the resident’s stores when the session ends', () => {
    act(() =>
      usePrintStore.getState().update({ jobId: 1, paper: 'ticket', state: 'printing', reason: null }),
    );
    resetResidentStores();
    expect(usePrintStore.getState()).toMatchObject({ jobs: [], unprintable: null });
  });
});
