import { useTranslation } from 'react-i18next';
import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import type { AppointmentView } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AppointmentCard } from './appointment_card.js';
import { BookingFrame } from './booking_frame.js';

type Resident = Extract<BookAppointmentFlowView, { step: 'confirm' }>['resident'];

/** The appointment as it will be booked, and for whom (masked); nothing is booked until Confirm. */
export function ConfirmStep({ appointment, resident }: { appointment: AppointmentView; resident: Resident }) {
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
          {...action([{ key: 'book-appointment:confirm.book' }], { role: 'default', order: -1 })}
          onClick={() => void rpc.call('book-appointment.confirm', {})}
        >
          {t('confirm.book')}
        </button>
      }
    >
      <AppointmentCard appointment={appointment}>
        <p className="appointment-card__for" data-testid="booking-for">
          {resident.maskedName
            ? t('confirm.for', { name: resident.maskedName })
            : t(`confirm.by.${resident.method}`)}
        </p>
      </AppointmentCard>
    </BookingFrame>
  );
}
