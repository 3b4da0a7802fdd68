import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import type { ServiceId } from '../../electron/rpc/service_ids.js';
import { useAnnouncement } from '../a11y/announcements.js';
import { action } from '../a11y/speakable.js';
import { ServiceIcon, TouchIcon } from '../components/icons.js';
import { languageOrder } from '../i18n/language_order.js';
import { useKioskStore } from '../stores/kiosk_store.js';

/** The order the attract loop shows the services in (the ones this terminal offers right now, that is). */
const slideOrder: ServiceId[] = [
  'book-appointment',
  'check-in',
  'collect-document',
  'proof-of-identity',
  'locker-pickup',
  'locker-apply',
  'check-proof',
  'publications',
];

/**
 * The screen a passer-by sees: what this terminal offers right now (configured, its devices usable, its flow at
 * the kiosk), cycling, each in all four languages (nobody has chosen one yet), and one instruction — touch anywhere
 * to start. With no session it is silent, until someone presses a key of the tactile keypad: then it says, in each
 * language, where the kiosk is, how to start and what it offers.
 */
export function AttractScreen({ onStart }: { onStart: () => void }) {
  const { i18n } = useTranslation();
  const snapshot = useKioskStore((s) => s.snapshot);
  const services = useKioskStore((s) => s.services);
  const slides = slideOrder.filter((id) => services.some((s) => s.id === id && s.available && s.flowReady));
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
  const site = snapshot?.site.name;
  useAnnouncement(
    order.flatMap((language): Prompt[] => [
      ...(site ? [{ key: 'attract.welcome', values: { site: { text: site } }, language }] : []),
      { key: 'attract.keys', language },
      ...(slides.length > 0
        ? [
            { key: 'attract.offers', language },
            ...slides.map((id) => ({ key: `service.${id}.title`, language })),
          ]
        : [{ key: 'attract.offersNothing', language }]),
    ]),
  );

  return (
    <button
      type="button"
      className="attract"
      data-testid="attract-screen"
      aria-labelledby="attract-cta"
      aria-describedby="attract-site"
      {...action([{ key: 'attract.keys', language: first }], { role: 'default' })}
      onClick={onStart}
    >
      <div className="attract__site" id="attract-site">
        {order.map((language) => (
          <span
            key={language}
            lang={language}
            className={language === first ? 'attract__site-main' : undefined}
          >
            {site?.[language]}
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
        <div className="attract__cta-text" id="attract-cta">
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
