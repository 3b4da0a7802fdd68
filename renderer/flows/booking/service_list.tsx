import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { spokenName } from './booking_spoken.js';
import { useGrowingList } from './growing_list.js';

/**
 * Services to choose from (a department's, or search results); one that cannot be booked says so. A department's
 * hundred services are drawn as the list scrolls (growing_list.tsx). Each row takes
 * only the words it shows, so a keystroke's new results draw only the rows that changed (every answer arrives as
 * new objects, and a search answer keeps most of the rows the previous keystroke showed).
 */
export function ServiceList({
  services,
  showDepartment,
  first,
}: {
  services: readonly ServiceItem[];
  showDepartment: boolean;
  first?: number;
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
  const { shown, marker } = useGrowingList(services.length, 'li', first);
  return (
    <ul className="service-list" data-testid="service-list">
      {services.slice(0, shown).map((s, i) => (
        // Each row says where it is in the whole list, drawn or not yet ("3 of 104"): assistive technology hears
        // the list's size though only its first rows are drawn. Outside the memoised row, so a shift redraws none.
        <li key={s.serviceId} aria-setsize={services.length} aria-posinset={i + 1}>
          <ServiceRow
            service={s}
            name={f.name(s.name)}
            department={showDepartment ? f.name(s.department.name) : null}
            notBookable={s.bookable ? null : notBookable}
            choose={choose}
          />
        </li>
      ))}
      {marker}
    </ul>
  );
}

const ServiceRow = memo(
  function ServiceRow({
    service,
    name,
    department,
    notBookable,
    choose,
  }: {
    /** The service as the answer gave it: its names in the four languages, for audio guidance. */
    service: ServiceItem;
    name: string;
    department: string | null;
    /** The "cannot be booked here" tag, or null for a service that can be booked. */
    notBookable: string | null;
    choose: (serviceId: string) => void;
  }) {
    return (
      <button
        type="button"
        className="choice choice--wide"
        data-testid={`service-${service.serviceId}`}
        {...action([
          spokenName(service.name),
          ...(department === null ? [] : [spokenName(service.department.name)]),
          ...(notBookable === null ? [] : [{ key: 'book-appointment:services.notBookable' }]),
        ])}
        onClick={() => choose(service.serviceId)}
      >
        <span className="choice__main">{name}</span>
        {department === null ? null : <span className="choice__sub">{department}</span>}
        {notBookable === null ? null : <span className="tag tag--muted">{notBookable}</span>}
      </button>
    );
  },
  // Every answer brings new objects; a row is the same row while its service and the words it shows are the same
  // (a service's names in the four languages are the service's, so its id stands for them).
  (before, after) =>
    before.service.serviceId === after.service.serviceId &&
    before.name === after.name &&
    before.department === after.department &&
    before.notBookable === after.notBookable &&
    before.choose === after.choose,
);
