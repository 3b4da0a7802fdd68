import { useTranslation } from 'react-i18next';
import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';
import { spokenName } from './booking_spoken.js';

type View = Extract<BookAppointmentFlowView, { step: 'centre' }>;

/** Where: the centres whose counters handle the service, this one first. */
export function CentreStep({ view }: { view: View }) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  const f = useBookingFormat();
  return (
    <BookingFrame
      flow="book-appointment"
      step="centre"
      stage="centre"
      title={t('centre.title')}
      lead={f.name(view.about.name)}
    >
      <div className="choice-list">
        {view.centres.map((c) => (
          <button
            type="button"
            key={c.centreId}
            className="choice choice--wide"
            data-testid={`centre-${c.centreId}`}
            {...action([
              spokenName(c.name),
              spokenName(c.address),
              ...(c.here ? [{ key: 'book-appointment:centre.here' }] : []),
            ])}
            onClick={() => void rpc.call('book-appointment.chooseCentre', { centreId: c.centreId })}
          >
            <span className="choice__main">{f.name(c.name)}</span>
            <span className="choice__sub">{f.name(c.address)}</span>
            {c.here ? <span className="tag">{t('centre.here')}</span> : null}
          </button>
        ))}
      </div>
    </BookingFrame>
  );
}
