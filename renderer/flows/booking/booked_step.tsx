import { useTranslation } from 'react-i18next';
import type { BookingView, PrintOutcome } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AppointmentCard } from './appointment_card.js';
import { BookingFrame } from './booking_frame.js';
import { SlipStatus } from './slip_status.js';

/** Booked: the reference, large, and the slip printing with its QR code to check in with. */
export function BookedStep({ booking, slip }: { booking: BookingView; slip: PrintOutcome }) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow="book-appointment"
      step="booked"
      stage="done"
      title={t('booked.title')}
      result
      actions={
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="finish"
          {...action([{ key: 'book-appointment:booked.finish' }], { role: 'default' })}
          onClick={() => void rpc.call('book-appointment.finish', {})}
        >
          {t('booked.finish')}
        </button>
      }
    >
      <div className="big-reference">
        <span className="big-reference__label">{t('booked.reference')}</span>
        <span className="big-reference__value" data-testid="reference">
          {booking.reference}
        </span>
      </div>
      <SlipStatus outcome={slip} what="slip" />
      <AppointmentCard appointment={booking.appointment} />
    </BookingFrame>
  );
}
