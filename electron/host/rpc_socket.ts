import type { WebSocket } from 'ws';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { handleRequestFrame } from '../rpc/frame_handler.js';
import type { Router } from '../rpc/router.js';

/** Closes a socket that sends binary frames: the contract is JSON text. */
export const closeUnsupportedData = 1003;

/**
 * Serves one admitted RPC socket: each text frame is a request frame, answered through the same frame handler
 * as Electron IPC (so malformed JSON and schema failures get the same typed `invalid-params` answer there and
 * here).
 *
 * A frame the `ws` library itself rejects (longer than `maxPayload`, invalid UTF-8, an unknown opcode, an unmasked
 * client frame, reserved bits set, a fragmented control frame) arrives as an `error` event: `ws` has already sent
 * the close frame with the matching status (1009, 1007 or 1002) and will drop the connection. Without a listener
 * that event would end the whole process; here it is logged by its error code alone — never the frame's bytes —
 * and only this socket goes.
 */
export function serveRpcSocket(ws: WebSocket, router: Router, logger: KioskLogger, peer: string): void {
  ws.on('error', (error: Error & { code?: string }) => {
    logger.log('host-frame-refused', { peer, code: error.code ?? 'unknown' });
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      logger.log('host-frame-refused', { peer, code: 'binary-frame' });
      ws.close(closeUnsupportedData, 'text frames only');
      return;
    }
    answer(ws, router, data.toString()).catch((error: unknown) => {
      // handleRequestFrame turns handler exceptions into `internal`; reaching here is a bug in this file.
      logger.log('host-frame-unanswered', { peer, err: error });
    });
  });
}

async function answer(ws: WebSocket, router: Router, text: string): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const response = await handleRequestFrame(router, raw);
  if (response && ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
}
