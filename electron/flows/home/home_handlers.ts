import type { homeFlowMethods } from '../../rpc/flows/home_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The home flow's intents, each handed to the running home flow (refused if the resident is elsewhere). */
export function homeFlowHandlers(flows: FlowRunner): MethodHandlers<typeof homeFlowMethods> {
  return {
    'home.chooseLanguage': ({ language }) => flows.dispatch('home', (home) => home.chooseLanguage(language)),
    'home.openService': ({ service }) => flows.dispatch('home', (home) => home.openService(service)),
    'home.backToServices': () => flows.dispatch('home', (home) => home.backToServices()),
    'home.startService': () => flows.dispatch('home', (home) => home.startService()),
  };
}
