/**
 * The DES block cipher (FIPS 46-3) in portable TypeScript.
 *
 * Why our own: Electron's Node is built on BoringSSL and plain Node 20 on OpenSSL 3; single DES is in neither by
 * default and @noble/ciphers has no DES, yet ICAO 9303 BAC and secure messaging need single DES for the retail MAC
 * and 2-key 3DES for encryption. The cipher is defined here straight from the standard's tables; the fast paths
 * (byte-indexed permutation tables and combined S-box/P tables) are computed from those tables at load time, so
 * the only hand-copied data are the tables themselves, and the known-answer tests check them.
 *
 * Only crypto/emrtd_crypto.ts should import this file.
 */

// Bit numbers are 1-based from the most significant bit, as in FIPS 46-3.
const INITIAL_PERMUTATION = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40,
  32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5,
  63, 55, 47, 39, 31, 23, 15, 7,
];
const FINAL_PERMUTATION = [
  40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13,
  53, 21, 61, 29, 36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18, 58, 26,
  33, 1, 41, 9, 49, 17, 57, 25,
];
const P_PERMUTATION = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22,
  11, 4, 25,
];
const PERMUTED_CHOICE_1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PERMUTED_CHOICE_2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47,
  55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const KEY_ROTATIONS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
// S1..S8, each 4 rows of 16 (row = outer bits, column = inner 4 bits).
const S_BOXES = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3,
    8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6,
    13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11,
    5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5,
    14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15,
    1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2,
    12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14,
    9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2,
    14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8,
    6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4,
    5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3,
    8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8,
    13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8,
    6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3,
    12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9,
    2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6,
    11,
  ],
];

function bitOf(bytes: Uint8Array, position: number): number {
  return (bytes[(position - 1) >> 3]! >> (7 - ((position - 1) & 7))) & 1;
}

/**
 * For a 64-bit permutation, per input byte index and value, the (high, low) output words: a block is permuted with
 * 8 lookups instead of 64 bit moves.
 */
function buildPermutationTable(table: readonly number[]): Uint32Array {
  const out = new Uint32Array(8 * 256 * 2);
  const probe = new Uint8Array(8);
  for (let byteIndex = 0; byteIndex < 8; byteIndex++) {
    for (let value = 0; value < 256; value++) {
      probe.fill(0);
      probe[byteIndex] = value;
      let high = 0;
      let low = 0;
      for (let j = 0; j < 64; j++) {
        const bit = bitOf(probe, table[j]!);
        if (j < 32) high |= bit << (31 - j);
        else low |= bit << (63 - j);
      }
      out[(byteIndex * 256 + value) * 2] = high >>> 0;
      out[(byteIndex * 256 + value) * 2 + 1] = low >>> 0;
    }
  }
  return out;
}

/** SP[box * 64 + six bits] = P(S-box output placed at the box's nibble), so a round is 8 lookups. */
function buildSpTable(): Uint32Array {
  const out = new Uint32Array(8 * 64);
  for (let box = 0; box < 8; box++) {
    for (let six = 0; six < 64; six++) {
      const row = ((six >> 4) & 2) | (six & 1);
      const column = (six >> 1) & 15;
      const nibble = S_BOXES[box]![row * 16 + column]!;
      const beforeP = (nibble << (28 - 4 * box)) >>> 0;
      let afterP = 0;
      for (let j = 0; j < 32; j++) {
        const source = P_PERMUTATION[j]!;
        afterP |= ((beforeP >>> (32 - source)) & 1) << (31 - j);
      }
      out[box * 64 + six] = afterP >>> 0;
    }
  }
  return out;
}

const IP_TABLE = buildPermutationTable(INITIAL_PERMUTATION);
const FP_TABLE = buildPermutationTable(FINAL_PERMUTATION);
const SP_TABLE = buildSpTable();

/** 16 rounds × 8 six-bit subkey chunks, in encryption order. */
export type DesKeySchedule = Uint8Array;

export function desKeySchedule(key: Uint8Array): DesKeySchedule {
  if (key.length !== 8) throw new RangeError(`DES key must be 8 bytes, got ${key.length}`);
  const cd = PERMUTED_CHOICE_1.map((position) => bitOf(key, position));
  let c = cd.slice(0, 28);
  let d = cd.slice(28);
  const schedule = new Uint8Array(16 * 8);
  for (let round = 0; round < 16; round++) {
    const shift = KEY_ROTATIONS[round]!;
    c = [...c.slice(shift), ...c.slice(0, shift)];
    d = [...d.slice(shift), ...d.slice(0, shift)];
    const joined = [...c, ...d];
    for (let chunk = 0; chunk < 8; chunk++) {
      let six = 0;
      for (let k = 0; k < 6; k++) six = (six << 1) | joined[PERMUTED_CHOICE_2[chunk * 6 + k]! - 1]!;
      schedule[round * 8 + chunk] = six;
    }
  }
  return schedule;
}

/** `table`'s 64-bit permutation of the block whose bytes are `high` (4 bytes) then `low`, as (high, low) words. */
function permuteWords(table: Uint32Array, high: number, low: number, into: Uint32Array): void {
  const t = table;
  let h = 0;
  let l = 0;
  // Byte i of the block, looked up at (i * 256 + value) * 2: eight lookups instead of 64 bit moves.
  let index = (high >>> 24) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  index = (256 + ((high >>> 16) & 255)) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  index = (512 + ((high >>> 8) & 255)) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  index = (768 + (high & 255)) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  index = (1024 + (low >>> 24)) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  index = (1280 + ((low >>> 16) & 255)) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  index = (1536 + ((low >>> 8) & 255)) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  index = (1792 + (low & 255)) * 2;
  h |= t[index]!;
  l |= t[index + 1]!;
  into[0] = h;
  into[1] = l;
}

/**
 * The round function f(R, K): E expands R so that chunk i holds bits 4i..4i+5 (1-based, cyclic), i.e. R rotated
 * left by 4i+5, six bits; each chunk XOR its subkey chunk goes through its S-box and P at once (SP_TABLE).
 */
function feistel(right: number, schedule: DesKeySchedule, base: number): number {
  const sp = SP_TABLE;
  return (
    (sp[(((right << 5) | (right >>> 27)) & 63) ^ schedule[base]!]! |
      sp[64 + ((((right << 9) | (right >>> 23)) & 63) ^ schedule[base + 1]!)]! |
      sp[128 + ((((right << 13) | (right >>> 19)) & 63) ^ schedule[base + 2]!)]! |
      sp[192 + ((((right << 17) | (right >>> 15)) & 63) ^ schedule[base + 3]!)]! |
      sp[256 + ((((right << 21) | (right >>> 11)) & 63) ^ schedule[base + 4]!)]! |
      sp[320 + ((((right << 25) | (right >>> 7)) & 63) ^ schedule[base + 5]!)]! |
      sp[384 + ((((right << 29) | (right >>> 3)) & 63) ^ schedule[base + 6]!)]! |
      sp[448 + ((((right << 1) | (right >>> 31)) & 63) ^ schedule[base + 7]!)]!) >>>
    0
  );
}

/** Scratch for the permutations' two output words (DES runs on one thread; nothing keeps a reference to it). */
const words = new Uint32Array(2);

/**
 * Encrypt (decrypt = false) or decrypt one 8-byte block from `input[inOffset]` into `output[outOffset]`. It runs
 * some 25,000 times for one passport read (3DES and the retail MAC over every byte, both ways), so it allocates
 * nothing.
 */
export function desBlock(
  schedule: DesKeySchedule,
  decrypt: boolean,
  input: Uint8Array,
  inOffset: number,
  output: Uint8Array,
  outOffset: number,
): void {
  const inHigh =
    ((input[inOffset]! << 24) |
      (input[inOffset + 1]! << 16) |
      (input[inOffset + 2]! << 8) |
      input[inOffset + 3]!) >>>
    0;
  const inLow =
    ((input[inOffset + 4]! << 24) |
      (input[inOffset + 5]! << 16) |
      (input[inOffset + 6]! << 8) |
      input[inOffset + 7]!) >>>
    0;
  permuteWords(IP_TABLE, inHigh, inLow, words);
  let left = words[0]!;
  let right = words[1]!;
  for (let i = 0; i < 16; i++) {
    const next = (left ^ feistel(right, schedule, (decrypt ? 15 - i : i) * 8)) >>> 0;
    left = right;
    right = next;
  }
  // The last round does not swap: the pre-output block is R16 L16.
  permuteWords(FP_TABLE, right, left, words);
  const outHigh = words[0]!;
  const outLow = words[1]!;
  output[outOffset] = outHigh >>> 24;
  output[outOffset + 1] = (outHigh >>> 16) & 255;
  output[outOffset + 2] = (outHigh >>> 8) & 255;
  output[outOffset + 3] = outHigh & 255;
  output[outOffset + 4] = outLow >>> 24;
  output[outOffset + 5] = (outLow >>> 16) & 255;
  output[outOffset + 6] = (outLow >>> 8) & 255;
  output[outOffset + 7] = outLow & 255;
}
