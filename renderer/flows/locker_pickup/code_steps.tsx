import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { action } from '../../a11y/speakable.js';
import { ServiceIcon } from '../../components/icons.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { DigitsPad } from './digits_pad.js';
import { PickupFrame } from './pickup_frame.js';

/** Show the pickup QR to the scanner (the main process follows it), or type the digits instead. */
export function ScanStep({ indicator }: { indicator: ReactNode }) {
  const { t } = useTranslation('locker-pickup');
  const rpc = useRpc();
  return (
    <PickupFrame step="scan" indicator={indicator} title={t('scan.title')}>
      <div className="pickup__scan">
        <span className="pickup__icon">
          <ServiceIcon service="locker-pickup" size={160} />
        </span>
        <div className="pickup__scan-text">
          <p className="pickup__lead">{t('scan.how')}</p>
          <button
            type="button"
            className="primary-button"
            data-testid="pickup-type-digits"
            {...action([{ key: 'locker-pickup:scan.type' }])}
            onClick={() => void rpc.call('locker-pickup.typeDigits', {})}
          >
            {t('scan.type')}
          </button>
        </div>
      </div>
    </PickupFrame>
  );
}

/** The 12 digits on the keypad; a slip of the finger (a wrong check digit) is said at once. */
export function TypeStep({ mistyped, indicator }: { mistyped: boolean; indicator: ReactNode }) {
  const { t } = useTranslation('locker-pickup');
  const rpc = useRpc();
  return (
    <PickupFrame step="type" indicator={indicator} title={t('type.title')}>
      <div className="pickup__type">
        <div className="pickup__scan-text">
          <p className="pickup__lead">{t('type.how')}</p>
          {mistyped ? (
            <p className="notice" role="alert" data-testid="pickup-mistyped">
              {t('type.mistyped')}
            </p>
          ) : null}
        </div>
        <DigitsPad onSubmit={(digits) => void rpc.call('locker-pickup.submitDigits', { digits })} />
      </div>
    </PickupFrame>
  );
}
