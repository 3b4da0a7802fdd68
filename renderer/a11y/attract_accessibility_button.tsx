import { useTranslation } from 'react-i18next';
import { AccessibilityIcon } from '../components/icons.js';
import { languageOrder } from '../i18n/language_order.js';
import { useKioskStore } from '../stores/kiosk_store.js';
import { action } from './speakable.js';

/**
 * The accessibility button of the attract screen, in the same corner as on every screen: it starts a session with
 * the accessibility panel open. An icon on screen; named in all four languages for assistive technology, since
 * nobody has chosen a language yet.
 */
export function AttractAccessibilityButton({ onPress }: { onPress: () => void }) {
  const { i18n } = useTranslation();
  const siteKind = useKioskStore((s) => s.snapshot?.site.kind);
  const order = languageOrder(siteKind);
  const name = order.map((language) => i18n.getFixedT(language)('accessibility.button')).join(' · ');
  return (
    <button
      type="button"
      className="corner-accessibility"
      data-testid="attract-accessibility"
      aria-label={name}
      {...action(
        order.map((language) => ({ key: 'accessibility.button', language })),
        { order: 1 },
      )}
      onClick={onPress}
    >
      <AccessibilityIcon size={48} />
    </button>
  );
}
