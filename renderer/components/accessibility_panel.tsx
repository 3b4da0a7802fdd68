import { useTranslation } from 'react-i18next';
import { useRpc } from '../rpc/rpc_context.js';
import { useAccessibilityPanel } from '../stores/accessibility_panel_store.js';
import { useSessionStore } from '../stores/session_store.js';

function Toggle({
  label,
  on,
  onToggle,
  testId,
}: {
  label: string;
  on: boolean;
  onToggle: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className="toggle"
      data-testid={testId}
      onClick={onToggle}
    >
      <span>{label}</span>
      <span className={on ? 'toggle__state toggle__state--on' : 'toggle__state'}>
        {on ? t('accessibility.on') : t('accessibility.off')}
      </span>
    </button>
  );
}

/**
 * High contrast and large text for this resident. The settings live in the main process's session (a reload keeps
 * them, the session's end drops them); a toggle asks for the change and the screen follows the session.
 */
export function AccessibilityPanel() {
  const { t } = useTranslation();
  const rpc = useRpc();
  const open = useAccessibilityPanel((s) => s.open);
  const setOpen = useAccessibilityPanel((s) => s.setOpen);
  const view = useSessionStore((s) => s.view);
  if (!open || view.phase !== 'active') return null;
  const { highContrast, largeText } = view.accessibility;
  return (
    <div className="overlay" data-testid="accessibility-panel">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="a11y-title">
        <h2 id="a11y-title" className="dialog__title">
          {t('accessibility.title')}
        </h2>
        <Toggle
          label={t('accessibility.highContrast')}
          on={highContrast}
          onToggle={() => void rpc.call('session.setAccessibility', { highContrast: !highContrast })}
          testId="toggle-high-contrast"
        />
        <Toggle
          label={t('accessibility.largeText')}
          on={largeText}
          onToggle={() => void rpc.call('session.setAccessibility', { largeText: !largeText })}
          testId="toggle-large-text"
        />
        <div className="dialog__actions">
          <button type="button" className="primary-button" onClick={() => setOpen(false)}>
            {t('accessibility.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
