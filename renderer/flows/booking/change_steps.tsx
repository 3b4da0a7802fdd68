import { useTranslation } from 'react-i18next';
import type { CheckInFlowView } from '../../../electron/rpc/flows/check_in_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AppointmentCard } from './appointment_card.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';
import { SlipStatus } from './slip_status.js';

type StepOf<S extends CheckInFlowView['step']> = Extract<CheckInFlowView, { step: S }>;

/** Moving a booking: from when to when; nothing changes until Confirm. */
export function ConfirmRescheduleStep({ view }: { view: StepOf<'confirm-reschedule'> }) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  const f = useBookingFormat();
  return (
    <BookingFrame
      flow="check-in"
      step="confirm-reschedule"
      stage="booking"
      title={t('reschedule.title')}
      actions={
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="confirm"
          {...action([{ key: 'check-in:reschedule.confirm' }], { role: 'default', order: -1 })}
          onClick={() => void rpc.call('check-in.confirm', {})}
        >
          {t('reschedule.confirm')}
        </button>
      }
    >
      <p className="change-line" data-testid="change-line">
        <span>
          {t('reschedule.from', {
            date: f.dateOf(view.booking.appointment.start),
            time: f.time(view.booking.appointment.start),
          })}
        </span>
        <span className="change-line__arrow" aria-hidden="true">
          →
        </span>
        <strong>{t('reschedule.to', { date: f.dateOf(view.to.start), time: f.time(view.to.start) })}</strong>
      </p>
      <AppointmentCard appointment={view.booking.appointment} reference={view.booking.reference} />
    </BookingFrame>
  );
}

export function RescheduledStep({ view }: { view: StepOf<'rescheduled'> }) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow="check-in"
      step="rescheduled"
      stage="done"
      title={t('reschedule.done')}
      result
      actions={
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="finish"
          {...action([{ key: 'check-in:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('check-in.finish', {})}
        >
          {t('finish')}
        </button>
      }
    >
      <SlipStatus outcome={view.slip} what="slip" />
      <AppointmentCard appointment={view.booking.appointment} reference={view.booking.reference} />
    </BookingFrame>
  );
}

/** Cancelling needs a second, deliberate tap; Back keeps the booking. */
export function ConfirmCancelStep({ view }: { view: StepOf<'confirm-cancel'> }) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow="check-in"
      step="confirm-cancel"
      stage="booking"
      title={t('cancelBooking.title')}
      lead={t('cancelBooking.lead')}
      backLabel={t('cancelBooking.keep')}
      exitLabel={t('cancelBooking.leave')}
      spokenBack={[{ key: 'check-in:cancelBooking.keep' }]}
      spokenExit={[{ key: 'check-in:cancelBooking.leave' }]}
      actions={
        <button
          type="button"
          className="primary-button primary-button--danger"
          data-testid="confirm"
          {...action([{ key: 'check-in:cancelBooking.confirm' }], { role: 'default', order: -1 })}
          onClick={() => void rpc.call('check-in.confirm', {})}
        >
          {t('cancelBooking.confirm')}
        </button>
      }
    >
      <AppointmentCard appointment={view.booking.appointment} reference={view.booking.reference} />
    </BookingFrame>
  );
}

export function CancelledStep({ view }: { view: StepOf<'cancelled'> }) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow="check-in"
      step="cancelled"
      stage="done"
      title={t('cancelBooking.done')}
      result
      actions={
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="finish"
          {...action([{ key: 'check-in:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('check-in.finish', {})}
        >
          {t('finish')}
        </button>
      }
    >
      <p className="booking__hint">{t('cancelBooking.after')}</p>
      <AppointmentCard appointment={view.booking.appointment} reference={view.booking.reference} />
    </BookingFrame>
  );
}
