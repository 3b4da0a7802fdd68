/**
 * Cards and readers the CCID tests share: a contactless ISO 14443-4 card with an EF.COM-sized and a DG-sized file,
 * behind a simulated reader, driven by the real `CcidReader`.
 */
import { contactlessPseudoAtr } from '../../devices/document/ccid/atr.js';
import { CcidReader, type CcidReaderOptions } from '../../devices/document/ccid/ccid_reader.js';
import {
  CcidReaderSimulator,
  type CcidReaderSimulatorOptions,
} from '../../devices/document/ccid/simulator/ccid_reader_simulator.js';
import {
  FileSystemCard,
  type FileSystemCardOptions,
} from '../../devices/document/iso7816/file_system_card.js';

export const SMALL_FILE = 0x011e;
export const LARGE_FILE = 0x0102;

export function fileContent(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 31 + seed) & 0xff);
}

export function testCard(options: Partial<FileSystemCardOptions> = {}): FileSystemCard {
  return new FileSystemCard({
    atr: contactlessPseudoAtr(Uint8Array.of(0x80)),
    files: new Map([
      [SMALL_FILE, fileContent(22, 1)],
      [LARGE_FILE, fileContent(2000, 7)],
    ]),
    ...options,
  });
}

export function readerWithCard(
  simulatorOptions: CcidReaderSimulatorOptions = {},
  readerOptions: CcidReaderOptions = {},
  card: FileSystemCard = testCard(),
) {
  const simulator = new CcidReaderSimulator(simulatorOptions);
  simulator.insertCard(card);
  const reader = new CcidReader(simulator, { responseTimeoutMs: 200, ...readerOptions });
  return { simulator, reader, card };
}

/** SELECT EF by file identifier, no response data (P2 = 0C). */
export function selectFile(fid: number): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, fid >> 8, fid & 0xff);
}

export function readBinary(offset: number, le: number): Uint8Array {
  return Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, le & 0xff);
}
