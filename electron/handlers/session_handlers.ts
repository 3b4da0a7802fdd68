import type { FlowRunner } from '../flows/flow_runner.js';
import type { MethodHandlers } from '../rpc/router.js';
import type { sessionMethods } from '../rpc/session_contract.js';
import type { SessionService } from '../services/session_service.js';

/** `session.*`: the resident's session. A start goes through the flow runner, which opens the home flow. */
export function sessionHandlers(
  session: SessionService,
  flows: FlowRunner,
): MethodHandlers<typeof sessionMethods> {
  return {
    'session.start': ({ language }) => flows.startSession(language),
    'session.setLanguage': ({ language }) => session.setLanguage(language),
    'session.setAccessibility': (change) => session.setAccessibility(change),
    'session.touch': () => session.touch(),
    'session.extend': () => session.extend(),
    'session.end': ({ reason }) => session.end(reason),
  };
}
