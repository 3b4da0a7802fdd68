import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTlv } from './ber_tlv.js';
import type { CardLink } from './card_link.js';
import type { CommandApdu } from './emrtd_commands.js';
import { readElementaryFile } from './lds_reader.js';

const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** A plain link over one file, with a hook to change each READ BINARY's status word. */
function fileLink(
  file: Uint8Array,
  quirk?: (offset: number, le: number) => { data: Uint8Array; sw: number } | undefined,
) {
  const log: string[] = [];
  const link: CardLink = {
    async send(command: CommandApdu) {
      if (command.ins === 0xa4) {
        log.push('SELECT');
        return {
          ok: true,
          value: { data: new Uint8Array(), sw: command.data?.[1] === 0x1e ? 0x9000 : 0x6a82 },
        };
      }
      const offset = (command.p1 << 8) | command.p2;
      const le = command.le === 0 || command.le === undefined ? 256 : command.le;
      log.push(`READ ${offset} ${le}`);
      const special = quirk?.(offset, le);
      if (special !== undefined) return { ok: true, value: special };
      const data = file.subarray(offset, offset + le);
      return { ok: true, value: { data, sw: data.length < le ? 0x6282 : 0x9000 } };
    },
  };
  return { link, log };
}

const efCom = encodeTlv(0x60, new Uint8Array(300).fill(0x41));

describe('reading an elementary file', () => {
  it('reads the 4-byte header, then the rest in chunks of 0xDF', async () => {
    const { link, log } = fileLink(efCom);
    const result = await readElementaryFile(link, 0x011e);
    expect(result.ok && toHex(result.value)).toBe(toHex(efCom));
    expect(log).toEqual(['SELECT', 'READ 0 4', 'READ 4 223', 'READ 227 77']);
  });

  it('repeats a read with the length the card asks for in 6Cxx', async () => {
    let refused = false;
    const { link, log } = fileLink(efCom, (offset, le) => {
      if (offset === 4 && le === 223 && !refused) {
        refused = true;
        return { data: new Uint8Array(), sw: 0x6c80 };
      }
      return undefined;
    });
    const result = await readElementaryFile(link, 0x011e);
    expect(result.ok && toHex(result.value)).toBe(toHex(efCom));
    expect(log.slice(0, 5)).toEqual(['SELECT', 'READ 0 4', 'READ 4 223', 'READ 4 128', 'READ 132 172']);
  });

  it('reads with a caller-chosen chunk size and odd offsets', async () => {
    const { link, log } = fileLink(efCom);
    const result = await readElementaryFile(link, 0x011e, { chunkSize: 101 });
    expect(result.ok).toBe(true);
    expect(log).toEqual(['SELECT', 'READ 0 4', 'READ 4 101', 'READ 105 101', 'READ 206 98']);
  });

  it('reports a missing file and an unexpected status', async () => {
    expect(await readElementaryFile(fileLink(efCom).link, 0x0103)).toEqual({
      ok: false,
      error: { code: 'file-not-found', fileId: 0x0103 },
    });
    const broken = fileLink(efCom, () => ({ data: new Uint8Array(), sw: 0x6f00 }));
    expect(await readElementaryFile(broken.link, 0x011e)).toEqual({
      ok: false,
      error: { code: 'unexpected-status', fileId: 0x011e, sw: 0x6f00 },
    });
  });

  it('refuses a header claiming more than 1 MiB instead of allocating it', async () => {
    const { link } = fileLink(Uint8Array.of(0x75, 0x84, 0x01, 0x00, 0x00, 0x00));
    expect(await readElementaryFile(link, 0x011e)).toEqual({
      ok: false,
      error: { code: 'file-too-large', fileId: 0x011e, size: 16777222 },
    });
  });

  it('property: arbitrary file contents and status words end in a value, never a throw or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.constantFrom(0x9000, 0x6282, 0x6b00, 0x6c10, 0x6c00, 0x6a82, 0x6700), { maxLength: 10 }),
        async (file, statuses) => {
          let reads = 0;
          const { link } = fileLink(file, (offset, le) => {
            reads++;
            const sw = statuses[reads - 1];
            if (sw === undefined || sw === 0x9000) return undefined;
            return { data: file.subarray(offset, offset + Math.min(le, 3)), sw };
          });
          const result = await readElementaryFile(link, 0x011e);
          expect(typeof result.ok).toBe('boolean');
          expect(reads).toBeLessThan(400);
        },
      ),
      { numRuns: 300 },
    );
  });
});
