/**
 * Extended-APDU-level exchange (CCID Rev 1.1 §6.1.4, libccid CmdXfrBlockAPDU_extended): an APDU longer than one
 * Bulk message goes out in XfrBlocks whose wLevelParameter says begins (01), continues (03) … ends (02); the reader
 * acknowledges each non-final piece with an empty DataBlock, bChainParameter 10. A long response comes back with
 * bChainParameter 01/03/…/02, the host pulling each next piece with an empty XfrBlock, wLevelParameter 10.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import { chainValues } from './messages.js';

export interface XfrBlockPiece {
  data: Uint8Array;
  levelParameter: number;
}

export type PiecesResult = Result<XfrBlockPiece[], { code: 'too-long'; length: number; room: number }>;

/** Splits a command APDU into XfrBlock pieces of at most `room` bytes (dwMaxCCIDMessageLength − 10). */
export function xfrBlockPieces(command: Uint8Array, room: number, extendedApdu: boolean): PiecesResult {
  if (command.length <= room) return ok([{ data: command, levelParameter: chainValues.complete }]);
  // A short-APDU reader cannot take more than one message: the caller must chain at the ISO 7816 level instead.
  if (!extendedApdu || room < 1) return err({ code: 'too-long', length: command.length, room });
  const pieces: XfrBlockPiece[] = [];
  for (let offset = 0; offset < command.length; offset += room) {
    const last = offset + room >= command.length;
    const levelParameter =
      offset === 0 ? chainValues.begins : last ? chainValues.ends : chainValues.continues;
    pieces.push({ data: command.subarray(offset, offset + room), levelParameter });
  }
  return ok(pieces);
}
