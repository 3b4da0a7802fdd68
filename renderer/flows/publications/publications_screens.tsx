import { useTranslation } from 'react-i18next';
import type { PublicationsFlowView } from '../../../electron/rpc/flows/publications_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { FlowStepIndicator } from '../flow_step_indicator.js';
import { BasketStep } from './basket_step.js';
import { BrowseStep, ListStep } from './browse_steps.js';
import { DetailStep } from './detail_step.js';
import { DispensingStep, DoneStep } from './dispense_steps.js';
import { PayingStep, PayStep } from './pay_steps.js';
import { publicationsAnnouncement } from './publications_announcement.js';
import { SearchStep } from './search_step.js';
import { LoadingStep, UnavailableStep } from './status_steps.js';
import './publications.css';

const stepLabels = ['choose', 'basket', 'pay', 'collect'] as const;

function stepIndex(view: PublicationsFlowView): number {
  switch (view.step) {
    case 'loading':
    case 'unavailable':
    case 'browse':
    case 'list':
    case 'search':
    case 'detail':
      return 0;
    case 'basket':
      return 1;
    case 'pay':
    case 'paying':
      return 2;
    case 'dispensing':
    case 'done':
      return 3;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** Government publications: one screen per step the main process reports (electron/flows/publications/). */
export function PublicationsScreens({ view }: { view: PublicationsFlowView }) {
  const { i18n } = useTranslation('publications');
  useAnnouncement(publicationsAnnouncement(view, i18n.language as Language));
  const indicator = <FlowStepIndicator flow="publications" labels={stepLabels} current={stepIndex(view)} />;
  switch (view.step) {
    case 'loading':
      return <LoadingStep indicator={indicator} />;
    case 'unavailable':
      return <UnavailableStep indicator={indicator} />;
    case 'browse':
      return <BrowseStep view={view} indicator={indicator} />;
    case 'list':
      return <ListStep view={view} indicator={indicator} />;
    case 'search':
      return <SearchStep view={view} indicator={indicator} />;
    case 'detail':
      return <DetailStep view={view} indicator={indicator} />;
    case 'basket':
      return <BasketStep view={view} indicator={indicator} />;
    case 'pay':
      return <PayStep view={view} indicator={indicator} />;
    case 'paying':
      return <PayingStep view={view} indicator={indicator} />;
    case 'dispensing':
      return <DispensingStep view={view} indicator={indicator} />;
    case 'done':
      return <DoneStep view={view} indicator={indicator} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
