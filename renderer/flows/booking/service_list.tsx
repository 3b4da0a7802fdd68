import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '../../../electron/rpc/flows/booking_parts.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';

/**
 * Services to choose from (a department's, or search results); one that cannot be booked says so. Each row takes
 * only the words it shows, so a keystroke's new results draw only the rows that changed (every answer arrives as
 * new objects, and a search answer keeps most of the rows the previous keystroke showed).
 */
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
  // Translated once for the list: useTranslation in each of 20 rows was the costliest part of drawing new results.
  const notBookable = t('services.notBookable');
  const choose = useCallback(
    (serviceId: string) => void rpc.call('book-appointment.chooseService', { serviceId }),
    [rpc],
  );
  return (
    <ul className="service-list" data-testid="service-list">
      {services.map((s) => (
        <ServiceRow
          key={s.serviceId}
          serviceId={s.serviceId}
          name={f.name(s.name)}
          department={showDepartment ? f.name(s.department.name) : null}
          notBookable={s.bookable ? null : notBookable}
          choose={choose}
        />
      ))}
    </ul>
  );
}

const ServiceRow = memo(function ServiceRow({
  serviceId,
  name,
  department,
  notBookable,
  choose,
}: {
  serviceId: string;
  name: string;
  department: string | null;
  /** The "cannot be booked here" tag, or null for a service that can be booked. */
  notBookable: string | null;
  choose: (serviceId: string) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className="choice choice--wide"
        data-testid={`service-${serviceId}`}
        onClick={() => choose(serviceId)}
      >
        <span className="choice__main">{name}</span>
        {department === null ? null : <span className="choice__sub">{department}</span>}
        {notBookable === null ? null : <span className="tag tag--muted">{notBookable}</span>}
      </button>
    </li>
  );
});
