import { useTranslation } from 'react-i18next';
import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';
import { ServiceList } from './service_list.js';

type View = Extract<BookAppointmentFlowView, { step: 'services' }>;

/** A department's services at the chosen site, bookable ones first. */
export function ServicesStep({ view }: { view: View }) {
  const { t } = useTranslation('book-appointment');
  const f = useBookingFormat();
  return (
    <BookingFrame
      flow="book-appointment"
      step="services"
      stage="service"
      title={f.name(view.department.name)}
      lead={t('services.lead', { count: view.services.length })}
    >
      <ServiceList services={view.services} showDepartment={false} />
    </BookingFrame>
  );
}
