import { useTranslation } from 'react-i18next';
import { useAccessibilityStore } from '../stores/accessibility_store.js';

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

/** High contrast and large text for this resident; both reset when the session ends. */
export function AccessibilityPanel() {
  const { t } = useTranslation();
  const state = useAccessibilityStore();
  if (!state.panelOpen) return null;
  return (
    <div className="overlay" data-testid="accessibility-panel">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="a11y-title">
        <h2 id="a11y-title" className="dialog__title">
          {t('accessibility.title')}
        </h2>
        <Toggle
          label={t('accessibility.highContrast')}
          on={state.highContrast}
          onToggle={state.toggleHighContrast}
          testId="toggle-high-contrast"
        />
        <Toggle
          label={t('accessibility.largeText')}
          on={state.largeText}
          onToggle={state.toggleLargeText}
          testId="toggle-large-text"
        />
        <div className="dialog__actions">
          <button type="button" className="primary-button" onClick={() => state.setPanelOpen(false)}>
            {t('accessibility.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
