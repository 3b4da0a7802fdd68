/**
 * LDS1 file identifiers and the tags that name data groups in EF.COM (9303-10 §4.6, Table 40).
 */
import { decodeTlvList, expectTlv, findChild, type TlvResult } from './ber_tlv.js';

export const EF_COM = 0x011e;
export const EF_SOD = 0x011d;

export type DataGroupNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16;

export function dataGroupFileId(dataGroup: DataGroupNumber): number {
  return 0x0100 + dataGroup;
}

/** The template tag each data group file starts with. */
export const DATA_GROUP_TAGS: Readonly<Record<DataGroupNumber, number>> = {
  1: 0x61,
  2: 0x75,
  3: 0x63,
  4: 0x76,
  5: 0x65,
  6: 0x66,
  7: 0x67,
  8: 0x68,
  9: 0x69,
  10: 0x6a,
  11: 0x6b,
  12: 0x6c,
  13: 0x6d,
  14: 0x6e,
  15: 0x6f,
  16: 0x70,
};

export function dataGroupOfTag(tag: number): DataGroupNumber | undefined {
  const entry = Object.entries(DATA_GROUP_TAGS).find(([, value]) => value === tag);
  return entry === undefined ? undefined : (Number(entry[0]) as DataGroupNumber);
}

export interface EfCom {
  /** e.g. "0107" for LDS 1.7. */
  readonly ldsVersion: string;
  /** e.g. "040000" for Unicode 4.0.0. */
  readonly unicodeVersion: string;
  /** Data groups present on the chip, from the tag list (tags that name no data group are ignored). */
  readonly dataGroups: readonly DataGroupNumber[];
}

const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

/** EF.COM: `60 L { 5F01 version, 5F36 unicode version, 5C tag list }`. */
export function parseEfCom(bytes: Uint8Array): TlvResult<EfCom> {
  const outer = expectTlv(bytes, 0x60);
  if (!outer.ok) return outer;
  const children = decodeTlvList(outer.value.value);
  if (!children.ok) return children;
  const version = findChild(children.value, 0x5f01);
  if (!version.ok) return version;
  const unicode = findChild(children.value, 0x5f36);
  if (!unicode.ok) return unicode;
  const tagList = findChild(children.value, 0x5c);
  if (!tagList.ok) return tagList;
  const dataGroups = [...tagList.value.value]
    .map((tag) => dataGroupOfTag(tag))
    .filter((dg): dg is DataGroupNumber => dg !== undefined);
  return {
    ok: true,
    value: {
      ldsVersion: latin1(version.value.value),
      unicodeVersion: latin1(unicode.value.value),
      dataGroups,
    },
  };
}
