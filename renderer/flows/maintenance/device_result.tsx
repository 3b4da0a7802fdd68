import { useTranslation } from 'react-i18next';
import type { DeviceActionResult, DeviceEntry } from '../../../electron/rpc/flows/maintenance_views.js';

/**
 * The outcome of the last device action: running (a test scan waits for a code), done, failed with its code, a
 * scanned code, or what the staff test card's chip holds — its face, its data and whether its signature verified.
 * The chip's data is a specimen's and lives in this step's view only.
 */
export function DeviceResult({ result, devices }: { result: DeviceActionResult; devices: DeviceEntry[] }) {
  const { t } = useTranslation('maintenance');
  const kind = devices.find((d) => d.deviceId === result.deviceId)?.kind;
  const names = {
    action: t(`devices.action.${result.action}`, { door: '' }).trim(),
    device: kind ? `${t(`deviceKind.${kind}`)} (${result.deviceId})` : result.deviceId,
  };
  const outcome = result.outcome;
  const body = () => {
    switch (outcome.kind) {
      case 'running':
        return (
          <p>
            {t('devices.result.running', names)}
            {result.action === 'test-scan' ? ` ${t('devices.result.scanPrompt')}` : null}
          </p>
        );
      case 'done':
        return <p>{t('devices.result.done', names)}</p>;
      case 'failed':
        return <p>{t('devices.result.failed', { ...names, code: outcome.code })}</p>;
      case 'scanned':
        return (
          <p>
            {t('devices.result.done', names)}{' '}
            {t('devices.result.scanned', { symbology: outcome.symbology, text: outcome.text })}
          </p>
        );
      case 'read':
        return <TestRead outcome={outcome} />;
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  };
  return (
    <section
      className={outcome.kind === 'failed' ? 'notice maint__result' : 'panel maint__result'}
      role="status"
      data-testid="device-result"
      data-outcome={outcome.kind}
    >
      {body()}
    </section>
  );
}

type Read = Extract<DeviceActionResult['outcome'], { kind: 'read' }>;

function TestRead({ outcome }: { outcome: Read }) {
  const { t } = useTranslation('maintenance');
  const facts = [
    'documentCode',
    'issuingState',
    'documentNumber',
    'name',
    'nationality',
    'birthDate',
    'sex',
    'expiryDate',
  ] as const;
  return (
    <div className="maint__read" data-testid="device-test-read">
      {outcome.face ? <img className="maint__face" src={outcome.face} alt={t('devices.read.face')} /> : null}
      <div>
        <h2>{t('devices.read.title')}</h2>
        <dl className="maint__facts">
          {facts.map((fact) => (
            <div key={fact} className="maint__fact">
              <dt>{t(`devices.read.${fact}`)}</dt>
              <dd>{outcome.document[fact]}</dd>
            </div>
          ))}
        </dl>
        {outcome.document.expired ? <p className="notice">{t('devices.read.expired')}</p> : null}
        <p
          className={outcome.passiveAuthentication === 'verified' ? 'maint__ok' : 'notice'}
          data-testid="device-test-read-pa"
        >
          {t(`devices.read.passiveAuthentication.${outcome.passiveAuthentication}`)}
        </p>
      </div>
    </div>
  );
}
