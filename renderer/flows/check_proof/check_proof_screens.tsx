import { useTranslation } from 'react-i18next';
import type { CheckProofFlowView } from '../../../electron/rpc/flows/check_proof_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { FlowStepFrame } from '../flow_step_frame.js';
import { FlowStepIndicator } from '../flow_step_indicator.js';
import { checkProofAnnouncement } from './check_proof_announcement.js';
import { ProofVerdictPanel } from './proof_verdict_panel.js';
import { TypeCodeBody } from './type_code_step.js';
import './check_proof.css';

const stepLabels = ['scan', 'check', 'result'] as const;

function stepIndex(view: CheckProofFlowView): number {
  switch (view.step) {
    case 'scan':
    case 'type-code':
      return 0;
    case 'checking':
    case 'problem':
      return 1;
    case 'result':
      return 2;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** Checking a printed proof: one screen per step the main process reports (electron/flows/check_proof/). */
export function CheckProofScreens({ view }: { view: CheckProofFlowView }) {
  const { t } = useTranslation('check-proof');
  const rpc = useRpc();
  useAnnouncement(checkProofAnnouncement(view));
  const indicator = <FlowStepIndicator flow="check-proof" labels={stepLabels} current={stepIndex(view)} />;
  const frame = { flow: 'check-proof' as const, prefix: 'check-proof', indicator };
  switch (view.step) {
    case 'scan':
      return (
        <FlowStepFrame {...frame} step="scan" title={t('scan.title')}>
          <div role="status" aria-live="polite" className="check-proof__status">
            {view.notice ? (
              <p className="notice" data-testid="check-proof-notice">
                {t(`scan.notice.${view.notice}`)}
              </p>
            ) : null}
          </div>
          <ScrollArea className="check-proof__scroll">
            <p className="check-proof__lead">{t('scan.lead')}</p>
            <p className="check-proof__hint">{t('scan.hint')}</p>
            <p className="check-proof__hint">{t('scan.typeHint')}</p>
          </ScrollArea>
          <div className="identify__choices">
            <button
              type="button"
              className="secondary-button"
              data-testid="check-proof-type-the-code"
              {...action([{ key: 'check-proof:scan.typeCode' }])}
              onClick={() => void rpc.call('check-proof.typeCode', {})}
            >
              {t('scan.typeCode')}
            </button>
          </div>
        </FlowStepFrame>
      );
    case 'type-code':
      return (
        <FlowStepFrame {...frame} step="type-code" title={t('typeCode.title')}>
          <TypeCodeBody problem={view.problem} waitUntil={view.waitUntil} />
        </FlowStepFrame>
      );
    case 'checking':
      return (
        <FlowStepFrame {...frame} step="checking" title={t('checking.title')} busy>
          <div className="check-proof__waiting" role="status" aria-live="polite">
            <span className="identify__spinner" aria-hidden="true" />
            <p>{t('checking.body')}</p>
          </div>
        </FlowStepFrame>
      );
    case 'problem':
      return (
        <FlowStepFrame {...frame} step="problem" title={t('problem.title')}>
          <p className="notice" role="alert">
            {t('problem.body')}
          </p>
          <div className="identify__choices">
            <button
              type="button"
              className="primary-button primary-button--large"
              data-testid="check-proof-retry"
              {...action([{ key: 'check-proof:retry' }], { role: 'default' })}
              onClick={() => void rpc.call('check-proof.retry', {})}
            >
              {t('retry')}
            </button>
          </div>
        </FlowStepFrame>
      );
    case 'result':
      return (
        <FlowStepFrame
          {...frame}
          step={`result-${view.result.verdict}`}
          title={t(`verdict.${view.result.verdict}.title`)}
        >
          <ScrollArea className="check-proof__scroll">
            <ProofVerdictPanel result={view.result} />
          </ScrollArea>
          <div className="identify__choices">
            <button
              type="button"
              className="secondary-button"
              data-testid="check-proof-again"
              {...action([{ key: 'check-proof:again' }])}
              onClick={() => void rpc.call('check-proof.again', {})}
            >
              {t('again')}
            </button>
            <button
              type="button"
              className="primary-button primary-button--large"
              data-testid="check-proof-finish"
              {...action([{ key: 'check-proof:finish' }], { role: 'default' })}
              onClick={() => void rpc.call('check-proof.finish', {})}
            >
              {t('finish')}
            </button>
          </div>
        </FlowStepFrame>
      );
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
