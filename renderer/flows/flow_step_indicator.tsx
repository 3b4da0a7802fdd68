import { useTranslation } from 'react-i18next';
import { StepIndicator } from '../components/step_indicator.js';

/**
 * The step indicator of a resident flow whose namespace names its steps `steps.<label>` and says where the resident
 * is with `steps.summary` ("Step 2 of 4"): collect a document, proof of identity, check a proof, publications.
 */
export function FlowStepIndicator({
  flow,
  labels,
  current,
}: {
  flow: 'collect-document' | 'proof-of-identity' | 'check-proof' | 'publications';
  labels: readonly string[];
  current: number;
}) {
  const { t } = useTranslation(flow);
  return (
    <StepIndicator
      labels={labels.map((label) => t(`steps.${label}`))}
      current={current}
      summary={t('steps.summary', { current: current + 1, total: labels.length })}
    />
  );
}
