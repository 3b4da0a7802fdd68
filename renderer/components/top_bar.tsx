import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '../../electron/rpc/languages.js';
import { DateTimeDisplay } from '../a11y/date_time.js';
import { HelpButton } from '../a11y/help_panel.js';
import { action, topBarOrder } from '../a11y/speakable.js';
import { useRpc } from '../rpc/rpc_context.js';
import { useAccessibilityPanel } from '../stores/accessibility_panel_store.js';
import { useKioskStore } from '../stores/kiosk_store.js';
import { useSessionStore } from '../stores/session_store.js';
import { AccessibilityIcon, GlobeIcon } from './icons.js';

/**
 * On every screen after the attract loop: where the resident is (the centre), the date and time, the language
 * switch, the accessibility button and Help, always in the same places.
 */
export const TopBar = memo(function TopBar({ showLanguageSwitch }: { showLanguageSwitch: boolean }) {
  const { t, i18n } = useTranslation();
  const rpc = useRpc();
  const site = useKioskStore((s) => s.snapshot?.site);
  const offered = useKioskStore((s) => s.snapshot?.languages.offered) ?? languages;
  // The language alone: the bar does not redraw at every step or keystroke.
  const current = useSessionStore((s) => (s.view.phase === 'active' ? s.view.language : undefined));
  const openAccessibility = useAccessibilityPanel((s) => s.setOpen);
  const [switching, setSwitching] = useState(false);

  return (
    <header className="top-bar">
      <div className="top-bar__site" data-testid="top-bar-site">
        <span className="top-bar__site-kind">{site ? t(`site.${site.kind}`) : null}</span>
        <span className="top-bar__site-name">{site && current ? site.name[current] : null}</span>
        {current ? <DateTimeDisplay language={current} /> : null}
      </div>
      <div className="top-bar__actions">
        {showLanguageSwitch ? (
          <button
            type="button"
            className="chip-button"
            data-testid="language-switch"
            aria-expanded={switching}
            {...action([{ key: 'language.switch' }], { order: topBarOrder })}
            onClick={() => setSwitching((v) => !v)}
          >
            <GlobeIcon size={32} />
            <span>{t('language.name')}</span>
          </button>
        ) : null}
        <button
          type="button"
          className="chip-button"
          data-testid="accessibility-button"
          {...action([{ key: 'accessibility.button' }], { order: topBarOrder })}
          onClick={() => openAccessibility(true)}
        >
          <AccessibilityIcon size={32} />
          <span>{t('accessibility.button')}</span>
        </button>
        <HelpButton />
      </div>
      {switching ? (
        <div className="language-menu" role="menu">
          {offered.map((language) => (
            <button
              type="button"
              role="menuitemradio"
              aria-checked={language === current}
              key={language}
              lang={language}
              className="language-menu__item"
              data-testid={`switch-to-${language}`}
              {...action([{ key: 'language.name', language }], { order: -1 })}
              onClick={() => {
                setSwitching(false);
                // The screen's language follows the session's (session.changed), like everything it shows.
                void rpc.call('session.setLanguage', { language });
              }}
            >
              {i18n.getFixedT(language)('language.name')}
            </button>
          ))}
        </div>
      ) : null}
    </header>
  );
});
