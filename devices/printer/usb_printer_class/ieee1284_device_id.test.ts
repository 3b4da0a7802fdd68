import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsPdf,
  decodeDeviceIdReply,
  encodeDeviceIdReply,
  parseDeviceId,
  speaksEscPos,
} from './ieee1284_device_id.js';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const DFX = 'MFG:EPSON;CMD:ESCP9,PRPII9,BDC,D4;MDL:DFX-9000;CLS:PRINTER;DES:EPSON DFX-9000;';

describe('GET_DEVICE_ID reply', () => {
  it('strips the big-endian length that counts itself (Epson DFX-9000 manual vectors)', () => {
    expect(DFX.length).toBe(78);
    const reply = new Uint8Array([0x00, 0x50, ...ascii(DFX)]);
    expect(decodeDeviceIdReply(reply)).toEqual({ ok: true, value: DFX });
    const noD4 = DFX.replace(',D4', '');
    expect(decodeDeviceIdReply(new Uint8Array([0x00, 0x4d, ...ascii(noD4)]))).toEqual({
      ok: true,
      value: noD4,
    });
    expect(Array.from(encodeDeviceIdReply(DFX).subarray(0, 2))).toEqual([0x00, 0x50]);
  });

  it('re-reads a length sent little-endian, as CUPS does', () => {
    const reply = new Uint8Array([0x50, 0x00, ...ascii(DFX)]);
    expect(decodeDeviceIdReply(reply)).toEqual({ ok: true, value: DFX });
  });

  it('ignores bytes past the declared length (the host asked for 1024)', () => {
    const reply = new Uint8Array([0x00, 0x50, ...ascii(DFX), 0, 0, 0, 0]);
    expect(decodeDeviceIdReply(reply)).toEqual({ ok: true, value: DFX });
  });

  it('rejects short and inconsistent lengths with typed errors', () => {
    expect(decodeDeviceIdReply(new Uint8Array([0x00]))).toEqual({
      ok: false,
      error: { code: 'too-short', length: 1 },
    });
    expect(decodeDeviceIdReply(new Uint8Array([0x00, 0x05, 0x41, 0x42, 0x43]))).toMatchObject({
      ok: false,
      error: { code: 'bad-length' },
    });
    expect(decodeDeviceIdReply(new Uint8Array([0x7f, 0x7f, ...ascii(DFX)]))).toMatchObject({
      ok: false,
      error: { code: 'bad-length', declared: 0x7f7f },
    });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeDeviceIdReply(bytes);
        if (result.ok) {
          expect(result.value.length).toBeGreaterThanOrEqual(12);
          expect(result.value.length).toBeLessThanOrEqual(bytes.length - 2);
        } else expect(['too-short', 'bad-length']).toContain(result.error.code);
      }),
    );
  });
});

describe('IEEE 1284 device ID', () => {
  it('parses the TM-T88V ID and recognises ESC/POS', () => {
    const id = parseDeviceId('MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;CLS:PRINTER;');
    expect(id.ok).toBe(true);
    if (!id.ok) return;
    expect(id.value).toMatchObject({
      manufacturer: 'EPSON',
      model: 'TM-T88V',
      commandSet: ['ESC/POS'],
      deviceClass: 'PRINTER',
    });
    expect(speaksEscPos(id.value)).toBe(true);
    expect(acceptsPdf(id.value)).toBe(false);
  });

  it('parses long key spellings (Linux usblp example) case-insensitively', () => {
    const text =
      'manufacturer:HEWLETT-PACKARD;Model:DESKJET 970C;COMMAND SET:MLC,PCL,PML;CLASS:PRINTER;DESCRIPTION:Hewlett-Packard DeskJet 970C;SERN:US12345;';
    const id = parseDeviceId(text);
    expect(id).toMatchObject({
      ok: true,
      value: {
        manufacturer: 'HEWLETT-PACKARD',
        model: 'DESKJET 970C',
        commandSet: ['MLC', 'PCL', 'PML'],
        deviceClass: 'PRINTER',
        description: 'Hewlett-Packard DeskJet 970C',
        serialNumber: 'US12345',
      },
    });
  });

  it('recognises a PDF-capable A4 printer', () => {
    const id = parseDeviceId('MFG:HP;MDL:LaserJet Pro M404;CMD:PJL,PCL,PCLXL,POSTSCRIPT,PDF;CLS:PRINTER;');
    expect(id.ok && acceptsPdf(id.value)).toBe(true);
  });

  it('tolerates trailing NULs, blanks, a missing final semicolon and colon-less junk', () => {
    const id = parseDeviceId('junk;MFG: EPSON ;MDL:TM-T20II;CMD:ESC/POS\0\0  ');
    expect(id).toMatchObject({
      ok: true,
      value: { manufacturer: 'EPSON', model: 'TM-T20II', commandSet: ['ESC/POS'] },
    });
  });

  it('gives typed errors for missing fields and control characters', () => {
    expect(parseDeviceId('MDL:TM-T88V;')).toEqual({ ok: false, error: { code: 'missing-manufacturer' } });
    expect(parseDeviceId('MFG:EPSON;')).toEqual({ ok: false, error: { code: 'missing-model' } });
    expect(parseDeviceId('MFG:EP\x1bSON;MDL:X;')).toEqual({
      ok: false,
      error: { code: 'not-text', offset: 6 },
    });
    expect(parseDeviceId('')).toEqual({ ok: false, error: { code: 'missing-manufacturer' } });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseDeviceId(text);
        if (!result.ok)
          expect(['not-text', 'missing-manufacturer', 'missing-model']).toContain(result.error.code);
      }),
    );
  });

  const token = fc
    .stringMatching(/^[A-Za-z0-9 /.-]{1,20}$/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

  it('round-trips: encode a reply, decode and parse it back', () => {
    fc.assert(
      fc.property(token, token, fc.array(token, { minLength: 1, maxLength: 5 }), (mfg, mdl, cmds) => {
        const text = `MFG:${mfg};MDL:${mdl};CMD:${cmds.join(',')};CLS:PRINTER;`;
        const decoded = decodeDeviceIdReply(encodeDeviceIdReply(text));
        expect(decoded).toEqual({ ok: true, value: text });
        const id = decoded.ok ? parseDeviceId(decoded.value) : undefined;
        expect(id).toMatchObject({ ok: true, value: { manufacturer: mfg, model: mdl, commandSet: cmds } });
      }),
    );
  });
});
