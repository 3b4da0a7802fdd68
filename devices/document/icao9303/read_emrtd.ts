/**
 * One full eMRTD read, as the kiosk does it when a resident lays a passport or travel permit on the reader:
 * SELECT the eMRTD application, access control (BAC from the MRZ, unless another `AccessControl` is given), then
 * under secure messaging EF.COM, the requested data groups and EF.SOD, and passive authentication over them.
 * Every failure is a value naming the step, so the UI can say "keep the document still" (card removed) apart from
 * "check the document number" (access denied) apart from "this document could not be verified". A chip's
 * hostile EF.SOD is no exception either: passive authentication turns it into a `failed` verdict.
 */

import { err, mapError, ok, type Result, resultBlock } from '../../../lib/result.js';
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

export type ReadEmrtdResult = Result<EmrtdReading, ReadEmrtdError>;

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
  return resultBlock(async (take) => {
    /** The value of one step, or the read stops with that step's failure, named after the step. */
    const step = <T, E>(result: Result<T, E>, named: (error: E) => ReadEmrtdError): T =>
      take(mapError(result, named));

    const selected = step(await plainLink(channel).send(selectApplication()), (error) => ({
      code: 'select-application',
      error,
    }));
    if (selected.sw !== SW_OK) {
      return err({ code: 'select-application', error: { code: 'status', sw: selected.sw } });
    }

    const accessControl = options.accessControl ?? new BacAccessControl(mrzInfo, options.bac);
    const session = step(await accessControl.establish(channel), (error) => ({
      code: 'access-control',
      error,
    }));
    const link = secureLink(channel, session);
    try {
      const comBytes = step(await readElementaryFile(link, EF_COM, options), (error) => ({
        code: 'read',
        file: 'EF.COM',
        error,
      }));
      const efCom = step(parseEfCom(comBytes), (error) => ({ code: 'ef-com', error }));

      const wanted = [...new Set<DataGroupNumber>([1, ...options.dataGroups])].sort((a, b) => a - b);
      const dataGroups = new Map<number, Uint8Array>();
      const skipped: { dataGroup: DataGroupNumber; reason: 'access-denied' }[] = [];
      for (const dataGroup of wanted) {
        if (!efCom.dataGroups.includes(dataGroup)) {
          if (dataGroup === 1 || dataGroup === 2) return err({ code: 'data-group-absent', dataGroup });
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
          return err({ code: 'read', file: `DG${dataGroup}`, error: bytes.error });
        }
        dataGroups.set(dataGroup, bytes.value);
      }
      const sod = step(await readElementaryFile(link, EF_SOD, options), (error) => ({
        code: 'read',
        file: 'EF.SOD',
        error,
      }));

      const mrz = step(parseDg1(dataGroups.get(1)!, { today: now }), (error) => ({ code: 'dg1', error }));
      const dg2 = dataGroups.get(2);
      const face = dg2 === undefined ? undefined : step(parseDg2(dg2), (error) => ({ code: 'dg2', error }));

      const verdict = await passiveAuthentication({
        sod,
        dataGroups,
        trustStore: options.trustStore,
        now,
      });
      return ok({
        mrz,
        faceImage: face,
        efCom,
        dataGroupsRead: [...dataGroups.keys()] as DataGroupNumber[],
        dataGroupsSkipped: skipped,
        passiveAuthentication: verdict,
      });
    } finally {
      // Personal data stays in the returned value only; the session keys go now.
      session.end();
    }
  });
}
