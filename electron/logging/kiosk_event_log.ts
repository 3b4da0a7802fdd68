import type { EventBus } from '../rpc/event_bus.js';
import type { KioskStatus } from '../rpc/kiosk_contract.js';
import type { ActiveSessionView, SessionEndReason, SessionView } from '../rpc/session_contract.js';
import type { KioskLogger } from './kiosk_logger.js';

/**
 * Logs the kiosk's life as its services publish it on the event bus — sessions (start, idle warning, extension,
 * a move into another flow, end, timeout), maintenance entered and left, the kiosk going out of service and
 * back — without the services knowing about logs. Lines carry the session id, the language, the flow's id and
 * reasons; a session holds no personal data in its view, and the resident's data never passes through here.
 * Steps within a flow and display settings (contrast, text size) are not logged: they say nothing staff need,
 * and step-by-step lines would trace one resident's every choice. `initial` is the kiosk's status when logging
 * starts. Returns the unsubscribe function.
 */
export function logKioskEvents(bus: EventBus, logger: KioskLogger, initial: KioskStatus): () => void {
  let session: ActiveSessionView | null = null;
  let status = initial;

  const onSession = (view: SessionView) => {
    if (view.phase !== 'active') return;
    if (session?.sessionId !== view.sessionId) {
      logger.log('session-started', { sessionId: view.sessionId, language: view.language });
    } else if (view.warning && !session.warning) {
      logger.log('session-idle-warning', {
        sessionId: view.sessionId,
        secondsLeft: view.warning.secondsLeft,
      });
    } else if (view.extensionsLeft < session.extensionsLeft) {
      logger.log('session-extended', { sessionId: view.sessionId, extensionsLeft: view.extensionsLeft });
    } else if (view.flow.service !== session.flow.service) {
      logger.log('session-flow-entered', { sessionId: view.sessionId, flow: view.flow.service });
    }
    session = view;
  };

  const onStatus = (next: KioskStatus) => {
    const inMaintenance = (s: KioskStatus) =>
      s.mode === 'out-of-service' && s.reasons.some((reason) => reason.kind === 'maintenance');
    if (!inMaintenance(status) && inMaintenance(next)) logger.log('maintenance-entered');
    if (inMaintenance(status) && !inMaintenance(next)) logger.log('maintenance-left');
    // Only the moments the kiosk stops and starts serving: each reason coming and going has its own line
    // (maintenance, device events).
    if (next.mode === 'out-of-service' && status.mode === 'in-service') {
      const reasons = next.reasons.map((r) =>
        r.kind === 'maintenance' ? r.kind : `${r.kind}:${r.deviceId}`,
      );
      logger.log('kiosk-out-of-service', { reasons });
    } else if (next.mode === 'in-service' && status.mode === 'out-of-service') {
      logger.log('kiosk-in-service');
    }
    status = next;
  };

  return bus.subscribe((event, payload) => {
    switch (event) {
      case 'session.changed':
        onSession(payload as SessionView);
        return;
      case 'session.ended': {
        const { reason } = payload as { reason: SessionEndReason };
        const sessionId = session?.sessionId;
        session = null;
        if (reason === 'timeout') logger.log('session-timed-out', { sessionId });
        else logger.log('session-ended', { sessionId, reason });
        return;
      }
      case 'kiosk.statusChanged':
        onStatus(payload as KioskStatus);
        return;
      default:
        return;
    }
  });
}
