import { useTranslation } from 'react-i18next';
import type { WorkingTask } from '../../../electron/rpc/flows/booking_parts.js';
import { type BookingFlowId, BookingFrame, type Stage } from './booking_frame.js';

/** While the government system is asked: what the kiosk is doing, and Cancel (Back where going back is safe). */
export function WorkingStep<F extends BookingFlowId>({
  flow,
  task,
  stage,
}: {
  flow: F;
  task: WorkingTask;
  stage: Stage<F> | null;
}) {
  const { t } = useTranslation('booking');
  // A change on its way (booking, checking in…) is settled by the kiosk, not abandoned by Back.
  const canGoBack = task === 'catalogue' || task === 'availability' || task === 'finding';
  return (
    <BookingFrame flow={flow} step="working" stage={stage} title={t(`working.${task}`)} back={canGoBack}>
      <div className="working" role="status" aria-live="polite" data-testid="working">
        <span className="working__spinner" aria-hidden="true" />
        <p>{t('working.wait')}</p>
      </div>
    </BookingFrame>
  );
}
