import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { ServiceTile } from '../../../electron/rpc/kiosk_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { action } from '../../a11y/speakable.js';
import { ServiceIcon } from '../../components/icons.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useKioskStore } from '../../stores/kiosk_store.js';

/** What a tile says about itself when the keypad reaches it, and in the screen's announcement. */
function tilePrompt(service: ServiceTile): Prompt {
  const title = { key: `service.${service.id}.title` };
  if (!service.available) {
    const why =
      service.unavailableBecause === 'backend' ? 'services.backendUnreachable' : 'services.unavailable';
    return { key: why, values: { service: title } };
  }
  if (!service.flowReady) return { key: 'services.notAtKiosk', values: { service: title } };
  return title;
}

/** Under a tile's title: what it cannot do now, which is what the resident must know first, or its summary. */
function TileNote({ service }: { service: ServiceTile }) {
  const { t } = useTranslation('home');
  if (!service.available) {
    const why =
      service.unavailableBecause === 'backend' ? 'services.backendUnreachable' : 'services.unavailable';
    return <span className="tile__badge tile__badge--off">{t(why)}</span>;
  }
  if (!service.flowReady) return <span className="tile__badge">{t('a11y:home.notAtKiosk')}</span>;
  return <span className="tile__summary">{t(`common:service.${service.id}.summary`)}</span>;
}

/**
 * Home flow, step `services`: large tiles for the services this terminal offers. What the terminal cannot do right
 * now is marked on its tile, before any tap: a tile whose devices are unusable says "not available right now" (and
 * does nothing), and one whose government systems do not answer says so; a service whose flow is not at this kiosk
 * yet says "at a staffed counter only" (its intro says where to go). Unavailable tiles are `aria-disabled`, not
 * `disabled`, so the keypad still reaches them and says why. "Finish" ends the session.
 */
export function ServicesStep() {
  const { t } = useTranslation('home');
  const rpc = useRpc();
  const services = useKioskStore((s) => s.services);
  useAnnouncement([
    { key: 'services.where' },
    { key: 'home:services.title' },
    ...services.map(tilePrompt),
    { key: 'services.keys' },
  ]);
  return (
    <main className="home" data-testid="home-screen" aria-labelledby="home-title">
      <h1 className="screen-title" id="home-title">
        {t('services.title')}
      </h1>
      <ScrollArea className="tiles">
        {services.map((service) => (
          <button
            type="button"
            key={service.id}
            className={service.flowReady ? 'tile' : 'tile tile--elsewhere'}
            aria-disabled={service.available ? undefined : true}
            data-testid={`tile-${service.id}`}
            {...action([tilePrompt(service)])}
            onClick={() => {
              if (service.available) void rpc.call('home.openService', { service: service.id });
            }}
          >
            <span className="tile__icon">
              <ServiceIcon service={service.id} size={88} />
            </span>
            <span className="tile__title">{t(`common:service.${service.id}.title`)}</span>
            <TileNote service={service} />
          </button>
        ))}
      </ScrollArea>
      <footer className="screen-footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="finish"
          {...action([{ key: 'home:services.finish' }], { role: 'back' })}
          onClick={() => void rpc.call('session.end', { reason: 'done' })}
        >
          {t('services.finish')}
        </button>
      </footer>
    </main>
  );
}
