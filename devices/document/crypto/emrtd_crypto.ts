/**
 * Every cryptographic primitive ICAO 9303 eMRTD access needs, behind one small module that runs the same under
 * plain Node (OpenSSL) and Electron (BoringSSL): nothing here uses node:crypto. Hashes and AES come from the
 * audited @noble packages; DES/3DES are our portable implementation (des_block.ts), because neither TLS library
 * ships single DES by default and @noble/ciphers has no DES.
 *
 * Misuse (wrong key or block sizes) is a programming error and throws; data from a card is length-checked by
 * the callers (secure messaging, BAC) before it reaches these functions.
 */
import { cbc as aesCbcMode, cmac as aesCmacFunction } from '@noble/ciphers/aes.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { type DesKeySchedule, desBlock, desKeySchedule } from './des_block.js';

export type HashAlgorithm = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export function hash(algorithm: HashAlgorithm, data: Uint8Array): Uint8Array {
  switch (algorithm) {
    case 'SHA-1':
      return sha1(data);
    case 'SHA-224':
      return sha224(data);
    case 'SHA-256':
      return sha256(data);
    case 'SHA-384':
      return sha384(data);
    case 'SHA-512':
      return sha512(data);
    default: {
      const unreachable: never = algorithm;
      throw new Error(`unknown hash ${String(unreachable)}`);
    }
  }
}

const DES_BLOCK = 8;

/** Set each byte's least significant bit so the byte has odd parity (DES key convention, 9303-11 §9.7.1). */
export function adjustDesParity(key: Uint8Array): Uint8Array {
  const out = Uint8Array.from(key);
  for (let i = 0; i < out.length; i++) {
    const high7 = out[i]! & 0xfe;
    let ones = 0;
    for (let b = 1; b < 8; b++) ones += (high7 >> b) & 1;
    out[i] = high7 | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}

/** ISO 9797-1 padding method 2: append 0x80, then zeros up to a multiple of the block size. */
export function padIso9797Method2(data: Uint8Array, blockSize = DES_BLOCK): Uint8Array {
  const paddedLength = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const out = new Uint8Array(paddedLength);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Remove ISO 9797-1 method 2 padding; `undefined` when the padding is malformed (data came from a card). */
export function unpadIso9797Method2(data: Uint8Array): Uint8Array | undefined {
  for (let i = data.length - 1; i >= 0; i--) {
    const byte = data[i]!;
    if (byte === 0x80) return data.slice(0, i);
    if (byte !== 0) return undefined;
  }
  return undefined;
}

/** A 2-key (16 bytes, K1 K2 K1) or 3-key (24 bytes) triple-DES key, its schedules computed once. */
export interface TripleDesKey {
  readonly k1: DesKeySchedule;
  readonly k2: DesKeySchedule;
  readonly k3: DesKeySchedule;
}

export function tripleDesKey(key: Uint8Array): TripleDesKey {
  if (key.length !== 16 && key.length !== 24)
    throw new RangeError(`3DES key must be 16 or 24 bytes, got ${key.length}`);
  const k1 = desKeySchedule(key.subarray(0, 8));
  const k2 = desKeySchedule(key.subarray(8, 16));
  const k3 = key.length === 24 ? desKeySchedule(key.subarray(16, 24)) : k1;
  return { k1, k2, k3 };
}

function requireBlocks(data: Uint8Array): void {
  if (data.length % DES_BLOCK !== 0)
    throw new RangeError(`data length ${data.length} is not a multiple of 8`);
}

/** 3DES-EDE in CBC mode. 9303 uses IV = 0 (the default) for BAC and secure messaging. */
export function tripleDesCbcEncrypt(
  key: Uint8Array | TripleDesKey,
  data: Uint8Array,
  iv: Uint8Array = new Uint8Array(DES_BLOCK),
): Uint8Array {
  requireBlocks(data);
  const { k1, k2, k3 } = key instanceof Uint8Array ? tripleDesKey(key) : key;
  const out = new Uint8Array(data.length);
  const block = Uint8Array.from(iv);
  for (let offset = 0; offset < data.length; offset += DES_BLOCK) {
    for (let i = 0; i < DES_BLOCK; i++) block[i] = block[i]! ^ data[offset + i]!;
    desBlock(k1, false, block, 0, block, 0);
    desBlock(k2, true, block, 0, block, 0);
    desBlock(k3, false, block, 0, block, 0);
    out.set(block, offset);
  }
  return out;
}

export function tripleDesCbcDecrypt(
  key: Uint8Array | TripleDesKey,
  data: Uint8Array,
  iv: Uint8Array = new Uint8Array(DES_BLOCK),
): Uint8Array {
  requireBlocks(data);
  const { k1, k2, k3 } = key instanceof Uint8Array ? tripleDesKey(key) : key;
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(DES_BLOCK);
  let previous: Uint8Array = Uint8Array.from(iv);
  for (let offset = 0; offset < data.length; offset += DES_BLOCK) {
    desBlock(k3, true, data, offset, block, 0);
    desBlock(k2, false, block, 0, block, 0);
    desBlock(k1, true, block, 0, block, 0);
    for (let i = 0; i < DES_BLOCK; i++) out[offset + i] = block[i]! ^ previous[i]!;
    previous = data.subarray(offset, offset + DES_BLOCK);
  }
  return out;
}

/** Single DES in ECB mode, exposed for known-answer tests of the block cipher. */
export function desEcbEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireBlocks(data);
  const schedule = desKeySchedule(key);
  const out = new Uint8Array(data.length);
  for (let offset = 0; offset < data.length; offset += DES_BLOCK)
    desBlock(schedule, false, data, offset, out, offset);
  return out;
}

export function desEcbDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireBlocks(data);
  const schedule = desKeySchedule(key);
  const out = new Uint8Array(data.length);
  for (let offset = 0; offset < data.length; offset += DES_BLOCK)
    desBlock(schedule, true, data, offset, out, offset);
  return out;
}

/**
 * ISO 9797-1 MAC algorithm 3 ("retail MAC") with DES: single-DES CBC under K1 over every block, then the last
 * block is decrypted under K2 and encrypted under K1. `data` must already be padded (callers pad with method 2,
 * because the secure-messaging MAC input is assembled from separately padded parts).
 */
export function retailMac(key: Uint8Array | TripleDesKey, paddedData: Uint8Array): Uint8Array {
  requireBlocks(paddedData);
  if (paddedData.length === 0) throw new RangeError('retail MAC needs at least one block');
  const { k1, k2 } = key instanceof Uint8Array ? tripleDesKey(key) : key;
  const block = new Uint8Array(DES_BLOCK);
  for (let offset = 0; offset < paddedData.length; offset += DES_BLOCK) {
    for (let i = 0; i < DES_BLOCK; i++) block[i] = block[i]! ^ paddedData[offset + i]!;
    desBlock(k1, false, block, 0, block, 0);
  }
  desBlock(k2, true, block, 0, block, 0);
  desBlock(k1, false, block, 0, block, 0);
  return block;
}

/** Compare two MACs without an early exit. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** AES-CBC without padding (for PACE / AES secure messaging). */
export function aesCbcEncrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = new Uint8Array(16),
): Uint8Array {
  return aesCbcMode(key, iv, { disablePadding: true }).encrypt(data);
}

export function aesCbcDecrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = new Uint8Array(16),
): Uint8Array {
  return aesCbcMode(key, iv, { disablePadding: true }).decrypt(data);
}

/** AES-CMAC (NIST SP 800-38B), truncated by callers to 8 bytes for 9303 AES secure messaging. */
export function aesCmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return aesCmacFunction(data, key);
}

/** Overwrite key material in place when a session ends. */
export function wipe(...buffers: Uint8Array[]): void {
  for (const buffer of buffers) buffer.fill(0);
}
