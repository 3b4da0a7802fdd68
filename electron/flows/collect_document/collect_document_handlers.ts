import type { collectDocumentFlowMethods } from '../../rpc/flows/collect_document_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The collection flow's intents, each handed to the running collection flow (refused if the resident is elsewhere). */
export function collectDocumentFlowHandlers(
  flows: FlowRunner,
): MethodHandlers<typeof collectDocumentFlowMethods> {
  const collect = 'collect-document';
  return {
    'collect-document.choose': ({ collectionId }) =>
      flows.dispatch(collect, (flow) => flow.choose(collectionId)),
    'collect-document.another': () => flows.dispatch(collect, (flow) => flow.another()),
    'collect-document.finish': () => flows.dispatch(collect, (flow) => flow.finish()),
    'collect-document.back': () => flows.dispatch(collect, (flow) => flow.back()),
    'collect-document.cancel': () => flows.dispatch(collect, (flow) => flow.cancel()),
  };
}
