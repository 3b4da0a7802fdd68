/**
 * The Macau resident identity card (BIR, 澳門居民身份證). Its chip's file layout and keys are not public, so the
 * kiosk cannot read the chip by itself: this profile answers `unsupported` unless a licensed vendor decoder is
 * plugged in (a reader vendor's module, under the DSI/BIR's agreement). With one, the decoder gets the chip's
 * `ApduChannel` and returns typed fields; it never sees the rest of the kiosk.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { ApduChannel } from '../iso7816/apdu_channel.js';
import type {
  IdentityFields,
  ProfileReadResult,
  ReaderCapabilities,
  VendorReaderProfile,
} from './vendor_profile.js';

export const BIR_PROFILE_ID = 'macau-bir-identity-card';

export type BirChipDecoder = (
  chip: ApduChannel,
) => Promise<
  Result<
    Omit<IdentityFields, 'profile' | 'source'>,
    { code: 'no-document' } | { code: 'not-a-bir-card' } | { code: 'read-failed'; detail: string }
  >
>;

export function createBirMacauProfile(options: { decoder?: BirChipDecoder } = {}): VendorReaderProfile {
  return {
    id: BIR_PROFILE_ID,
    async readIdentity(reader: ReaderCapabilities): Promise<ProfileReadResult> {
      if (options.decoder === undefined) {
        return err({
          code: 'unsupported',
          reason: 'BIR chip layout and keys are not public; no vendor decoder installed',
        });
      }
      if (reader.chip === undefined) return err({ code: 'unsupported', reason: 'reader has no chip access' });
      const decoded = await options.decoder(reader.chip);
      if (!decoded.ok) {
        switch (decoded.error.code) {
          case 'no-document':
            return err({ code: 'no-document' });
          case 'not-a-bir-card':
            return err({ code: 'unsupported', reason: 'card is not a Macau resident identity card' });
          case 'read-failed':
            return err({ code: 'read-failed', detail: decoded.error.detail });
          default: {
            const unreachable: never = decoded.error;
            return unreachable;
          }
        }
      }
      return ok({ ...decoded.value, profile: BIR_PROFILE_ID, source: 'chip' });
    },
  };
}
