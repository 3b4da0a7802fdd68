import { useTranslation } from 'react-i18next';
import type { PrintOutcome } from '../../../electron/rpc/flows/booking_parts.js';
import type { QueueTicketView } from '../../../electron/rpc/flows/check_in_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AppointmentCard } from './appointment_card.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';
import { SlipStatus } from './slip_status.js';

/** Checked in: the queue number, where to wait, and the ticket printing (or, checked in before, when). */
export function TicketStep({
  ticket,
  when,
  slip,
}: {
  ticket: QueueTicketView;
  when: 'now' | 'earlier';
  slip: PrintOutcome;
}) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  const f = useBookingFormat();
  return (
    <BookingFrame
      flow="check-in"
      step="ticket"
      stage="done"
      title={t(`ticket.title.${when}`)}
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
      <div className="queue-number">
        <span className="queue-number__label">{t('ticket.number')}</span>
        <span className="queue-number__value" data-testid="queue-number">
          {ticket.queueNumber}
        </span>
        <span className="queue-number__area" data-testid="counter-area">
          {t('ticket.goTo', { area: f.name(ticket.counterArea) })}
        </span>
      </div>
      {when === 'now' ? (
        <SlipStatus outcome={slip} what="ticket" />
      ) : (
        <p className="booking__hint" data-testid="checked-in-earlier">
          {t('ticket.earlier', { time: f.time(ticket.checkedInAt) })}
        </p>
      )}
      <AppointmentCard appointment={ticket.appointment} />
    </BookingFrame>
  );
}
