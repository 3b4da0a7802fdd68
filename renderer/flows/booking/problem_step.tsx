import { useTranslation } from 'react-i18next';
import type { BackendProblem } from '../../../electron/rpc/flows/booking_parts.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { type BookingFlowId, BookingFrame } from './booking_frame.js';
import { sendShared } from './shared_intents.js';

/**
 * The government system did not answer. `unavailable`: nothing was changed; `outcome-unknown`: a change may
 * have been made, and trying again cannot make it twice. Either way the resident can try again or leave.
 */
export function ProblemStep<F extends BookingFlowId>({
  flow,
  problem,
}: {
  flow: F;
  problem: BackendProblem;
}) {
  const { t } = useTranslation('booking');
  const rpc = useRpc();
  return (
    <BookingFrame
      flow={flow}
      step="problem"
      stage={null}
      title={t(`problem.${problem}.title`)}
      actions={
        <button
          type="button"
          className="primary-button"
          data-testid="retry"
          {...action([{ key: 'booking:actions.retry' }], { role: 'default', order: -1 })}
          onClick={() => sendShared(rpc, flow, { intent: 'retry' })}
        >
          {t('actions.retry')}
        </button>
      }
    >
      <p className="notice" role="alert" data-testid={`problem-${problem}`}>
        {t(`problem.${problem}.body`)}
      </p>
      <p className="booking__hint">{t('problem.elsewhere')}</p>
    </BookingFrame>
  );
}
