import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../electron/rpc/flows/booking_parts.js';
import { useBookingFormat } from './booking_format.js';

/** What, where and when: the summary every booking step shows the same way. */
export function AppointmentCard({
  appointment,
  reference,
  children,
  testId = 'appointment',
}: {
  appointment: AppointmentView;
  reference?: string;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation('booking');
  const f = useBookingFormat();
  const { service, centre } = appointment;
  return (
    <section className="panel appointment-card" data-testid={testId}>
      <dl className="appointment-card__facts">
        <dt>{t('card.service')}</dt>
        <dd data-testid="card-service">
          {f.name(service.name)}
          <span className="appointment-card__department">{f.name(service.department.name)}</span>
        </dd>
        <dt>{t('card.centre')}</dt>
        <dd data-testid="card-centre">
          {f.name(centre.name)}
          <span className="appointment-card__address">{f.name(centre.address)}</span>
        </dd>
        <dt>{t('card.when')}</dt>
        <dd data-testid="card-when">
          {f.dateOf(appointment.start)}
          <span className="appointment-card__time">{f.time(appointment.start)}</span>
        </dd>
        {reference ? (
          <>
            <dt>{t('card.reference')}</dt>
            <dd className="appointment-card__reference" data-testid="card-reference">
              {reference}
            </dd>
          </>
        ) : null}
      </dl>
      {children}
    </section>
  );
}
