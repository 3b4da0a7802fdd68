import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StepFrame } from '../components/step_frame.js';
import { useRpc } from '../rpc/rpc_context.js';

/** The flows whose steps share this frame: their Back and Cancel intents are `<flow>.back` and `<flow>.cancel`. */
type FramedFlow =
  | 'collect-document'
  | 'proof-of-identity'
  | 'check-proof'
  | 'locker-pickup'
  | 'locker-apply'
  | 'publications';

export interface FlowStepProps {
  step: string;
  indicator: ReactNode;
  title: string;
  /** While something is under way (a document on its way out, a page printing), Back and Cancel are disabled. */
  busy?: boolean;
  children: ReactNode;
}

/**
 * The frame of a resident flow's step: title, step indicator, and Back and Cancel sending the flow's own intents,
 * labelled from the flow's namespace. `prefix` names the class and the test ids (`<prefix>-<step>`,
 * `<prefix>-back`, `<prefix>-cancel`).
 */
export function FlowStepFrame({
  flow,
  prefix,
  step,
  indicator,
  title,
  busy = false,
  children,
}: FlowStepProps & { flow: FramedFlow; prefix: string }) {
  const { t } = useTranslation(flow);
  const rpc = useRpc();
  return (
    <StepFrame
      className={prefix}
      testId={`${prefix}-${step}`}
      indicator={indicator}
      title={title}
      busy={busy}
      cancel={{
        label: t('cancel'),
        testId: `${prefix}-cancel`,
        onPress: () => void rpc.call(`${flow}.cancel`, {}),
        spoken: [{ key: `${flow}:cancel` }],
      }}
      back={{
        label: t('back'),
        testId: `${prefix}-back`,
        onPress: () => void rpc.call(`${flow}.back`, {}),
        spoken: [{ key: `${flow}:back` }],
      }}
    >
      {children}
    </StepFrame>
  );
}
