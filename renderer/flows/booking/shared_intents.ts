import type { RpcClient } from '../../rpc/rpc_client.js';
import type { BookingFlowId } from './booking_frame.js';

/** The intents both booking flows offer with the same meaning, from the steps they share. */
export type SharedIntent =
  | { intent: 'back' }
  | { intent: 'cancel' }
  | { intent: 'retry' }
  | { intent: 'chooseDate'; date: string }
  | { intent: 'chooseSlot'; slotId: string };

/** Sends a shared step's intent to the flow that shows it (each flow has its own method names). */
export function sendShared(rpc: RpcClient, flow: BookingFlowId, shared: SharedIntent): void {
  if (flow === 'book-appointment') {
    switch (shared.intent) {
      case 'back':
        void rpc.call('book-appointment.back', {});
        return;
      case 'cancel':
        void rpc.call('book-appointment.cancel', {});
        return;
      case 'retry':
        void rpc.call('book-appointment.retry', {});
        return;
      case 'chooseDate':
        void rpc.call('book-appointment.chooseDate', { date: shared.date });
        return;
      case 'chooseSlot':
        void rpc.call('book-appointment.chooseSlot', { slotId: shared.slotId });
        return;
    }
  }
  switch (shared.intent) {
    case 'back':
      void rpc.call('check-in.back', {});
      return;
    case 'cancel':
      void rpc.call('check-in.cancel', {});
      return;
    case 'retry':
      void rpc.call('check-in.retry', {});
      return;
    case 'chooseDate':
      void rpc.call('check-in.chooseDate', { date: shared.date });
      return;
    case 'chooseSlot':
      void rpc.call('check-in.chooseSlot', { slotId: shared.slotId });
      return;
  }
}
