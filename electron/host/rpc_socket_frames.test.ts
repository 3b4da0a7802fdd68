import { randomBytes } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import {
  connectClient,
  request,
  snapshotFromFreshClient,
  startTestHost,
  type TestHost,
} from '../../test/support/browser_host_fixture.js';
import { maxRequestBytes } from '../rpc/frame_handler.js';

/**
 * The class "a WebSocket frame the host cannot accept ends only that socket": each row opens a real handshake on
 * a raw TCP socket, writes one hostile frame (RFC 6455 §5.2, built byte by byte), and expects the host's close
 * frame with the right status, the connection dropped, a log line without the frame's bytes, and both a client
 * that was connected all along and a new one still answered.
 */

const marker = 'PAYLOAD-MARKER';

interface FrameSpec {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  payload?: Buffer;
  masked?: boolean;
  /** A length to announce instead of the payload's own (the bytes sent stay the payload's). */
  declaredLength?: bigint;
}

function clientFrame({
  fin = true,
  rsv = 0,
  opcode,
  payload = Buffer.alloc(0),
  masked = true,
  declaredLength,
}: FrameSpec): Buffer {
  const length = declaredLength ?? BigInt(payload.length);
  const first = (fin ? 0x80 : 0) | (rsv << 4) | opcode;
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, maskBit | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.from([first, maskBit | 126, 0, 0]);
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

const text = (s: string) => Buffer.from(s, 'utf8');
const closePayload = (code: number, reason = Buffer.alloc(0)) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(code);
  return Buffer.concat([b, reason]);
};

interface Row {
  name: string;
  frames: Buffer[];
  closeCode: number;
  logCode: string;
}

const rows: Row[] = [
  {
    name: 'a text frame announcing one byte more than maxPayload',
    frames: [
      clientFrame({ opcode: 0x1, payload: text(marker), declaredLength: BigInt(maxRequestBytes + 1) }),
    ],
    closeCode: 1009,
    logCode: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
  },
  {
    name: 'a fragmented message that grows past maxPayload',
    frames: [
      clientFrame({ fin: false, opcode: 0x1, payload: Buffer.alloc(maxRequestBytes / 2 + 1, 0x20) }),
      clientFrame({ opcode: 0x0, payload: Buffer.alloc(maxRequestBytes / 2 + 1, 0x20) }),
    ],
    closeCode: 1009,
    logCode: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
  },
  {
    name: 'a 64-bit length beyond 2^53',
    frames: [clientFrame({ opcode: 0x1, declaredLength: 2n ** 63n })],
    closeCode: 1009,
    logCode: 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH',
  },
  {
    name: 'invalid UTF-8 in a text frame',
    frames: [
      clientFrame({
        opcode: 0x1,
        payload: Buffer.concat([text(`{"id":1,"${marker}":"`), Buffer.from([0xff, 0xfe])]),
      }),
    ],
    closeCode: 1007,
    logCode: 'WS_ERR_INVALID_UTF8',
  },
  {
    name: 'invalid UTF-8 in a close reason',
    frames: [clientFrame({ opcode: 0x8, payload: closePayload(1000, Buffer.from([0xc3, 0x28])) })],
    closeCode: 1007,
    logCode: 'WS_ERR_INVALID_UTF8',
  },
  {
    name: 'reserved opcode 0x3',
    frames: [clientFrame({ opcode: 0x3, payload: text(marker) })],
    closeCode: 1002,
    logCode: 'WS_ERR_INVALID_OPCODE',
  },
  {
    name: 'reserved control opcode 0xB',
    frames: [clientFrame({ opcode: 0xb })],
    closeCode: 1002,
    logCode: 'WS_ERR_INVALID_OPCODE',
  },
  {
    name: 'a continuation frame with no message to continue',
    frames: [clientFrame({ opcode: 0x0, payload: text(marker) })],
    closeCode: 1002,
    logCode: 'WS_ERR_INVALID_OPCODE',
  },
  {
    name: 'an unmasked client frame',
    frames: [clientFrame({ opcode: 0x1, payload: text(marker), masked: false })],
    closeCode: 1002,
    logCode: 'WS_ERR_EXPECTED_MASK',
  },
  {
    name: 'RSV1 set without compression',
    frames: [clientFrame({ rsv: 0b100, opcode: 0x1, payload: text(marker) })],
    closeCode: 1002,
    logCode: 'WS_ERR_UNEXPECTED_RSV_1',
  },
  {
    name: 'RSV2 set',
    frames: [clientFrame({ rsv: 0b010, opcode: 0x1, payload: text(marker) })],
    closeCode: 1002,
    logCode: 'WS_ERR_UNEXPECTED_RSV_2_3',
  },
  {
    name: 'RSV3 set',
    frames: [clientFrame({ rsv: 0b001, opcode: 0x1, payload: text(marker) })],
    closeCode: 1002,
    logCode: 'WS_ERR_UNEXPECTED_RSV_2_3',
  },
  {
    name: 'a fragmented ping',
    frames: [clientFrame({ fin: false, opcode: 0x9, payload: text(marker) })],
    closeCode: 1002,
    logCode: 'WS_ERR_EXPECTED_FIN',
  },
  {
    name: 'a ping longer than 125 bytes',
    frames: [clientFrame({ opcode: 0x9, payload: Buffer.alloc(126, 0x41) })],
    closeCode: 1002,
    logCode: 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH',
  },
  {
    name: 'a close frame with a forbidden status code',
    frames: [clientFrame({ opcode: 0x8, payload: closePayload(1005) })],
    closeCode: 1002,
    logCode: 'WS_ERR_INVALID_CLOSE_CODE',
  },
  {
    name: 'a close frame with a one-byte payload',
    frames: [clientFrame({ opcode: 0x8, payload: Buffer.from([0x03]) })],
    closeCode: 1002,
    logCode: 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH',
  },
  {
    name: 'a binary frame (the contract is JSON text)',
    frames: [clientFrame({ opcode: 0x2, payload: text(marker) })],
    closeCode: 1003,
    logCode: 'binary-frame',
  },
];

/** A raw socket past a real handshake: whatever the host sends after the 101 response is collected. */
async function handshake(
  t: TestHost,
): Promise<{ socket: Socket; afterHandshake: () => Buffer; closed: Promise<void> }> {
  const host = `127.0.0.1:${t.host.port}`;
  const socket = netConnect(t.host.port, '127.0.0.1');
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
  });
  socket.write(
    [
      `GET /rpc?token=${t.host.token} HTTP/1.1`,
      `Host: ${host}`,
      `Origin: http://${host}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      '',
      '',
    ].join('\r\n'),
  );
  await expect.poll(() => received.indexOf('\r\n\r\n')).toBeGreaterThan(0);
  expect(received.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
  const bodyStart = received.indexOf('\r\n\r\n') + 4;
  return { socket, afterHandshake: () => received.subarray(bodyStart), closed };
}

/** The status code of the first close frame (opcode 0x8) the host sent, or null. */
function closeCodeIn(serverBytes: Buffer): number | null {
  let at = 0;
  while (at + 2 <= serverBytes.length) {
    const opcode = serverBytes[at]! & 0x0f;
    let length = serverBytes[at + 1]! & 0x7f;
    let headerLength = 2;
    if (length === 126) {
      length = serverBytes.readUInt16BE(at + 2);
      headerLength = 4;
    }
    if (opcode === 0x8) return length >= 2 ? serverBytes.readUInt16BE(at + headerLength) : null;
    at += headerLength + length;
  }
  return null;
}

describe('hostile WebSocket frames close only their own socket', () => {
  let t: TestHost;
  let bystander: WebSocket;
  beforeAll(async () => {
    t = await startTestHost();
    bystander = await connectClient(t.host);
  });
  afterAll(async () => {
    bystander.close();
    await t.close();
  });

  it.each(rows)('$name → close $closeCode', async ({ frames, closeCode, logCode }) => {
    const logged = t.logger.lines.length;
    const raw = await handshake(t);
    for (const frame of frames) raw.socket.write(frame);
    await expect.poll(() => closeCodeIn(raw.afterHandshake())).toBe(closeCode);
    // The host drops the connection once it has answered our close frame, as a well-behaved peer would send.
    raw.socket.end(clientFrame({ opcode: 0x8, payload: closePayload(closeCode) }));
    await raw.closed;

    const lines = t.logger.lines.slice(logged);
    expect(lines).toContainEqual({
      event: 'host-frame-refused',
      fields: expect.objectContaining({ code: logCode }),
    });
    expect(JSON.stringify(lines)).not.toContain(marker);
    expect(await request(bystander, { id: 7, method: 'kiosk.snapshot', params: {} })).toMatchObject({
      id: 7,
      ok: true,
    });
    expect(await snapshotFromFreshClient(t.host)).toMatchObject({ id: 1, ok: true });
  });
});

describe('malformed request frames get a typed error and the socket stays open', () => {
  let t: TestHost;
  let ws: WebSocket;
  beforeAll(async () => {
    t = await startTestHost();
    ws = await connectClient(t.host);
  });
  afterAll(async () => {
    ws.close();
    await t.close();
  });

  const nested = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
  it.each(
    [
      { frame: 'not json', id: -1, code: 'invalid-params' },
      { frame: '', id: -1, code: 'invalid-params' },
      { frame: '{"id":1,', id: -1, code: 'invalid-params' },
      { frame: 'null', id: -1, code: 'invalid-params' },
      { frame: '[]', id: -1, code: 'invalid-params' },
      { frame: '42', id: -1, code: 'invalid-params' },
      { frame: '"kiosk.snapshot"', id: -1, code: 'invalid-params' },
      { frame: nested, id: -1, code: 'invalid-params' },
      { frame: `${' '.repeat(maxRequestBytes - 10)}{}`, id: -1, code: 'invalid-params' },
      { frame: '{"id":"1","method":"kiosk.snapshot"}', id: -1, code: 'invalid-params' },
      { frame: '{"id":2}', id: 2, code: 'invalid-params' },
      { frame: '{"id":3,"method":"kiosk.snapshot","params":{},"extra":true}', id: 3, code: 'invalid-params' },
      { frame: `{"id":4,"method":"${'m'.repeat(5000)}"}`, id: 4, code: 'invalid-params' },
      { frame: '{"id":5,"method":"__proto__","params":{}}', id: 5, code: 'unknown-method' },
      { frame: '{"id":6,"method":"constructor","params":{}}', id: 6, code: 'unknown-method' },
      { frame: '{"__proto__":{"id":7},"method":"kiosk.snapshot"}', id: -1, code: 'invalid-params' },
      {
        frame: '{"id":8,"method":"session.start","params":{"language":"xx"}}',
        id: 8,
        code: 'invalid-params',
      },
      { frame: '{"id":9,"method":"session.start","params":[]}', id: 9, code: 'invalid-params' },
      { frame: '{"id":10,"method":"dev.setMaintenance","params":{"on":true}}', id: 10, code: 'forbidden' },
    ].map((row) => ({
      ...row,
      name: row.frame.length > 60 ? `${row.frame.slice(0, 40)}… (${row.frame.length} characters)` : row.frame,
    })),
  )('$name → $code', async ({ frame, id, code }) => {
    expect(await request(ws, frame)).toMatchObject({ id, ok: false, error: { code } });
    expect(await request(ws, { id: 99, method: 'kiosk.snapshot', params: {} })).toMatchObject({
      id: 99,
      ok: true,
    });
  });
});
