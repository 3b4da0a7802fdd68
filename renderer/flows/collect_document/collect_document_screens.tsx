import type { CollectDocumentFlowView } from '../../../electron/rpc/flows/collect_document_contract.js';
import { Announce } from '../../a11y/announce.js';
import { FlowStepIndicator } from '../flow_step_indicator.js';
import { IdentifyScreens } from '../identify/identify_screens.js';
import { ChooseStep } from './choose_step.js';
import { collectAnnouncement } from './collect_announcement.js';
import { DoneStep } from './done_step.js';
import { OutcomeStep } from './outcome_step.js';
import { ReleasingStep } from './releasing_step.js';
import './collect_document.css';

const stepLabels = ['identify', 'choose', 'collect', 'done'] as const;

function stepIndex(view: CollectDocumentFlowView): number {
  switch (view.step) {
    case 'identify':
      return 0;
    case 'finding':
    case 'choose':
    case 'nothing-ready':
    case 'unavailable':
      return 1;
    case 'releasing':
    case 'confirming':
    case 'not-collected':
    case 'release-failed':
      return 2;
    case 'done':
      return 3;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** Collect my document: one screen per step the main process reports (electron/flows/collect_document/). */
export function CollectDocumentScreens({ view }: { view: CollectDocumentFlowView }) {
  const indicator = (
    <FlowStepIndicator flow="collect-document" labels={stepLabels} current={stepIndex(view)} />
  );
  const spoken = view.step === 'identify' ? null : <Announce prompts={collectAnnouncement(view)} />;
  switch (view.step) {
    case 'identify':
      return <IdentifyScreens view={view.identify} stepIndicator={indicator} />;
    case 'choose':
      return (
        <>
          {spoken}
          <ChooseStep documents={view.documents} indicator={indicator} />
        </>
      );
    case 'finding':
    case 'releasing':
    case 'confirming':
      return (
        <>
          {spoken}
          <ReleasingStep view={view} indicator={indicator} />
        </>
      );
    case 'done':
      return (
        <>
          {spoken}
          <DoneStep view={view} indicator={indicator} />
        </>
      );
    case 'nothing-ready':
    case 'not-collected':
    case 'release-failed':
    case 'unavailable':
      return (
        <>
          {spoken}
          <OutcomeStep view={view} indicator={indicator} />
        </>
      );
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
