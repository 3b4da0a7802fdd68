import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ProofLanguages,
  ProofOfIdentityFlowView,
} from '../../../electron/rpc/flows/proof_of_identity_contract.js';
import { Announce } from '../../a11y/announce.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { FlowStepIndicator } from '../flow_step_indicator.js';
import { IdentifyScreens } from '../identify/identify_screens.js';
import { proofAnnouncement } from './proof_announcement.js';
import { ProofFrame } from './proof_frame.js';
import { ProofOutcomeStep } from './proof_outcome_step.js';
import './proof_of_identity.css';

const stepLabels = ['identify', 'choose', 'preview', 'print'] as const;
const languageChoices: readonly ProofLanguages[] = ['zh-pt', 'zh-en'];

function stepIndex(view: ProofOfIdentityFlowView): number {
  switch (view.step) {
    case 'identify':
      return 0;
    case 'choose':
    case 'preparing':
      return 1;
    case 'preview':
      return 2;
    case 'printing':
    case 'done':
    case 'failed':
      return 3;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** Proof of identity: one screen per step the main process reports (electron/flows/proof_of_identity/). */
export function ProofOfIdentityScreens({ view }: { view: ProofOfIdentityFlowView }) {
  const indicator = (
    <FlowStepIndicator flow="proof-of-identity" labels={stepLabels} current={stepIndex(view)} />
  );
  if (view.step === 'identify') return <IdentifyScreens view={view.identify} stepIndicator={indicator} />;
  return (
    <>
      <Announce prompts={proofAnnouncement(view)} />
      <ProofStep view={view} indicator={indicator} />
    </>
  );
}

/** The step itself, once the resident is identified (the announcement above speaks for it). */
function ProofStep({
  view,
  indicator,
}: {
  view: Exclude<ProofOfIdentityFlowView, { step: 'identify' }>;
  indicator: ReactNode;
}) {
  const { t } = useTranslation('proof-of-identity');
  const rpc = useRpc();
  switch (view.step) {
    case 'choose':
      return (
        <ProofFrame step="choose" indicator={indicator} title={t('choose.title')}>
          <p className="proof__lead">{t('choose.lead')}</p>
          <div className="proof__choices">
            {languageChoices.map((languages) => (
              <button
                key={languages}
                type="button"
                className="tile proof__choice"
                data-testid={`proof-languages-${languages}`}
                {...action([{ key: `proof-of-identity:choose.${languages}.title` }])}
                onClick={() => void rpc.call('proof-of-identity.choose', { languages })}
              >
                <span className="tile__title">{t(`choose.${languages}.title`)}</span>
                <span className="tile__summary">{t(`choose.${languages}.summary`)}</span>
              </button>
            ))}
          </div>
        </ProofFrame>
      );
    case 'preview':
      return (
        <ProofFrame step="preview" indicator={indicator} title={t('preview.title')}>
          <div className="proof__preview-row">
            {/* The page scrolls under the shared "More below" cue, beside the frame's own edge shadows. */}
            <div className="proof__page-column" data-testid="proof-page-frame">
              <ScrollArea className="proof__page-frame">
                <img
                  className="proof__page"
                  src={view.preview}
                  alt={t('preview.alt')}
                  data-testid="proof-page"
                />
              </ScrollArea>
            </div>
            <div className="proof__preview-side">
              <p className="proof__lead">{t('preview.lead')}</p>
              <button
                type="button"
                className="primary-button primary-button--large"
                data-testid="proof-print"
                {...action([{ key: 'proof-of-identity:preview.print' }], { role: 'default' })}
                onClick={() => void rpc.call('proof-of-identity.print', {})}
              >
                {t('preview.print')}
              </button>
            </div>
          </div>
        </ProofFrame>
      );
    case 'preparing':
    case 'printing':
    case 'done':
    case 'failed':
      return <ProofOutcomeStep view={view} indicator={indicator} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
