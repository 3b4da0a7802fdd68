/**
 * A small ISO/IEC 7816-4 card for simulators and tests: transparent EFs selected by file identifier, READ BINARY,
 * UPDATE BINARY (with command chaining), GET RESPONSE. It can behave like a T=0 card (every response held back
 * behind 61xx) and like a strict card that answers 6Cxx when Le does not match, so the host's handling of both
 * is exercised by real bytes. Hosted by any simulated reader through `SimulatedCard`.
 */
import { decodeCommandApdu, encodeResponseApdu } from './apdu.js';
import type { SimulatedCard } from './apdu_channel.js';

export interface FileSystemCardOptions {
  atr: Uint8Array;
  /** Transparent elementary files by 2-byte file identifier (e.g. 0x011E for EF.COM). */
  files: ReadonlyMap<number, Uint8Array>;
  /** DF names (AIDs) that SELECT by name (P1 = 04) accepts. */
  applications?: readonly Uint8Array[];
  /** Hold every response behind 61xx, as a T=0 card does; the host must send GET RESPONSE. */
  responsesViaGetResponse?: boolean;
  /** Answer 6Cxx when Le asks for more than is left in the file, instead of the 6282 warning. */
  strictLe?: boolean;
  /** Accept Le above 256 (extended length). */
  extendedLength?: boolean;
}

const SW = {
  ok: 0x9000,
  endOfFile: 0x6282,
  wrongLength: 0x6700,
  noCurrentEf: 0x6986,
  fileNotFound: 0x6a82,
  wrongP1P2: 0x6b00,
  incorrectP1P2: 0x6a86,
  insNotSupported: 0x6d00,
  lastOfChainExpected: 0x6883,
} as const;

export class FileSystemCard implements SimulatedCard {
  readonly atr: Uint8Array;
  private readonly files = new Map<number, Uint8Array>();
  private currentFile: number | undefined;
  private pending: Uint8Array = new Uint8Array(0);
  private pendingSw: number = SW.ok;
  private chainBuffer: { ins: number; p1: number; p2: number; data: number[] } | undefined;
  /** Every command the card received, for assertions on what the host sent. */
  readonly received: Uint8Array[] = [];

  constructor(private readonly options: FileSystemCardOptions) {
    this.atr = options.atr;
    for (const [fid, content] of options.files) this.files.set(fid, content.slice());
  }

  fileContent(fid: number): Uint8Array | undefined {
    return this.files.get(fid)?.slice();
  }

  reset(): void {
    this.currentFile = undefined;
    this.pending = new Uint8Array(0);
    this.chainBuffer = undefined;
  }

  processApdu(command: Uint8Array): Uint8Array {
    this.received.push(command.slice());
    const decoded = decodeCommandApdu(command);
    if (!decoded.ok) return encodeResponseApdu(new Uint8Array(0), SW.wrongLength);
    const { cla, ins, p1, p2, data, ne } = decoded.value;
    if (ins === 0xc0) return this.getResponse(ne ?? 256);
    this.pending = new Uint8Array(0);
    if ((cla & 0x10) !== 0) {
      const chain = this.chainBuffer ?? { ins, p1, p2, data: [] };
      if (chain.ins !== ins) return this.respond(new Uint8Array(0), SW.lastOfChainExpected);
      chain.data.push(...data);
      this.chainBuffer = chain;
      return encodeResponseApdu(new Uint8Array(0), SW.ok);
    }
    let body = data;
    if (this.chainBuffer !== undefined) {
      body = Uint8Array.from([...this.chainBuffer.data, ...data]);
      this.chainBuffer = undefined;
    }
    switch (ins) {
      case 0xa4:
        return this.select(p1, p2, body);
      case 0xb0:
        return this.readBinary(p1, p2, ne);
      case 0xd6:
        return this.updateBinary(p1, p2, body);
      default:
        return this.respond(new Uint8Array(0), SW.insNotSupported);
    }
  }

  private select(p1: number, p2: number, data: Uint8Array): Uint8Array {
    if (p1 === 0x04) {
      const known = (this.options.applications ?? []).some(
        (aid) => aid.length === data.length && aid.every((byte, index) => data[index] === byte),
      );
      return this.respond(new Uint8Array(0), known ? SW.ok : SW.fileNotFound);
    }
    if ((p1 !== 0x00 && p1 !== 0x02) || data.length !== 2)
      return this.respond(new Uint8Array(0), SW.incorrectP1P2);
    const fid = (data[0]! << 8) | data[1]!;
    const file = this.files.get(fid);
    if (file === undefined) return this.respond(new Uint8Array(0), SW.fileNotFound);
    this.currentFile = fid;
    if ((p2 & 0x0c) === 0x0c) return this.respond(new Uint8Array(0), SW.ok);
    // FCP template: 80 = file size, 83 = file identifier.
    const fcp = Uint8Array.of(
      0x62,
      0x08,
      0x80,
      0x02,
      file.length >> 8,
      file.length & 0xff,
      0x83,
      0x02,
      data[0]!,
      data[1]!,
    );
    return this.respond(fcp, SW.ok);
  }

  private readBinary(p1: number, p2: number, ne: number | undefined): Uint8Array {
    if ((p1 & 0x80) !== 0) return this.respond(new Uint8Array(0), SW.incorrectP1P2);
    const file = this.currentFile === undefined ? undefined : this.files.get(this.currentFile);
    if (file === undefined) return this.respond(new Uint8Array(0), SW.noCurrentEf);
    const offset = (p1 << 8) | p2;
    if (offset > file.length) return this.respond(new Uint8Array(0), SW.wrongP1P2);
    if (ne === undefined) return this.respond(new Uint8Array(0), SW.wrongLength);
    if (ne > 256 && this.options.extendedLength !== true)
      return this.respond(new Uint8Array(0), SW.wrongLength);
    const available = file.length - offset;
    if (available < ne && this.options.strictLe === true && available > 0) {
      return encodeResponseApdu(new Uint8Array(0), 0x6c00 | (available & 0xff));
    }
    const data = file.slice(offset, offset + ne);
    return this.respond(data, data.length < ne ? SW.endOfFile : SW.ok);
  }

  private updateBinary(p1: number, p2: number, data: Uint8Array): Uint8Array {
    const file = this.currentFile === undefined ? undefined : this.files.get(this.currentFile);
    if (file === undefined || this.currentFile === undefined)
      return this.respond(new Uint8Array(0), SW.noCurrentEf);
    const offset = (p1 << 8) | p2;
    if (offset + data.length > file.length) return this.respond(new Uint8Array(0), SW.wrongLength);
    file.set(data, offset);
    return this.respond(new Uint8Array(0), SW.ok);
  }

  /** In T=0 style, data is held back and the card answers 61xx; otherwise data and SW go out together. */
  private respond(data: Uint8Array, sw: number): Uint8Array {
    if (this.options.responsesViaGetResponse !== true || data.length === 0)
      return encodeResponseApdu(data, sw);
    this.pending = data;
    this.pendingSw = sw;
    return encodeResponseApdu(new Uint8Array(0), 0x6100 | (Math.min(data.length, 256) & 0xff));
  }

  private getResponse(ne: number): Uint8Array {
    if (this.pending.length === 0) return encodeResponseApdu(new Uint8Array(0), 0x6985);
    const chunk = this.pending.slice(0, Math.min(ne, 256));
    this.pending = this.pending.slice(chunk.length);
    if (this.pending.length > 0) {
      return encodeResponseApdu(chunk, 0x6100 | (Math.min(this.pending.length, 256) & 0xff));
    }
    return encodeResponseApdu(chunk, this.pendingSw);
  }
}
