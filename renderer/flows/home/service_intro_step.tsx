import { useTranslation } from 'react-i18next';
import type { ServiceId } from '../../../electron/rpc/service_ids.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { action } from '../../a11y/speakable.js';
import { ClockIcon, ServiceIcon } from '../../components/icons.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useKioskStore } from '../../stores/kiosk_store.js';

/**
 * Home flow, step `service-intro`: what a service needs before the resident starts it. Services whose kiosk flow
 * is not in this release say where to go instead, rather than pretending.
 */
export function ServiceIntroStep({ service }: { service: ServiceId }) {
  const { t } = useTranslation('home');
  const rpc = useRpc();
  const tile = useKioskStore((s) => s.services.find((x) => x.id === service));
  useAnnouncement(
    tile
      ? [
          { key: `service.${service}.title` },
          { key: `service.${service}.summary` },
          { key: 'home:serviceIntro.youWillNeed' },
          ...tile.needs.map((need) => ({ key: `home:serviceIntro.needs.${need}` })),
          { key: 'home:serviceIntro.takes', values: { count: tile.minutes } },
          ...(tile.flowReady ? [] : [{ key: 'home:serviceIntro.notYetAtKiosk' }]),
          { key: tile.flowReady && tile.available ? 'serviceIntro.keysStart' : 'serviceIntro.keys' },
        ]
      : [],
  );
  if (!tile) return null;
  return (
    <main className="service-intro" data-testid={`service-intro-${service}`} aria-labelledby="service-title">
      <div className="service-intro__head">
        <ServiceIcon service={service} size={120} />
        <div>
          <h1 className="screen-title" id="service-title">
            {t(`common:service.${service}.title`)}
          </h1>
          <p className="service-intro__summary">{t(`common:service.${service}.summary`)}</p>
        </div>
      </div>
      <ScrollArea className="panel">
        <h2>{t('serviceIntro.youWillNeed')}</h2>
        <ul className="needs">
          {tile.needs.map((need) => (
            <li key={need}>{t(`serviceIntro.needs.${need}`)}</li>
          ))}
        </ul>
        <p className="service-intro__time">
          <ClockIcon size={36} />
          <span>{t('serviceIntro.takes', { count: tile.minutes })}</span>
        </p>
      </ScrollArea>
      {tile.flowReady ? null : (
        <p className="notice" role="status" data-testid="service-not-yet">
          {t('serviceIntro.notYetAtKiosk')}
        </p>
      )}
      <footer className="screen-footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="back"
          {...action([{ key: 'home:serviceIntro.back' }], { role: 'back' })}
          onClick={() => void rpc.call('home.backToServices', {})}
        >
          {t('serviceIntro.back')}
        </button>
        {tile.flowReady ? (
          <button
            type="button"
            className="primary-button primary-button--large"
            data-testid="start-service"
            disabled={!tile.available}
            {...action([{ key: 'home:serviceIntro.start' }], { role: 'default' })}
            onClick={() => void rpc.call('home.startService', {})}
          >
            {t('serviceIntro.start')}
          </button>
        ) : null}
      </footer>
    </main>
  );
}
