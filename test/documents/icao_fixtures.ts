/**
 * Shared fixtures for the eMRTD tests: the ICAO 9303 Utopia specimen (BAC-era TD3 of Part 11 App. D, so the
 * BAC vectors of protocols.md §2 apply), a small valid JPEG face, and a runtime-generated test PKI.
 */
import { EmrtdChip } from '../../devices/document/icao9303/simulator/emrtd_chip.js';
import {
  type BuiltEmrtdChip,
  createEmrtdChip,
  type EmrtdChipSpec,
} from '../../devices/document/icao9303/simulator/emrtd_chip_factory.js';
import { minimalJpeg } from '../../devices/document/icao9303/simulator/minimal_jpeg.js';
import { createTestPki, type TestPki } from '../../devices/document/icao9303/simulator/test_pki.js';

export const NOW = new Date('2026-11-27T08:00:00Z');

export const UTOPIA_TD3 = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C<3UTO6908061F9406236ZE184226B<<<<<14',
] as const;

export const UTOPIA_BAC_INPUT = {
  documentNumber: 'L898902C<',
  birthDate: '690806',
  expiryDate: '940623',
} as const;

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** ICAO 9303-11 D.3 random values, terminal side (RND.IFD, K.IFD) and chip side (RND.IC, K.IC). */
export function queueRandom(...values: string[]): (length: number) => Uint8Array {
  const queue = values.map(hex);
  return (length) => {
    const next = queue.shift();
    if (next === undefined || next.length !== length)
      throw new Error(`unexpected random request of ${length}`);
    return next;
  };
}
export const icaoTerminalRandom = () => queueRandom('781723860C06C226', '0B795240CB7049B01C19B33E32804F0B');
export const icaoChipRandom = () => queueRandom('4608F91988702212', '0B4F80323EB3191CB04970CB4052790B');

let pki: Promise<TestPki> | undefined;
/** One CSCA + Document Signer per test file (key generation is the slow part). */
export function testPki(): Promise<TestPki> {
  pki ??= createTestPki(NOW);
  return pki;
}

export const FACE_JPEG = minimalJpeg(2048);

export async function utopiaChip(overrides: Partial<EmrtdChipSpec> = {}): Promise<BuiltEmrtdChip> {
  const { documentSigner } = await testPki();
  return createEmrtdChip({
    mrzLines: UTOPIA_TD3,
    face: { bytes: FACE_JPEG, width: 8, height: 8, format: 'jpeg' },
    documentSigner,
    ...overrides,
  });
}

/** A chip serving the given files as they are (for malformed-file faults). */
export function chipWithFiles(
  built: BuiltEmrtdChip,
  files: ReadonlyMap<number, Uint8Array>,
  eacProtected?: ReadonlySet<number>,
): EmrtdChip {
  return new EmrtdChip({
    mrzInformation: built.mrzInformation,
    files,
    ...(eacProtected ? { eacProtected } : {}),
  });
}
