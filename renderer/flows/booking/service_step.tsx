import { useTranslation } from 'react-i18next';
import type { ServiceDetails } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { ClockIcon } from '../../components/icons.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';

/** What a service is for, what to bring, its fee and how long it takes; then book it (if it can be booked). */
export function ServiceStep({ details }: { details: ServiceDetails }) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  const f = useBookingFormat();
  return (
    <BookingFrame
      flow="book-appointment"
      step="service"
      stage="service"
      title={f.name(details.name)}
      lead={f.name(details.department.name)}
      actions={
        details.bookable ? (
          <button
            type="button"
            className="primary-button"
            data-testid="start-booking"
            {...action([{ key: 'book-appointment:service.book' }], { role: 'default', order: -1 })}
            onClick={() => void rpc.call('book-appointment.startBooking', {})}
          >
            {t('service.book')}
          </button>
        ) : null
      }
    >
      <section className="panel service-facts">
        <h2>{t('service.bring')}</h2>
        <ul className="needs" data-testid="requirements">
          {details.requirements.map((r) => (
            <li key={r}>{t(`booking:requirement.${r}`)}</li>
          ))}
        </ul>
        <p className="service-facts__line" data-testid="fee">
          <strong>{t('service.fee')}</strong>{' '}
          {details.feeAvos === 0 ? t('service.free') : f.money(details.feeAvos)}
        </p>
        <p className="service-facts__line service-intro__time">
          <ClockIcon size={36} />
          <span>{t('service.minutes', { count: details.appointmentMinutes })}</span>
        </p>
      </section>
      {details.bookable ? null : (
        <p className="notice" role="status" data-testid="not-bookable">
          {t('service.notBookable')}
        </p>
      )}
    </BookingFrame>
  );
}
