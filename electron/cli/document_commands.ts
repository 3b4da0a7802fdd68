import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sharedFaceImageDecoder } from '../../devices/document/face_image/face_image_decoder.js';
import { faceImageForDisplay } from '../../devices/document/face_image/face_image_for_display.js';
import { readResidencePermit } from '../../devices/document/ga467/cli_commands.js';
import { mrzCommand } from '../../devices/document/icao9303/cli_commands.js';
import {
  type BacMrzInput,
  bacInputFromMrz,
  bacInputFromTyped,
} from '../../devices/document/icao9303/mrz_information.js';
import { parseMrz } from '../../devices/document/icao9303/mrz_parser.js';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import {
  emrtdSamples,
  isEmrtdSample,
  simulatorTrustAnchor,
} from '../../devices/document/simulated_documents.js';
import { KeyTableSchema, signingKeyHistoryOf } from '../backend/contract/keys.js';
import { defaultConfigPath } from '../config/config_loader.js';
import { readKeyHistory } from '../keys/key_history.js';
import { keyTableErrorMessage } from '../keys/key_table.js';
import { verifyDocumentCommand } from '../printed/verification/verify_document.js';
import { exitStatus } from '../startup/exit_status.js';
import { settle, withDevice } from './cli_devices.js';
import type { CliCommand } from './command.js';

/** A CSCA certificate file, DER or PEM. */
function readCertificate(path: string): Uint8Array {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  if (!text.includes('-----BEGIN CERTIFICATE-----')) return new Uint8Array(bytes);
  const base64 = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

export const readDocumentCommand: CliCommand = {
  name: 'read-document',
  usage:
    'balcao read-document [--config FILE] [--device ID] (--mrz LINE --mrz LINE [--mrz LINE] | --document-number N --birth YYMMDD --expiry YYMMDD | --sample NAME) [--trust CSCA.pem]… [--trust-simulator] [--face-out FILE]',
  summary:
    'read an eMRTD chip (BAC, DG1, DG2, SOD) and print its data and the passive-authentication result as JSON',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        config: { type: 'string', default: defaultConfigPath },
        device: { type: 'string' },
        mrz: { type: 'string', multiple: true },
        'document-number': { type: 'string' },
        birth: { type: 'string' },
        expiry: { type: 'string' },
        sample: { type: 'string' },
        trust: { type: 'string', multiple: true },
        'trust-simulator': { type: 'boolean' },
        'face-out': { type: 'string' },
      },
      strict: true,
    });
    // The MRZ: typed lines, typed fields, or — for a simulated reader's sample — its printed MRZ, as a reader
    // with an OCR window would supply it.
    const sample = values.sample;
    if (sample !== undefined && !isEmrtdSample(sample)) {
      io.err(`unknown sample "${sample}"; samples: ${Object.keys(emrtdSamples).join(', ')}`);
      return 64;
    }
    const lines = values.mrz ?? (sample ? [...emrtdSamples[sample]] : undefined);
    let mrzInput: BacMrzInput;
    if (lines) {
      const parsed = parseMrz(lines, { today: new Date() });
      if (!parsed.ok) {
        io.out(JSON.stringify({ ok: false, stage: 'mrz', problems: parsed.error.reasons }, null, 2));
        return 2;
      }
      mrzInput = bacInputFromMrz(parsed.value);
    } else if (values['document-number'] && values.birth && values.expiry) {
      const typed = bacInputFromTyped(values['document-number'], values.birth, values.expiry);
      if (!typed.ok) {
        io.out(JSON.stringify({ ok: false, stage: 'typed-input', error: typed.error }, null, 2));
        return 2;
      }
      mrzInput = typed.value;
    } else {
      io.err(
        `give the MRZ (--mrz twice or three times), or --document-number, --birth and --expiry\nusage: ${this.usage}`,
      );
      return 64;
    }
    const trustStore = (values.trust ?? []).map(readCertificate);
    if (values['trust-simulator']) trustStore.push(await simulatorTrustAnchor());

    return withDevice(
      values.config ?? defaultConfigPath,
      values.device,
      'document-reader',
      io,
      async (reader, hub) => {
        if (sample) {
          const placed = await hub.simulate({ action: 'document', deviceId: reader.id, sample });
          if (!placed.ok) {
            io.err(placed.error);
            return 1;
          }
        }
        await settle(() => reader.driver.status().state !== 'disconnected');
        const reading = await readEmrtd(reader.driver, mrzInput, { trustStore, dataGroups: [1, 2] });
        if (!reading.ok) {
          io.out(JSON.stringify({ ok: false, stage: 'chip', error: reading.error }, null, 2));
          return 1;
        }
        const { mrz, faceImage, dataGroupsRead, dataGroupsSkipped, passiveAuthentication } = reading.value;
        // The face as a screen shows it (JPEG 2000 converted to PNG), for the technician to look at.
        let faceOut: { file: string; mimeType: string } | { error: string } | undefined;
        if (values['face-out'] && faceImage) {
          const display = await faceImageForDisplay(faceImage);
          await sharedFaceImageDecoder().close();
          if (display.ok) {
            writeFileSync(values['face-out'], display.value.bytes);
            faceOut = { file: values['face-out'], mimeType: display.value.mimeType };
          } else {
            faceOut = { error: display.error.code };
          }
        }
        io.out(
          JSON.stringify(
            {
              ok: true,
              document: mrzCommand([...mrz.lines]).json,
              faceImage: faceImage
                ? {
                    format: faceImage.format,
                    width: faceImage.width,
                    height: faceImage.height,
                    bytes: faceImage.bytes.length,
                    sha256: createHash('sha256').update(faceImage.bytes).digest('hex'),
                  }
                : null,
              ...(faceOut ? { faceOut } : {}),
              dataGroupsRead,
              dataGroupsSkipped,
              passiveAuthentication,
            },
            null,
            2,
          ),
        );
        return passiveAuthentication.status === 'failed' ? 1 : 0;
      },
    );
  },
};

export const readPermitCommand: CliCommand = {
  name: 'read-permit',
  usage: 'balcao read-permit [--config FILE] [--device ID] [--sample residence-permit]',
  summary: 'read a residence permit / Mainland ID card on the GA 467 reader and print its fields as JSON',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        config: { type: 'string', default: defaultConfigPath },
        device: { type: 'string' },
        sample: { type: 'string' },
      },
      strict: true,
    });
    return withDevice(
      values.config ?? defaultConfigPath,
      values.device,
      'id-card-reader',
      io,
      async (reader, hub) => {
        if (values.sample) {
          const placed = await hub.simulate({
            action: 'document',
            deviceId: reader.id,
            sample: values.sample,
          });
          if (!placed.ok) {
            io.err(placed.error);
            return 1;
          }
        }
        await settle(() => reader.driver.status().state !== 'disconnected');
        const result = await readResidencePermit(reader.driver);
        io.out(result.json);
        return result.exitCode;
      },
    );
  },
};

export const verifyDocumentCliCommand: CliCommand = {
  name: 'verify-document',
  usage: 'balcao verify-document <code-or-qr-text> --keys KEYS.json',
  summary:
    'check a printed proof of identity (its QR text) against the terminals’ public keys and their periods of use',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { keys: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const input = positionals.join(' ');
    if (!input || !values.keys) {
      io.err(
        `usage: ${this.usage}\nKEYS.json maps terminal ids to Ed25519 public keys (base64 or PEM), or to their keys over time ([{ publicKey, validFrom, validTo, revokedAt }]); the backend's key table (GET /v1/keys) is read as it is.`,
      );
      return 64;
    }
    // The backend's own table first: the very history the kiosk's check-proof screen verifies against.
    const keys = readKeyHistory(values.keys, (json) => {
      const table = KeyTableSchema.safeParse(json);
      return table.success ? signingKeyHistoryOf(table.data, 'document-signing') : undefined;
    });
    if (!keys.ok) {
      io.err(keyTableErrorMessage(keys.error));
      return exitStatus.noInput;
    }
    const result = verifyDocumentCommand(input, keys.value);
    io.out(result.json);
    return result.exitCode;
  },
};
