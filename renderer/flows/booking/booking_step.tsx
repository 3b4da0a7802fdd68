import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CheckInFlowView, CheckInRefusal } from '../../../electron/rpc/flows/check_in_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AppointmentCard } from './appointment_card.js';
import { type BookingFormat, useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';

type View = Extract<CheckInFlowView, { step: 'booking' }>;

/** Why check-in did not happen, with what to do: each refusal its own message. */
function refusalText(
  refusal: CheckInRefusal,
  view: View,
  f: BookingFormat,
  t: TFunction<'check-in'>,
): string {
  switch (refusal.reason) {
    case 'too-early':
      return t('refusal.too-early', {
        date: f.dateOf(refusal.opensAt),
        time: f.time(refusal.opensAt),
        inTime: f.fromNow(refusal.opensAt),
      });
    case 'too-late':
      return t('refusal.too-late', { date: f.dateOf(refusal.closedAt), time: f.time(refusal.closedAt) });
    case 'wrong-centre':
      return t('refusal.wrong-centre', {
        centre: f.name(view.booking.appointment.centre.name),
        address: f.name(view.booking.appointment.centre.address),
      });
    case 'cancelled':
      return t('refusal.cancelled');
    default: {
      const unreachable: never = refusal;
      return unreachable;
    }
  }
}

/** A booking as it stands (found to manage it, or refused for check-in), and what can be done with it. */
export function BookingStep({ view }: { view: View }) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  const f = useBookingFormat();
  return (
    <BookingFrame
      flow="check-in"
      step="booking"
      stage="booking"
      title={
        view.refusal ? t(`refusal.title.${view.refusal.reason}`) : t(`booking.title.${view.booking.status}`)
      }
      actions={
        <button
          type="button"
          className="primary-button"
          data-testid="finish"
          {...action([{ key: 'check-in:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('check-in.finish', {})}
        >
          {t('finish')}
        </button>
      }
    >
      {view.refusal ? (
        <p className="notice" role="alert" data-testid={`refusal-${view.refusal.reason}`}>
          {refusalText(view.refusal, view, f, t)}
        </p>
      ) : null}
      {/* What can be done comes before the booking's details, so it is in view without scrolling. */}
      {view.canChange ? (
        <div className="booking-actions">
          <button
            type="button"
            className="primary-button"
            data-testid="reschedule"
            {...action([{ key: 'check-in:booking.reschedule' }], { order: -1 })}
            onClick={() => void rpc.call('check-in.reschedule', {})}
          >
            {t('booking.reschedule')}
          </button>
          <button
            type="button"
            className="secondary-button"
            data-testid="cancel-booking"
            {...action([{ key: 'check-in:booking.cancelIt' }], { order: -1 })}
            onClick={() => void rpc.call('check-in.cancelBooking', {})}
          >
            {t('booking.cancelIt')}
          </button>
        </div>
      ) : null}
      <AppointmentCard appointment={view.booking.appointment} reference={view.booking.reference} />
    </BookingFrame>
  );
}
