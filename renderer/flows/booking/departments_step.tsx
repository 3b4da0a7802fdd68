import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';
import { spokenName } from './booking_spoken.js';
import { byCount } from './by_count.js';
import { useGrowingList } from './growing_list.js';

type View = Extract<BookAppointmentFlowView, { step: 'departments' }>;

/** Browse without typing: the site's departments (or Mainland authorities); or search by name. */
export function DepartmentsStep({ view }: { view: View }) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  const f = useBookingFormat();
  const services = useMemo(() => byCount((count) => t('departments.services', { count })), [t]);
  const { shown, marker } = useGrowingList(view.departments.length, 'div');
  return (
    <BookingFrame
      flow="book-appointment"
      step="departments"
      stage="service"
      title={t(`departments.title.${view.site}`)}
      lead={
        <button
          type="button"
          className="search-entry"
          data-testid="open-search"
          {...action([{ key: 'book-appointment:departments.search' }])}
          onClick={() => void rpc.call('book-appointment.openSearch', {})}
        >
          <span aria-hidden="true">⌕</span>
          {t('departments.search')}
        </button>
      }
    >
      <div className="choice-list choice-list--columns">
        {view.departments.slice(0, shown).map((d) => (
          <button
            type="button"
            key={d.code}
            className="choice choice--wide"
            data-testid={`department-${d.code}`}
            {...action([
              spokenName(d.name),
              { key: 'book-appointment:departments.services', values: { count: d.services } },
            ])}
            onClick={() => void rpc.call('book-appointment.chooseDepartment', { code: d.code })}
          >
            <span className="choice__main">{f.name(d.name)}</span>
            <span className="choice__sub">{services(d.services)}</span>
          </button>
        ))}
        {marker}
      </div>
    </BookingFrame>
  );
}
