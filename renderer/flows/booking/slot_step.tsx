import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotStepView, SlotView } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { type BookingFlowId, BookingFrame } from './booking_frame.js';
import { spokenTime } from './booking_spoken.js';
import { byCount } from './by_count.js';
import { sendShared } from './shared_intents.js';

/**
 * The free times of the chosen day. When the time chosen was taken meanwhile (or has started), a notice says so
 * and offers the next free ones, which can be chosen from it directly.
 */
export function SlotStep<F extends BookingFlowId>({ flow, view }: { flow: F; view: SlotStepView<F> }) {
  const { t } = useTranslation('booking');
  const rpc = useRpc();
  const f = useBookingFormat();
  const places = useMemo(() => byCount((count) => t('slot.places', { count })), [t]);
  const choose = (slot: SlotView) => sendShared(rpc, flow, { intent: 'chooseSlot', slotId: slot.slotId });
  return (
    <BookingFrame
      flow={flow}
      step="slot"
      stage={flow === 'check-in' ? 'booking' : 'time'}
      title={t('slot.title')}
      lead={t('slot.lead', { date: f.date(view.date), centre: f.name(view.centre.name) })}
    >
      {view.notice ? (
        <section className="notice slot-notice" role="alert" data-testid="slot-notice">
          <p>{t(`slot.notice.${view.notice.kind}`)}</p>
          {view.notice.nextFree.length > 0 ? (
            <>
              <p>{t('slot.nextFree')}</p>
              <div className="choice-row">
                {view.notice.nextFree.map((slot) => (
                  <button
                    type="button"
                    key={slot.slotId}
                    className="choice choice--small"
                    data-testid={`next-${slot.slotId}`}
                    {...action(
                      [
                        ...spokenTime(slot.start, f),
                        { key: 'booking.said', values: { what: f.day(slot.start.slice(0, 10)) } },
                      ],
                      { order: -1 },
                    )}
                    onClick={() => choose(slot)}
                  >
                    <span className="choice__main">{f.time(slot.start)}</span>
                    <span className="choice__sub">{f.day(slot.start.slice(0, 10))}</span>
                  </button>
                ))}
              </div>
            </>
          ) : null}
        </section>
      ) : null}
      {view.slots.length === 0 ? (
        <p className="notice" role="status" data-testid="no-slots">
          {t('slot.none')}
        </p>
      ) : (
        <div className="choice-grid choice-grid--times">
          {view.slots.map((slot) => (
            <button
              type="button"
              key={slot.slotId}
              className="choice"
              data-testid={`slot-${slot.slotId}`}
              {...action(spokenTime(slot.start, f, slot.free))}
              onClick={() => choose(slot)}
            >
              <span className="choice__main">{f.time(slot.start)}</span>
              <span className="choice__sub">{places(slot.free)}</span>
            </button>
          ))}
        </div>
      )}
    </BookingFrame>
  );
}
