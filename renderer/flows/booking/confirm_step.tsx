import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../electron/rpc/flows/booking_parts.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AppointmentCard } from './appointment_card.js';
import { BookingFrame } from './booking_frame.js';

/** The appointment as it will be booked; nothing is booked until Confirm. */
export function ConfirmStep({ appointment }: { appointment: AppointmentView }) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow="book-appointment"
      step="confirm"
      stage="confirm"
      title={t('confirm.title')}
      lead={t('confirm.lead')}
      actions={
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="confirm"
          onClick={() => void rpc.call('book-appointment.confirm', {})}
        >
          {t('confirm.book')}
        </button>
      }
    >
      <AppointmentCard appointment={appointment} />
    </BookingFrame>
  );
}
