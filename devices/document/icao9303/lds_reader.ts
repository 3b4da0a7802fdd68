/**
 * Reading LDS elementary files: SELECT by file identifier, then READ BINARY in chunks. The first chunk carries
 * the file's TLV header, which gives its total size. Handles the status words cards really return mid-file:
 * 6Cxx (wrong Le: repeat with xx) and 6282 (end of file reached before Le bytes).
 */
import { concatBytes } from '../../../lib/bytes.js';
import { err, ok, type Result, resultBlock } from '../../../lib/result.js';
import { decodeTlvHeader, expectTlv, type TlvError } from './ber_tlv.js';
import type { CardLink, LinkError } from './card_link.js';
import {
  readBinary,
  readBinaryOdd,
  SW_END_OF_FILE_WARNING,
  SW_OK,
  selectElementaryFile,
} from './emrtd_commands.js';

export type LdsReadError =
  | LinkError
  | { readonly code: 'file-not-found'; readonly fileId: number }
  | { readonly code: 'unexpected-status'; readonly fileId: number; readonly sw: number }
  | { readonly code: 'file-header'; readonly fileId: number; readonly tlv: TlvError }
  | { readonly code: 'file-too-large'; readonly fileId: number; readonly size: number }
  | {
      readonly code: 'file-truncated';
      readonly fileId: number;
      readonly expected: number;
      readonly got: number;
    };

export type LdsReadResult = Result<Uint8Array, LdsReadError>;

export interface ReadFileOptions {
  /**
   * Bytes per READ BINARY. 0xDF keeps a 3DES-protected response (DO87 + DO99 + DO8E + SW) within 256 bytes.
   */
  readonly chunkSize?: number;
}

const DEFAULT_CHUNK = 0xdf;
/** Offsets above 32767 need READ BINARY with odd INS (B1), offset in DO54 and data in DO53. */
const MAX_EVEN_INS_OFFSET = 0x7fff;
/** A header claiming more than this is refused rather than allocated (a hostile chip could claim 4 GB). */
const MAX_FILE_SIZE = 1 << 20;
/** Bytes of the DO53 header around `n` data bytes. */
const do53HeaderLength = (n: number): number => (n < 0x80 ? 2 : n < 0x100 ? 3 : 4);
/** 4 bytes hold the header of any file below 64 KB (tag, 82, two length bytes), as in 9303-11 D.4. */
const HEADER_PROBE = 4;

async function readChunk(
  link: CardLink,
  fileId: number,
  offset: number,
  length: number,
): Promise<Result<{ data: Uint8Array; endOfFile: boolean }, LdsReadError>> {
  let le = length;
  const odd = offset > MAX_EVEN_INS_OFFSET;
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await link.send(
      odd ? readBinaryOdd(offset, le + do53HeaderLength(le)) : readBinary(offset, le),
    );
    if (!response.ok) return response;
    const { sw } = response.value;
    let data = response.value.data;
    if (odd && data.length > 0) {
      const wrapped = expectTlv(data, 0x53);
      if (!wrapped.ok) return err({ code: 'file-header', fileId, tlv: wrapped.error });
      data = wrapped.value.value;
    }
    if (sw === SW_OK) return ok({ data, endOfFile: false });
    if (sw === SW_END_OF_FILE_WARNING) return ok({ data, endOfFile: true });
    if (sw >> 8 === 0x6c && (sw & 0xff) !== 0) {
      le = odd ? Math.max(1, (sw & 0xff) - do53HeaderLength(sw & 0xff)) : sw & 0xff;
      continue;
    }
    if (sw === 0x6b00) return ok({ data: new Uint8Array(), endOfFile: true });
    return err({ code: 'unexpected-status', fileId, sw });
  }
  return err({ code: 'unexpected-status', fileId, sw: 0x6c00 | le });
}

export async function selectFile(link: CardLink, fileId: number): Promise<Result<void, LdsReadError>> {
  const selected = await link.send(selectElementaryFile(fileId));
  if (!selected.ok) return selected;
  if (selected.value.sw === 0x6a82) return err({ code: 'file-not-found', fileId });
  if (selected.value.sw !== SW_OK) return err({ code: 'unexpected-status', fileId, sw: selected.value.sw });
  return ok();
}

/** Select the file and read it whole. */
export function readElementaryFile(
  link: CardLink,
  fileId: number,
  options: ReadFileOptions = {},
): Promise<LdsReadResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  return resultBlock(async (take) => {
    take(await selectFile(link, fileId));

    const first = take(await readChunk(link, fileId, 0, HEADER_PROBE));
    let head = first.data;
    let endOfFile = first.endOfFile;
    let header = decodeTlvHeader(head);
    if (!header.ok && header.error.code === 'tlv-truncated-length' && !endOfFile) {
      // Long-form length with 3 or 4 bytes: fetch the rest of the header.
      const more = take(await readChunk(link, fileId, head.length, HEADER_PROBE));
      head = concatBytes(head, more.data);
      endOfFile = more.endOfFile;
      header = decodeTlvHeader(head);
    }
    if (!header.ok) return err({ code: 'file-header', fileId, tlv: header.error });
    const total = header.value.headerLength + header.value.length;
    if (total > MAX_FILE_SIZE) return err({ code: 'file-too-large', fileId, size: total });

    const file = new Uint8Array(total);
    let filled = Math.min(head.length, total);
    file.set(head.subarray(0, filled));
    while (filled < total && !endOfFile) {
      const chunk = take(await readChunk(link, fileId, filled, Math.min(chunkSize, total - filled)));
      if (chunk.data.length === 0) break;
      const used = Math.min(chunk.data.length, total - filled);
      file.set(chunk.data.subarray(0, used), filled);
      filled += used;
      endOfFile = chunk.endOfFile;
    }
    if (filled < total) return err({ code: 'file-truncated', fileId, expected: total, got: filled });
    return ok(file);
  });
}
