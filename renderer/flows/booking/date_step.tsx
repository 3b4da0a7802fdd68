import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateStepView } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { type BookingFlowId, BookingFrame } from './booking_frame.js';
import { spokenDay } from './booking_spoken.js';
import { byCount } from './by_count.js';
import { sendShared } from './shared_intents.js';

/** The days with a free time at the chosen centre (for a new booking, or a booking being moved). */
export function DateStep<F extends BookingFlowId>({ flow, view }: { flow: F; view: DateStepView<F> }) {
  const { t } = useTranslation('booking');
  const rpc = useRpc();
  const f = useBookingFormat();
  const free = useMemo(() => byCount((count) => t('date.free', { count })), [t]);
  return (
    <BookingFrame
      flow={flow}
      step="date"
      stage={flow === 'check-in' ? 'booking' : 'time'}
      title={t('date.title')}
      lead={t('date.lead', { service: f.name(view.about.name), centre: f.name(view.centre.name) })}
    >
      {view.dates.length === 0 ? (
        <p className="notice" role="status" data-testid="no-dates">
          {t('date.none')}
        </p>
      ) : (
        <div className="choice-grid choice-grid--days">
          {view.dates.map((d) => (
            <button
              type="button"
              key={d.date}
              className="choice"
              data-testid={`date-${d.date}`}
              {...action(spokenDay(d.date, d.freeSlots, f))}
              onClick={() => sendShared(rpc, flow, { intent: 'chooseDate', date: d.date })}
            >
              <span className="choice__main">{f.day(d.date)}</span>
              <span className="choice__sub">{free(d.freeSlots)}</span>
            </button>
          ))}
        </div>
      )}
    </BookingFrame>
  );
}
