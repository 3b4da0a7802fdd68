import { BarcodeScannerDriver } from '../devices/scanner/barcode_scanner_driver.js';
import { defaultHidPosDecoderOptions, HidPosDecoder } from '../devices/scanner/hid_pos_decoder.js';
import {
  defaultKeyboardWedgeDecoderOptions,
  KeyboardWedgeDecoder,
} from '../devices/scanner/keyboard_wedge_decoder.js';
import type { ScanDecoder, ScanEvent } from '../devices/scanner/scan_event.js';
import { HidPosScannerSimulator } from '../devices/scanner/simulator/hid_pos_scanner_simulator.js';
import { KeyboardWedgeScannerSimulator } from '../devices/scanner/simulator/keyboard_wedge_scanner_simulator.js';
import { DeviceConnection } from '../devices/transport/device_connection.js';
import type { SimulatedHidPort } from '../devices/transport/simulated_hid_transport.js';
import type { BenchResult } from './bench_result.js';

/**
 * Scanner report-to-event latency on the simulator with zero simulated latency: from the moment the
 * simulated scanner puts a code's reports on the (in-memory) wire to the moment the driver emits the event.
 * That is the driver's own path — transport read, reassembly/key decoding, event dispatch — with no USB
 * polling interval in it. Codes are booking-QR-sized (~90 bytes: 2 HID POS reports, ~190 wedge reports).
 */

const SCANS = 300;
const WARMUP = 30;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function codeText(i: number): string {
  return `BALCAO|APPT|2026-11-27T09:${String(i % 60).padStart(2, '0')}|MO-DSI-${String(i).padStart(6, '0')}|${'X'.repeat(40)}`;
}

async function measure(
  name: string,
  port: SimulatedHidPort,
  decoder: ScanDecoder,
  reportsFor: (text: string) => Uint8Array[],
): Promise<BenchResult[]> {
  const driver = new BarcodeScannerDriver(new DeviceConnection(() => port.openTransport()), decoder, {
    readTimeoutMs: 1_000,
    now: () => performance.now(),
  });
  let resolveEvent: ((event: ScanEvent) => void) | undefined;
  driver.onScan((event) => resolveEvent?.(event));
  driver.start();
  while (driver.status().state !== 'ready') await new Promise((r) => setTimeout(r, 1));

  const samplesUs: number[] = [];
  let failures = 0;
  for (let i = 0; i < SCANS + WARMUP; i++) {
    const text = codeText(i);
    const reports = reportsFor(text);
    const event = new Promise<ScanEvent>((resolve) => {
      resolveEvent = resolve;
    });
    const started = performance.now();
    for (const report of reports) port.sendInputReport(report);
    const got = await event;
    const elapsedUs = (performance.now() - started) * 1_000;
    if (!got.ok || got.value.text !== text) failures += 1;
    if (i >= WARMUP) samplesUs.push(elapsedUs);
  }
  await driver.stop();
  samplesUs.sort((a, b) => a - b);
  const details = {
    scans: SCANS,
    codeBytes: codeText(0).length,
    reportsPerCode: reportsFor(codeText(0)).length,
    failures,
  };
  return [
    {
      name: `${name} report-to-event p50`,
      value: Number(percentile(samplesUs, 50).toFixed(1)),
      unit: 'us',
      details,
    },
    {
      name: `${name} report-to-event p95`,
      value: Number(percentile(samplesUs, 95).toFixed(1)),
      unit: 'us',
      details,
    },
    {
      name: `${name} wrong or missing events`,
      value: failures,
      unit: 'count',
      target: { op: '<=', value: 0 },
    },
  ];
}

/** The codec alone, no transport or event loop: mean time to decode one code's reports into its event. */
function decodeOnly(name: string, decoder: ScanDecoder, reports: readonly Uint8Array[]): BenchResult {
  const rounds = 20_000;
  let events = 0;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const report of reports) events += decoder.push(report, i).length;
  const perCodeUs = ((performance.now() - started) * 1_000) / rounds;
  return {
    name: `${name} decode only, per code`,
    value: Number(perCodeUs.toFixed(2)),
    unit: 'us',
    details: { rounds, events },
  };
}

export async function run(): Promise<BenchResult[]> {
  const hidPos = new HidPosScannerSimulator();
  const wedge = new KeyboardWedgeScannerSimulator(undefined, { aimPrefix: true, keying: 'press-release' });
  return [
    ...(await measure(
      'scanner hid-pos',
      hidPos.port,
      new HidPosDecoder(defaultHidPosDecoderOptions),
      (text) => hidPos.reportsFor(text, 'qr'),
    )),
    ...(await measure(
      'scanner keyboard-wedge',
      wedge.port,
      new KeyboardWedgeDecoder(defaultKeyboardWedgeDecoderOptions),
      (text) => {
        const built = wedge.reportsFor(text, 'qr');
        return built.ok ? built.value : [];
      },
    )),
    decodeOnly(
      'scanner hid-pos',
      new HidPosDecoder(defaultHidPosDecoderOptions),
      hidPos.reportsFor(codeText(0), 'qr'),
    ),
  ];
}
