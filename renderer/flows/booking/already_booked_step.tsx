import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AppointmentCard } from './appointment_card.js';
import { BookingFrame } from './booking_frame.js';

/** The resident holds a booking for this service already: it is shown, with how to change it. */
export function AlreadyBookedStep({ booking }: { booking: BookingView }) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow="book-appointment"
      step="already-booked"
      stage="done"
      title={t('alreadyBooked.title')}
      lead={t('alreadyBooked.lead')}
      actions={
        <button
          type="button"
          className="primary-button"
          data-testid="finish"
          {...action([{ key: 'book-appointment:booked.finish' }], { role: 'default' })}
          onClick={() => void rpc.call('book-appointment.finish', {})}
        >
          {t('booked.finish')}
        </button>
      }
    >
      <AppointmentCard appointment={booking.appointment} reference={booking.reference} />
    </BookingFrame>
  );
}
