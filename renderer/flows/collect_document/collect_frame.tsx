import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StepFrame } from '../../components/step_frame.js';
import { useRpc } from '../../rpc/rpc_context.js';

/**
 * The frame of every collection step. While a document is on its way out, Back and Cancel are shown but
 * disabled: nothing a tap does can stop a release.
 */
export function CollectFrame({
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
  const { t } = useTranslation('collect-document');
  const rpc = useRpc();
  return (
    <StepFrame
      className="collect"
      testId={`collect-${step}`}
      indicator={indicator}
      title={title}
      busy={busy}
      cancel={{
        label: t('cancel'),
        testId: 'collect-cancel',
        onPress: () => void rpc.call('collect-document.cancel', {}),
      }}
      back={{
        label: t('back'),
        testId: 'collect-back',
        onPress: () => void rpc.call('collect-document.back', {}),
      }}
    >
      {children}
    </StepFrame>
  );
}
