import { act, cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { FlowView } from '../../electron/rpc/flow_contract.js';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import type { Language } from '../../electron/rpc/languages.js';
import { currentAnnouncement, useAnnouncements } from '../../renderer/a11y/announcements.js';
import { FocusManager } from '../../renderer/a11y/focus_manager.js';
import { promptsOf } from '../../renderer/a11y/speakable.js';
import { FlowHost } from '../../renderer/flows/flow_host.js';
import { createI18n } from '../../renderer/i18n/i18n.js';
import { RpcContext } from '../../renderer/rpc/rpc_context.js';
import { useSessionStore } from '../../renderer/stores/session_store.js';
import { activeSession } from './session_views.js';
import { strictRpcClient } from './strict_rpc_client.js';

/**
 * A flow's step on screen as the kiosk runs it, for component tests of operation without sight (issue 14): the step
 * in a session, its announcement, the prompts of its actions, and the tactile keypad through the same focus manager
 * the app runs. Nothing is heard: what the manager would speak is kept in `spoken`.
 */
export class FlowKeypad {
  readonly spoken: Prompt[][] = [];
  readonly manager = new FocusManager(document, {
    speak: (p) => this.spoken.push(p),
    repeatScreen: () => {},
  });

  show(flow: FlowView, rpc = strictRpcClient({}), language: Language = 'en') {
    cleanup();
    useSessionStore.getState().setView(activeSession({ sessionId: 's', language, flow }));
    const ui = (view: FlowView) => (
      <div className="kiosk">
        <RpcContext.Provider value={rpc.client}>
          <I18nextProvider i18n={createI18n(language)}>
            <FlowHost flow={view} />
          </I18nextProvider>
        </RpcContext.Provider>
      </div>
    );
    const rendered = render(ui(flow));
    return { rpc, rerender: (next: FlowView) => rendered.rerender(ui(next)) };
  }

  /** What the step would say of itself now. */
  announcement(): Prompt[] {
    return currentAnnouncement(useAnnouncements.getState())?.prompts ?? [];
  }

  announced(): string[] {
    return this.announcement().map((p) => p.key);
  }

  /** Every prompt the step's actions carry. */
  actionPrompts(): Prompt[] {
    return [...document.querySelectorAll('[data-action]')].flatMap((el) => promptsOf(el));
  }

  /** The step's buttons the keypad cannot reach (no `action(...)`), by test id. */
  unmarkedButtons(): (string | null)[] {
    return [...document.querySelectorAll('main button:not([data-action])')]
      .filter((b) => !b.closest('.keyboard'))
      .map((b) => b.getAttribute('data-testid'));
  }

  press(...keys: Parameters<FocusManager['press']>[0][]) {
    return act(async () => {
      for (const key of keys) this.manager.press(key);
    });
  }

  focused(): string | null | undefined {
    return document.querySelector('[data-keypad-focus]')?.getAttribute('data-testid');
  }

  /** What the last key made the manager say, as keys. */
  lastSaid(): string[] | undefined {
    return this.spoken.at(-1)?.map((p) => p.key);
  }
}
