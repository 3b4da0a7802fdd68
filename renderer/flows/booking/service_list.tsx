import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { spokenName } from './booking_spoken.js';

/** Services to choose from (a department's, or search results); one that cannot be booked says so. */
export function ServiceList({
  services,
  showDepartment,
}: {
  services: readonly ServiceItem[];
  showDepartment: boolean;
}) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  const f = useBookingFormat();
  return (
    <ul className="service-list" data-testid="service-list">
      {services.map((s) => (
        <li key={s.serviceId}>
          <button
            type="button"
            className="choice choice--wide"
            data-testid={`service-${s.serviceId}`}
            {...action([
              spokenName(s.name),
              ...(showDepartment ? [spokenName(s.department.name)] : []),
              ...(s.bookable ? [] : [{ key: 'book-appointment:services.notBookable' }]),
            ])}
            onClick={() => void rpc.call('book-appointment.chooseService', { serviceId: s.serviceId })}
          >
            <span className="choice__main">{f.name(s.name)}</span>
            {showDepartment ? <span className="choice__sub">{f.name(s.department.name)}</span> : null}
            {s.bookable ? null : <span className="tag tag--muted">{t('services.notBookable')}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
