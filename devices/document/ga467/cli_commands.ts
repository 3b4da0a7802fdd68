/**
 * Staff debug commands for a GA 467 reader, for the `balcao` bin (the lead wires argument parsing and I/O).
 * Each returns the JSON text to print and the process exit code: 0 done, 2 no card, 3 wrong card type,
 * 4 reader unreachable, 1 any other failure. The output contains the card holder's personal data: these commands
 * are for a technician at the kiosk with a test card, never for logs.
 */
import type { Ga467Reader, Ga467ReaderError, IdentityRead } from './ga467_reader.js';

/** Any reader that can do find → select → read: `Ga467Reader`, or the device manager's `ManagedGa467Reader`. */
export type IdentityCardSource = Pick<Ga467Reader, 'readIdentity'>;

export interface CliOutput {
  json: string;
  exitCode: number;
}

function failure(error: Ga467ReaderError): CliOutput {
  const exitCode =
    error.code === 'no-card' ? 2 : error.code === 'disconnected' || error.code === 'timeout' ? 4 : 1;
  return { json: JSON.stringify({ ok: false, error }, null, 2), exitCode };
}

function describeRead(read: IdentityRead): Record<string, unknown> {
  const { photo, fingerprint, text } = read;
  return {
    ...text,
    // The photo is WLT-compressed and needs a licensed decoder: show its size only.
    photo: { format: 'wlt', bytes: photo.length },
    ...(fingerprint === undefined ? {} : { fingerprint: { bytes: fingerprint.length } }),
  };
}

/** `balcao ga467 read`: any card the reader accepts, decoded. */
export async function readIdentityCard(reader: IdentityCardSource): Promise<CliOutput> {
  const read = await reader.readIdentity();
  if (!read.ok) return failure(read.error);
  return { json: JSON.stringify({ ok: true, card: describeRead(read.value) }, null, 2), exitCode: 0 };
}

/** `balcao ga467 read-permit`: a Hong Kong/Macao/Taiwan residents' residence permit ('J'); other cards exit 3. */
export async function readResidencePermit(reader: IdentityCardSource): Promise<CliOutput> {
  const read = await reader.readIdentity();
  if (!read.ok) return failure(read.error);
  if (read.value.text.kind !== 'hmt-residence-permit') {
    return {
      json: JSON.stringify(
        { ok: false, error: { code: 'not-a-residence-permit', kind: read.value.text.kind } },
        null,
        2,
      ),
      exitCode: 3,
    };
  }
  return { json: JSON.stringify({ ok: true, permit: describeRead(read.value) }, null, 2), exitCode: 0 };
}

/** `balcao ga467 status`: SAM status, SAM id and whether a card lies on the reader. */
export async function readerStatus(reader: Ga467Reader): Promise<CliOutput> {
  const status = await reader.samStatus();
  if (!status.ok) return failure(status.error);
  const samId = await reader.samId();
  const card = await reader.findCard();
  const cardPresent = card.ok ? true : card.error.code === 'no-card' ? false : undefined;
  const json = JSON.stringify(
    {
      ok: true,
      sam: { status: status.value.name, id: samId.ok ? samId.value.hex : null },
      cardPresent: cardPresent ?? null,
      state: reader.state,
    },
    null,
    2,
  );
  return { json, exitCode: 0 };
}
