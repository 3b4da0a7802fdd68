/**
 * One full eMRTD read, as the kiosk does it when a resident lays a passport or travel permit on the reader:
 * SELECT the eMRTD application, access control (BAC from the MRZ, unless another `AccessControl` is given), then
 * under secure messaging EF.COM, the requested data groups and EF.SOD, and passive authentication over them.
 * Every failure is a value naming the step, so the UI can say "keep the document still" (card removed) apart from
 * "check the document number" (access denied) apart from "this document could not be verified". A chip's
 * hostile EF.SOD is no exception either: passive authentication turns it into a `failed` verdict.
 */
import type { ApduChannel } from '../iso7816/apdu_channel.js';
import type { AccessControl, AccessControlError } from './access_control.js';
import { BacAccessControl, type BacOptions } from './bac.js';
import type { TlvError } from './ber_tlv.js';
import { plainLink, secureLink } from './card_link.js';
import { type Dg1Error, parseDg1 } from './dg1.js';
import { type Dg2Error, type FaceImage, parseDg2 } from './dg2.js';
import { SW_OK, SW_SECURITY_STATUS_NOT_SATISFIED, selectApplication } from './emrtd_commands.js';
import {
  type DataGroupNumber,
  dataGroupFileId,
  EF_COM,
  EF_SOD,
  type EfCom,
  parseEfCom,
} from './lds_files.js';
import { type LdsReadError, type ReadFileOptions, readElementaryFile } from './lds_reader.js';
import type { BacMrzInput } from './mrz_information.js';
import type { DecodedMrz } from './mrz_parser.js';
import { type PassiveAuthenticationResult, passiveAuthentication } from './passive_authentication.js';

export interface ReadEmrtdOptions extends ReadFileOptions {
  /** CSCA certificates (DER) that anchor passive authentication. */
  readonly trustStore: readonly Uint8Array[];
  /** Data groups to read; DG1 is always read. DG1 and DG2 are decoded, others only hashed. */
  readonly dataGroups: readonly DataGroupNumber[];
  /** Reference date for MRZ centuries and certificate validity; defaults to now. */
  readonly now?: Date;
  /** Replace BAC (e.g. with PACE). */
  readonly accessControl?: AccessControl;
  /** Passed to BAC when no other access control is given (tests inject RND.IFD / K.IFD). */
  readonly bac?: BacOptions;
}

export type FileName = 'EF.COM' | 'EF.SOD' | `DG${DataGroupNumber}`;

export type ReadEmrtdError =
  | { readonly code: 'select-application'; readonly error: LdsReadError | { code: 'status'; sw: number } }
  | { readonly code: 'access-control'; readonly error: AccessControlError }
  | { readonly code: 'read'; readonly file: FileName; readonly error: LdsReadError }
  | { readonly code: 'ef-com'; readonly error: TlvError }
  | { readonly code: 'data-group-absent'; readonly dataGroup: DataGroupNumber }
  | { readonly code: 'dg1'; readonly error: Dg1Error }
  | { readonly code: 'dg2'; readonly error: Dg2Error };

export interface EmrtdReading {
  /** DG1 as the chip holds it; `mrz.expired` is judged against the same `now` as the certificates. */
  readonly mrz: DecodedMrz;
  readonly faceImage: FaceImage | undefined;
  readonly efCom: EfCom;
  readonly dataGroupsRead: readonly DataGroupNumber[];
  /** Requested data groups the chip refused (DG3/DG4 without Extended Access Control). */
  readonly dataGroupsSkipped: readonly { dataGroup: DataGroupNumber; reason: 'access-denied' }[];
  readonly passiveAuthentication: PassiveAuthenticationResult;
}

export type ReadEmrtdResult = { ok: true; value: EmrtdReading } | { ok: false; error: ReadEmrtdError };

/** True when the read failed because the card left the reader (the UI asks to put it back). */
export function isCardRemoved(error: ReadEmrtdError): boolean {
  const failure =
    error.code === 'access-control' || error.code === 'read' || error.code === 'select-application'
      ? error.error
      : undefined;
  return failure !== undefined && 'failure' in failure && failure.failure.code === 'card-removed';
}

export async function readEmrtd(
  channel: ApduChannel,
  mrzInfo: BacMrzInput,
  options: ReadEmrtdOptions,
): Promise<ReadEmrtdResult> {
  const now = options.now ?? new Date();
  const selected = await plainLink(channel).send(selectApplication());
  if (!selected.ok) return { ok: false, error: { code: 'select-application', error: selected.error } };
  if (selected.value.sw !== SW_OK) {
    return {
      ok: false,
      error: { code: 'select-application', error: { code: 'status', sw: selected.value.sw } },
    };
  }

  const accessControl = options.accessControl ?? new BacAccessControl(mrzInfo, options.bac);
  const established = await accessControl.establish(channel);
  if (!established.ok) return { ok: false, error: { code: 'access-control', error: established.error } };
  const session = established.value;
  const link = secureLink(channel, session);
  try {
    const comBytes = await readElementaryFile(link, EF_COM, options);
    if (!comBytes.ok) return { ok: false, error: { code: 'read', file: 'EF.COM', error: comBytes.error } };
    const efCom = parseEfCom(comBytes.value);
    if (!efCom.ok) return { ok: false, error: { code: 'ef-com', error: efCom.error } };

    const wanted = [...new Set<DataGroupNumber>([1, ...options.dataGroups])].sort((a, b) => a - b);
    const dataGroups = new Map<number, Uint8Array>();
    const skipped: { dataGroup: DataGroupNumber; reason: 'access-denied' }[] = [];
    for (const dataGroup of wanted) {
      if (!efCom.value.dataGroups.includes(dataGroup)) {
        if (dataGroup === 1 || dataGroup === 2)
          return { ok: false, error: { code: 'data-group-absent', dataGroup } };
        continue;
      }
      const bytes = await readElementaryFile(link, dataGroupFileId(dataGroup), options);
      if (!bytes.ok) {
        // DG3/DG4 need Extended Access Control: a chip refuses them with 6982 and the session goes on.
        const refused =
          bytes.error.code === 'unexpected-status' && bytes.error.sw === SW_SECURITY_STATUS_NOT_SATISFIED;
        if (refused && dataGroup > 2) {
          skipped.push({ dataGroup, reason: 'access-denied' });
          continue;
        }
        return { ok: false, error: { code: 'read', file: `DG${dataGroup}`, error: bytes.error } };
      }
      dataGroups.set(dataGroup, bytes.value);
    }
    const sod = await readElementaryFile(link, EF_SOD, options);
    if (!sod.ok) return { ok: false, error: { code: 'read', file: 'EF.SOD', error: sod.error } };

    const mrz = parseDg1(dataGroups.get(1)!, { today: now });
    if (!mrz.ok) return { ok: false, error: { code: 'dg1', error: mrz.error } };
    const dg2 = dataGroups.get(2);
    const face = dg2 === undefined ? undefined : parseDg2(dg2);
    if (face !== undefined && !face.ok) return { ok: false, error: { code: 'dg2', error: face.error } };

    const verdict = await passiveAuthentication({
      sod: sod.value,
      dataGroups,
      trustStore: options.trustStore,
      now,
    });
    return {
      ok: true,
      value: {
        mrz: mrz.value,
        faceImage: face?.value,
        efCom: efCom.value,
        dataGroupsRead: [...dataGroups.keys()] as DataGroupNumber[],
        dataGroupsSkipped: skipped,
        passiveAuthentication: verdict,
      },
    };
  } finally {
    // Personal data stays in the returned value only; the session keys go now.
    session.end();
  }
}
