import { useTranslation } from 'react-i18next';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';

/**
 * The support bundle: where it can be written (the kiosk's disk, each USB drive plugged in — Refresh after plugging
 * one), then writing, then the file's name, size and SHA-256 (read out to support over the phone), or why not.
 */
export function SupportBundleStep({ view }: { view: MaintenanceStepView<'support-bundle'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  const state = view.state;
  const writing = state.kind === 'writing';
  return (
    <>
      <p className="maint__detail">{t('bundle.intro')}</p>
      {view.destinations.length === 0 ? <p className="notice">{t('bundle.noDestination')}</p> : null}
      <div className="maint__actions">
        {view.destinations.map((destination) => (
          <button
            type="button"
            key={destination.id}
            className="primary-button"
            data-testid={`bundle-${destination.id}`}
            {...action([
              {
                key: `maintenance:bundle.writeTo.${destination.kind}`,
                values: { label: destination.label ?? '' },
              },
            ])}
            disabled={writing}
            onClick={() => void rpc.call('maintenance.writeSupportBundle', { destination: destination.id })}
          >
            {t(`bundle.writeTo.${destination.kind}`, { label: destination.label ?? '' })}
          </button>
        ))}
      </div>
      {state.kind === 'idle' ? null : (
        <section
          className={state.kind === 'failed' ? 'notice' : 'panel'}
          role="status"
          data-testid="bundle-state"
          data-state={state.kind}
        >
          {state.kind === 'writing' ? <p>{t('bundle.writing')}</p> : null}
          {state.kind === 'written' ? (
            <>
              <p>{t('bundle.written', { file: state.fileName, size: format.bytes(state.bytes) })}</p>
              <p className="maint__hash">{t('bundle.sha256', { hash: state.sha256 })}</p>
            </>
          ) : null}
          {state.kind === 'failed' ? (
            <p>{t('bundle.failed', { reason: t(`bundle.failure.${state.code}`), code: state.code })}</p>
          ) : null}
        </section>
      )}
    </>
  );
}
