/**
 * Benchmark: host-side software time of a full eMRTD read (BAC, secure messaging, EF.COM + DG1 + a 20 KB DG2 +
 * EF.SOD, passive authentication with ECDSA P-256) against the in-memory chip simulator, compared with the time
 * the same APDUs would take on the air. The simulator's own processing (measured inside processApdu) is
 * subtracted, so the figure is the kiosk's share only.
 *
 * Transport model: every byte both ways at 424 kbit/s (ISO 14443 fc/32, 8 bits a byte, framing not counted) plus a
 * fixed 5 ms per APDU for reader turnaround, frame overhead and the chip's own processing, typical of contactless
 * passports. The target: software ≤ 5 % of transport.
 */
import { readEmrtd } from '../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../devices/document/icao9303/simulator/direct_card_channel.js';
import { createEmrtdChip } from '../devices/document/icao9303/simulator/emrtd_chip_factory.js';
import { minimalJpeg } from '../devices/document/icao9303/simulator/minimal_jpeg.js';
import { createTestPki } from '../devices/document/icao9303/simulator/test_pki.js';
import type { BenchResult } from './bench_result.js';

const BIT_RATE = 424_000;
const TURNAROUND_MS = 5;
const FACE_BYTES = 20 * 1024;
const WARM_UP = 3;
const RUNS = 15;

const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'];
const BAC_INPUT = { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(): Promise<BenchResult[]> {
  const now = new Date();
  const pki = await createTestPki(now);
  const face = minimalJpeg(FACE_BYTES);
  const hostMs: number[] = [];
  const cardMs: number[] = [];
  let counters = { apdus: 0, bytesToCard: 0, bytesFromCard: 0, cardMs: 0 };
  let dg2Bytes = 0;

  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const { chip, files } = await createEmrtdChip({
      mrzLines: MRZ,
      face: { bytes: face, width: 480, height: 640, format: 'jpeg' },
      documentSigner: pki.documentSigner,
    });
    dg2Bytes = files.get(0x0102)?.length ?? 0;
    const channel = new DirectCardChannel(chip);
    const started = performance.now();
    const result = await readEmrtd(channel, BAC_INPUT, {
      trustStore: [pki.csca.der],
      dataGroups: [1, 2],
      now,
    });
    const elapsed = performance.now() - started;
    if (!result.ok || result.value.passiveAuthentication.status !== 'verified') {
      throw new Error(
        `benchmark read failed: ${JSON.stringify(result.ok ? result.value.passiveAuthentication : result.error)}`,
      );
    }
    if (i >= WARM_UP) {
      hostMs.push(elapsed - channel.counters.cardMs);
      cardMs.push(channel.counters.cardMs);
      counters = channel.counters;
    }
  }

  const software = median(hostMs);
  const airMs = ((counters.bytesToCard + counters.bytesFromCard) * 8 * 1000) / BIT_RATE;
  const transport = airMs + counters.apdus * TURNAROUND_MS;
  const details = {
    runs: RUNS,
    apdus: counters.apdus,
    bytesToCard: counters.bytesToCard,
    bytesFromCard: counters.bytesFromCard,
    dg2Bytes,
    bitRate: BIT_RATE,
    turnaroundMsPerApdu: TURNAROUND_MS,
    transportModel: 'bytes both ways at 424 kbit/s + 5 ms per APDU',
    simulatorMsMedian: median(cardMs),
    note: 'host time = wall time of readEmrtd minus time inside the simulated chip; includes PA (ECDSA P-256, WebCrypto)',
  };
  return [
    { name: 'emrtd full read, host software time (median)', value: software, unit: 'ms', details },
    { name: 'emrtd full read, modelled transport time', value: transport, unit: 'ms', details },
    {
      name: 'emrtd software time / transport time',
      value: software / transport,
      unit: 'ratio',
      target: { op: '<=', value: 0.05 },
      details,
    },
  ];
}
