import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StepFrame } from '../../components/step_frame.js';
import { useRpc } from '../../rpc/rpc_context.js';

/** The frame of every proof-of-identity step; while the page is made or printed, Back and Cancel wait. */
export function ProofFrame({
  step,
  indicator,
  title,
  busy = false,
  children,
}: {
  step: string;
  indicator: ReactNode;
  title: string;
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('proof-of-identity');
  const rpc = useRpc();
  return (
    <StepFrame
      className="proof"
      testId={`proof-${step}`}
      indicator={indicator}
      title={title}
      busy={busy}
      cancel={{
        label: t('cancel'),
        testId: 'proof-cancel',
        onPress: () => void rpc.call('proof-of-identity.cancel', {}),
      }}
      back={{
        label: t('back'),
        testId: 'proof-back',
        onPress: () => void rpc.call('proof-of-identity.back', {}),
      }}
    >
      {children}
    </StepFrame>
  );
}
