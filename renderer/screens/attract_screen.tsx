import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../../electron/rpc/languages.js';
import type { ServiceId } from '../../electron/rpc/service_ids.js';
import { ServiceIcon, TouchIcon } from '../components/icons.js';
import { useKioskStore } from '../stores/kiosk_store.js';

const highlighted: ServiceId[] = [
  'book-appointment',
  'check-in',
  'collect-document',
  'proof-of-identity',
  'locker-pickup',
];

/** Hengqin residents read Simplified Chinese first; Macau's centres lead with Traditional Chinese. */
function languageOrder(siteKind: 'macau' | 'hengqin' | undefined): Language[] {
  return siteKind === 'hengqin' ? ['zh-Hans', 'zh-Hant', 'pt', 'en'] : [...languages];
}

/**
 * The screen a passer-by sees: the services this terminal offers, cycling, each in all four languages (nobody has
 * chosen one yet), and one instruction — touch anywhere to start.
 */
export function AttractScreen({ onStart }: { onStart: () => void }) {
  const { i18n } = useTranslation();
  const snapshot = useKioskStore((s) => s.snapshot);
  const services = useKioskStore((s) => s.services);
  const slides = highlighted.filter((id) => services.some((s) => s.id === id));
  const [index, setIndex] = useState(0);
  const slideMs = (snapshot?.attractSlideSeconds ?? 6) * 1000;

  useEffect(() => {
    if (slides.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % slides.length), slideMs);
    return () => clearInterval(timer);
  }, [slides.length, slideMs]);

  const current = slides[index % Math.max(1, slides.length)];
  const order = languageOrder(snapshot?.site.kind);
  const [first, ...rest] = order;

  return (
    <button type="button" className="attract" data-testid="attract-screen" onClick={onStart}>
      <div className="attract__site">
        {order.map((language) => (
          <span
            key={language}
            lang={language}
            className={language === first ? 'attract__site-main' : undefined}
          >
            {snapshot?.site.name[language]}
          </span>
        ))}
      </div>
      {current ? (
        <div className="attract__slide" key={current} data-testid="attract-slide">
          <div className="attract__icon">
            <ServiceIcon service={current} size={160} />
          </div>
          <p className="attract__headline" lang={first}>
            {i18n.getFixedT(first ?? 'zh-Hant')(`attract.highlight.${current}`)}
          </p>
          {rest.map((language) => (
            <p key={language} className="attract__subline" lang={language}>
              {i18n.getFixedT(language)(`attract.highlight.${current}`)}
            </p>
          ))}
        </div>
      ) : null}
      <div className="attract__dots" aria-hidden="true">
        {slides.map((id, i) => (
          <span
            key={id}
            className={i === index % slides.length ? 'attract__dot attract__dot--on' : 'attract__dot'}
          />
        ))}
      </div>
      <div className="attract__cta">
        <TouchIcon size={64} />
        <div className="attract__cta-text">
          {order.map((language) => (
            <span key={language} lang={language}>
              {i18n.getFixedT(language)('attract.touchToStart')}
            </span>
          ))}
        </div>
      </div>
    </button>
  );
}
