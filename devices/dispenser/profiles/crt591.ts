import type { DispenserProfile } from './dispenser_profile.js';

/**
 * CREATOR (China) Tech CRT-591 card dispenser (card issuing machine), RS-232 through a USB–serial adapter.
 *
 * Sources (read to learn the protocol; no code or text copied):
 * - CREATOR (China) Tech, "CRT-591-M001 communication protocol", Ver. 1.0, 2013-07-02, §1 (frame format, ACK/NAK,
 *   irregular operation, EOT) and §2 (command list, st0/st1/st2, e1/e0 error table). Public copy:
 *   https://vdocuments.us/crt-591-m001-protocol-lenh-1-byte-lenl-1-byte-cmt-1-byte-cm-1-byte-pm.html
 * - CREATOR (China) Tech, "CRT-591 Card Issuing Machine User Manual", Ver. 1.0, 2010-03-02 (§7 communication
 *   protocol). Public copy: https://pdfslide.tips/documents/crt-571-10-specificationdocweb-viewmifare.html
 * - CREATOR (China) Tech, "CRT-541 Card Dispenser Specification", Ver. 1.0, 2010-01-10, §4.4 and §5.1 (the older
 *   7-byte ASCII framing with STX 0x02, and the enquiry-then-dispense exchange):
 *   https://www.easymanua.ls/creator/crt-541/manual?p=10
 * - QUIO QU-CD-720M card dispenser instructions, §3.5.6 (a clone family whose host sends ENQ after the device's ACK
 *   before anything is executed).
 * - Open implementations: TheTrueTrooper/NFCPrintingSelfServeKiosk_NV200_NDE1000_CRT591_CC6100_ACR122u_CRT310…
 *   (C#, CardReader_CRT-591/CRT591_Com.cs and CRTCommandEnums/*.cs); McuMirror/SWTest-ATM (C++,
 *   src/devices/dispenser/abstractcrt591.cpp); an open TypeScript Web Serial CRT-591 kiosk driver
 *   (protocol/frame.ts, protocol/errors.ts, its ACK/NAK/EOT engine); a CRT-591H driver (DevIDC_CRD_CRT591H.cpp).
 * Of the two Creator CRT-591 documents only the tables of contents were readable in the stored copies; the byte
 * values below come from the open implementations (which cite M001's sections), checked against each other and
 * against the CRT-541 pages. A value only one source gives is marked so below.
 *
 * Frame (all sources agree): STX(F2) ADDR LENH LENL TEXT ETX(03) BCC, LEN = length of TEXT (big-endian), BCC = XOR
 * of every byte from STX to ETX inclusive. TEXT = 'C' CM PM data (command), 'P' CM PM st0 st1 st2 data (positive),
 * negative head CM PM e1 e0 data (negative). ADDR 0–15 is set on the unit's DIP switches.
 *
 * Where the sources disagree or are silent, and what this profile chooses:
 * - Negative head: 'N' (0x4E) in the Creator SDK header (its reply types 50h/4Eh), the TypeScript driver and the
 *   SWTest-ATM code; 'E' (0x45) in the C# code. Both are accepted.
 * - ENQ: the M001 protocol, the C# and the TypeScript drivers execute after the device's ACK with no ENQ; the older
 *   Creator manuals and the QU-CD clones wait for ENQ. CRT-591: no ENQ (`enqAfterAck: false`); a clone that needs
 *   it is a profile with `true`.
 * - After a good answer the host sends ACK (C#, TypeScript and CRT-591H code; M001 §1.4), NAK for a damaged one,
 *   and the device sends the answer again. Done here.
 * - "Move to gate": PM 30h holds the card at the gate (C# "holding", SWTest-ATM "holding position"), PM 39h ejects it
 *   out of the front, after which it cannot be taken back. The kiosk must be able to retract a card not taken, so
 *   `present` is 32h/30h.
 * - A move with no card in the channel takes one from the stacker (C# comment on MoveCard): the driver checks the
 *   channel is empty before presenting and holds a card before retracting, so a retract never draws a fresh card.
 * - st2: '0' reject bin not full, '1' full in the C# and TypeScript code; SWTest-ATM reads it the other way round.
 *   The majority reading is used.
 * - Baud rate: 9600 in the C# code, 38400 in SWTest-ATM; the unit's DIP switches choose it. Default 9600, set
 *   `options.baudRate` to the switches.
 * - A single stacker. The CRT-591H has two cassettes but a different frame (report id + CRC-16 instead of STX/BCC);
 *   it is not covered by this profile.
 * - The reject-bin counter (CM A5h) is left out: its data layout differs between the sources.
 */
export const crt591Profile: DispenserProfile = {
  id: 'crt591',
  model: 'CREATOR CRT-591',
  framing: {
    stx: 0xf2,
    etx: 0x03,
    commandHead: 0x43, // 'C'
    positiveHead: 0x50, // 'P'
    negativeHeads: [0x4e, 0x45], // 'N', 'E'
    // Up to 512 data bytes after head, CM, PM and the status bytes (the TypeScript driver's reading of M001).
    maxTextLength: 512 + 6,
  },
  control: { ack: 0x06, nak: 0x15, enq: 0x05, eot: 0x04 },
  // 300 ms from command to ACK, as the TypeScript driver reads M001 §1.4 (one source; `timeouts.ackMs` overrides).
  handshake: { enqAfterAck: false, ackTimeoutMs: 300 },
  commands: {
    initialise: { cm: 0x30, pm: 0x33 }, // reset, do not move a card that is inside
    status: { cm: 0x31, pm: 0x30 },
    present: [{ cm: 0x32, pm: 0x30 }], // move card to the gate and hold it
    retract: { cm: 0x32, pm: 0x33 }, // move card to the error card bin
  },
  status: {
    card: { 48: 'none', 49: 'gate', 50: 'inside' },
    stacker: { 48: 'empty', 49: 'low', 50: 'ok' },
    rejectBin: { 48: 'ok', 49: 'full' },
  },
  errors: {
    '00': 'refused', // undefined command
    '01': 'refused', // command parameter error
    '02': 'needs-init', // command sequence error
    '03': 'refused', // not supported by this hardware
    '04': 'refused', // command data error
    '10': 'jam',
    '12': 'device', // sensor error
    '13': 'jam', // card too long: stuck in the channel
    '14': 'jam', // card too short
    '40': 'device', // unable to retract the card
    '43': 'device',
    '45': 'needs-init', // card moved by hand
    '50': 'reject-bin-full', // retract counter overflow
    '51': 'device', // motor error
    A0: 'empty',
    A1: 'reject-bin-full',
    B0: 'needs-init', // not reset since power-on
  },
  defaultBaudRate: 9600,
};
