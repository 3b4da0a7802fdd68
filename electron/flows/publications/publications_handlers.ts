import type { publicationsFlowMethods } from '../../rpc/flows/publications_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The publications flow's intents, each handed to the running flow (refused if the resident is elsewhere). */
export function publicationsFlowHandlers(flows: FlowRunner): MethodHandlers<typeof publicationsFlowMethods> {
  const id = 'publications';
  return {
    'publications.browseBy': ({ by }) => flows.dispatch(id, (flow) => flow.browseBy(by)),
    'publications.openGroup': ({ key }) => flows.dispatch(id, (flow) => flow.openGroup(key)),
    'publications.openSearch': () => flows.dispatch(id, (flow) => flow.openSearch()),
    'publications.search': ({ text }) => flows.dispatch(id, (flow) => flow.search(text)),
    'publications.open': ({ publicationId }) => flows.dispatch(id, (flow) => flow.open(publicationId)),
    'publications.setQuantity': ({ publicationId, quantity }) =>
      flows.dispatch(id, (flow) => flow.setQuantity(publicationId, quantity)),
    'publications.showBasket': () => flows.dispatch(id, (flow) => flow.showBasket()),
    'publications.checkout': () => flows.dispatch(id, (flow) => flow.checkout()),
    'publications.retry': () => flows.dispatch(id, (flow) => flow.retry()),
    'publications.back': () => flows.dispatch(id, (flow) => flow.back()),
    'publications.cancel': () => flows.dispatch(id, (flow) => flow.cancel()),
    'publications.finish': () => flows.dispatch(id, (flow) => flow.finish()),
  };
}
