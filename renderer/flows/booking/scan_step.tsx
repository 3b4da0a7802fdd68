import { useTranslation } from 'react-i18next';
import type { CheckInPurpose, LookupNotice } from '../../../electron/rpc/flows/check_in_contract.js';
import { action } from '../../a11y/speakable.js';
import { ServiceIcon } from '../../components/icons.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { BookingFrame } from './booking_frame.js';

/**
 * Scan the booking's QR code (on the slip, or on a phone) — the scanner is followed by the main process — or type
 * its reference. From checking in, the resident can choose to see, change or cancel a booking instead.
 */
export function ScanStep({ purpose, notice }: { purpose: CheckInPurpose; notice: LookupNotice }) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow="check-in"
      step="scan"
      stage="find"
      title={t(`scan.title.${purpose}`)}
      actions={
        <button
          type="button"
          className="primary-button"
          data-testid="type-reference"
          {...action([{ key: 'check-in:scan.type' }])}
          onClick={() => void rpc.call('check-in.typeReference', {})}
        >
          {t('scan.type')}
        </button>
      }
    >
      <div className="scan">
        <span className="scan__icon">
          <ServiceIcon service="check-in" size={160} />
        </span>
        <p className="scan__how">{t('scan.how')}</p>
        {notice ? (
          <p className="notice" role="alert" data-testid={`notice-${notice}`}>
            {t(`notice.${notice}`)}
          </p>
        ) : null}
        {purpose === 'check-in' ? (
          <button
            type="button"
            className="secondary-button scan__manage"
            data-testid="manage"
            {...action([{ key: 'check-in:scan.manage' }], { order: -1 })}
            onClick={() => void rpc.call('check-in.manage', {})}
          >
            {t('scan.manage')}
          </button>
        ) : null}
      </div>
    </BookingFrame>
  );
}
