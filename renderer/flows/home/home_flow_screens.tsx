import type { HomeFlowView } from '../../../electron/rpc/flows/home_contract.js';
import { LanguageStep } from './language_step.js';
import { ServiceIntroStep } from './service_intro_step.js';
import { ServicesStep } from './services_step.js';

/** The home flow's screens: one component per step, chosen by the step the main process says the resident is on. */
export function HomeFlowScreens({ view }: { view: HomeFlowView }) {
  switch (view.step) {
    case 'language':
      return <LanguageStep />;
    case 'services':
      return <ServicesStep />;
    case 'service-intro':
      return <ServiceIntroStep service={view.about} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
