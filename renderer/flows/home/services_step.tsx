import { useTranslation } from 'react-i18next';
import { ServiceIcon } from '../../components/icons.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useKioskStore } from '../../stores/kiosk_store.js';

/**
 * Home flow, step `services`: large tiles for the services this terminal offers; a tile whose devices are
 * unusable, or whose government systems do not answer, says which and is disabled. "Finish" ends the session.
 */
export function ServicesStep() {
  const { t } = useTranslation('home');
  const rpc = useRpc();
  const services = useKioskStore((s) => s.services);
  return (
    <main className="home" data-testid="home-screen">
      <h1 className="screen-title">{t('services.title')}</h1>
      <div className="tiles">
        {services.map((service) => (
          <button
            type="button"
            key={service.id}
            className="tile"
            disabled={!service.available}
            data-testid={`tile-${service.id}`}
            onClick={() => void rpc.call('home.openService', { service: service.id })}
          >
            <span className="tile__icon">
              <ServiceIcon service={service.id} size={88} />
            </span>
            <span className="tile__title">{t(`common:service.${service.id}.title`)}</span>
            <span className="tile__summary">
              {service.available
                ? t(`common:service.${service.id}.summary`)
                : service.unavailableBecause === 'backend'
                  ? t('services.backendUnreachable')
                  : t('services.unavailable')}
            </span>
          </button>
        ))}
      </div>
      <footer className="screen-footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="finish"
          onClick={() => void rpc.call('session.end', { reason: 'done' })}
        >
          {t('services.finish')}
        </button>
      </footer>
    </main>
  );
}
